package mpsc

import "github.com/fearlessgo/fearless/internal/sched"

// pointSend announces a sending-side operation (a send or the close of a
// sender) on channel c to an installed scheduler. Such an operation may wake
// a receiver, and that receiver may be a Select that waits on other
// channels too: two operations on different channels then race to wake the
// same waiter. The scheduler learns which operations may be reordered from
// the objects they name, so while a receiver waits the operation names no
// object, which means it may touch anything. In a normal build this is one
// atomic load, as sched.Point is: c is passed as any, since making a
// flavor of a SyncSender's sendFlavor would look up an itab at every send.
// It is small enough to be inlined into every send.
func pointSend(op sched.Op, c any) {
	if sched.Installed() {
		pointSendScheduled(op, c.(flavor))
	}
}

func pointSendScheduled(op sched.Op, c flavor) {
	if c.receiverWaits() {
		sched.Point(op, nil)
		return
	}
	sched.Point(op, c)
}

func (c *listChan[T]) receiverWaits() bool  { return c.receivers.waiting.Load() }
func (c *arrayChan[T]) receiverWaits() bool { return c.receivers.waiting.Load() }

func (c *zeroChan[T]) receiverWaits() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.receivers.entries) > 0
}
