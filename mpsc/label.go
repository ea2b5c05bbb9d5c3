package mpsc

import (
	"reflect"
	"strconv"
)

// Named gives the channel of r a name for reports and returns r: the
// schedule explorer's reports then say "jobs (Channel[int] made at
// main.go:12)". Channels made inside the explorer record where they were
// made; Named adds the name. It does nothing on a zero Receiver.
func (r *Receiver[T]) Named(name string) *Receiver[T] {
	if r != nil && r.fl != nil {
		r.fl.core().label.SetName(name)
	}
	return r
}

// SchedLabel names the channel in the schedule explorer's reports, by its
// name and where it was made, as far as they are known, or "" when neither
// is: "jobs (Channel[int] made at main.go:12)".
func (c *listChan[T]) SchedLabel() string {
	return c.label.Describe("Channel[" + typeName[T]() + "]")
}

// SchedLabel names the channel as listChan's does: "SyncChannel[int](3)".
func (c *arrayChan[T]) SchedLabel() string {
	return c.label.Describe("SyncChannel[" + typeName[T]() + "](" + strconv.FormatUint(c.cap, 10) + ")")
}

// SchedLabel names the channel as listChan's does: "SyncChannel[int](0)".
func (c *zeroChan[T]) SchedLabel() string {
	return c.label.Describe("SyncChannel[" + typeName[T]() + "](0)")
}

func typeName[T any]() string { return reflect.TypeFor[T]().String() }
