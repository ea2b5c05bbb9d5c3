package sched

// Creations is implemented by a Scheduler that wants to know when the
// running goroutine makes an object it will later name at a Point or park
// on. An object made after a branch of a schedule search would otherwise
// have no name shared between the runs that leave the branch different
// ways; one made by a goroutine can be named by who made it and how many
// it had made before, which is the same in every run in which that
// goroutine did the same things.
type Creations interface {
	// Created records that the running goroutine made obj just now.
	Created(obj any)
}

// Created tells the installed scheduler, if it wants to know, that the
// calling goroutine made obj. It costs nothing when none is installed.
func Created(obj any) {
	if b := installed.Load(); b != nil {
		if c, ok := b.s.(Creations); ok {
			c.Created(obj)
		}
	}
}
