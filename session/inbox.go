package session

import "sync/atomic"

// segSize is how many messages a segment of an inbox holds.
const segSize = 16

// segment is a piece of an inbox: slots filled in order by the writer,
// then read in order by the reader.
type segment struct {
	slot [segSize]any
	next *segment
}

// inbox is an unbounded FIFO with one writer and one reader, without
// locks: the writer fills slots and then publishes them by raising pushed;
// the reader takes what pushed says is there. Segments are linked as the
// writer needs them; a drained one goes back to the writer as its spare,
// so a conversation that keeps up does not allocate.
//
// A slot holds a *T, a box for the message. The reader copies the value
// out and zeroes the box but leaves it in the slot; when the segment comes
// back to the writer, a message of the same type reuses the box, so that a
// steady conversation does not allocate for its payloads either.
type inbox struct {
	pushed  atomic.Uint64 // messages published by the writer
	waiting atomic.Bool   // the reader is parked or about to park: see conn
	spare   atomic.Pointer[segment]
	_       [40]byte

	// the writer's
	tail  *segment
	wrote uint64
	_     [48]byte

	// the reader's
	head     *segment
	headBase uint64 // index of head's first slot
	popped   uint64

	first segment // the first segment, allocated with the session
}

// slot returns the slot for the next message. The writer fills it, then
// calls publish.
func (q *inbox) slot() *any {
	i := q.wrote % segSize
	if q.tail == nil {
		q.tail = &q.first
		q.head = q.tail // the reader looks at head only after pushed rises
	} else if i == 0 {
		s := q.spare.Swap(nil)
		if s == nil {
			s = new(segment)
		}
		s.next = nil
		q.tail.next = s
		q.tail = s
	}
	return &q.tail.slot[i]
}

// publish makes the filled slot visible to the reader.
func (q *inbox) publish() {
	q.wrote++
	q.pushed.Store(q.wrote)
}

// ready reports whether a message is waiting.
func (q *inbox) ready() bool { return q.pushed.Load() > q.popped }

// front returns the slot of the oldest message; ready must have reported
// true. The reader reads it, then calls consumed.
func (q *inbox) front() *any {
	if q.popped-q.headBase == segSize {
		old := q.head
		q.head, q.headBase = old.next, q.headBase+segSize
		q.spare.Store(old)
	}
	return &q.head.slot[q.popped-q.headBase]
}

func (q *inbox) consumed() { q.popped++ }

// put stores v in a slot, reusing the box there when it holds a T.
func put[T any](slot *any, v T) {
	if p, ok := (*slot).(*T); ok {
		*p = v
		return
	}
	p := new(T)
	*p = v
	*slot = p
}

// get takes the value out of a slot and clears the box for reuse.
func get[T any](slot *any) T {
	p, _ := (*slot).(*T) // always a *T: the protocol types say what comes next
	if p == nil {
		var zero T
		return zero
	}
	v := *p
	var zero T
	*p = zero // let the box not keep the value alive
	return v
}
