package sched

// Operations that a scheduler treats specially, by name. Every other Op is
// an ordinary operation on the object given to Point.
const (
	OpStart Op = "start" // a thread's first step, announced by the scheduler itself
	OpSpawn Op = "spawn" // obj: the handle whose Join waits for the new thread
	OpJoin  Op = "join"  // obj: that handle
	OpYield Op = "yield" // the thread lets others run first
	OpSleep Op = "sleep" // the thread waits for time to pass, and lets others run first
)

// Yields reports whether op lets other threads run first.
func (op Op) Yields() bool { return op == OpYield || op == OpSleep }
