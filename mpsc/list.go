package mpsc

import (
	"sync/atomic"
)

// The unbounded flavour is a linked list of blocks of slots, after
// crossbeam-channel's list flavour: a send claims the next index by moving
// the tail forward with one compare-and-swap, then writes its slot and marks
// it written; a receive claims a written slot at the head the same way.
// Blocks hold many messages, so one allocation serves 127 of them, and the
// garbage collector frees a block once the head moved past it.
//
// Indices count in steps of 1<<listShift. The low bit of the tail index marks
// the channel disconnected, so a send can never slip in after it. A receive
// looks at its slot's written bit before claiming it, so it reads the tail,
// which every send writes, only when it finds the slot empty.
const (
	listLap      = 128            // indices per block, one of them a gap that marks the block's end
	listBlockCap = listLap - 1    // messages per block
	listShift    = 1              // low bits of an index used for marks
	listMark     = 1              // in the tail: disconnected
	listStep     = 1 << listShift // distance between two indices
	slotWritten  = uint32(1)      // the slot holds its message
)

type listSlot[T any] struct {
	state atomic.Uint32
	val   T
}

type listBlock[T any] struct {
	next  atomic.Pointer[listBlock[T]]
	slots [listBlockCap]listSlot[T]
}

type listPosition[T any] struct {
	index atomic.Uint64
	block atomic.Pointer[listBlock[T]]
}

// pad keeps the head, the tail and the wakers on cache lines of their own,
// so that producers and consumers do not invalidate each other's lines.
type pad [128]byte

type listChan[T any] struct {
	_         pad
	head      listPosition[T]
	_         pad
	tail      listPosition[T]
	_         pad
	receivers syncWaker[T]
	_         pad
	senders   refs
	clear     bool // slots are cleared after a receive (T holds pointers)
}

func newListChan[T any]() *listChan[T] {
	c := &listChan[T]{clear: mustClear[T]()}
	b := new(listBlock[T])
	c.head.block.Store(b)
	c.tail.block.Store(b)
	c.senders.n.Store(1)
	return c
}

// trySend appends v; it fails only when the channel is disconnected.
func (c *listChan[T]) trySend(v T) status {
	var bo backoff
	var next *listBlock[T]
	tail := c.tail.index.Load()
	block := c.tail.block.Load()
	for {
		if tail&listMark != 0 {
			return disconnected
		}
		offset := (tail >> listShift) % listLap
		if offset == listBlockCap {
			// Another sender is linking the next block.
			bo.snooze()
			tail = c.tail.index.Load()
			block = c.tail.block.Load()
			continue
		}
		if offset+1 == listBlockCap && next == nil {
			// We may have to link the next block: allocate it before
			// claiming the slot, so others wait for us as briefly as can be.
			next = new(listBlock[T])
		}
		if c.tail.index.CompareAndSwap(tail, tail+listStep) {
			if offset+1 == listBlockCap {
				c.tail.block.Store(next)
				c.tail.index.Add(listStep)
				block.next.Store(next)
			}
			s := &block.slots[offset]
			s.val = v
			s.state.Store(slotWritten)
			c.receivers.notify()
			return ok
		}
		bo.spin()
		tail = c.tail.index.Load()
		block = c.tail.block.Load()
	}
}

// tryRecv takes the oldest message without blocking. It looks at the slot
// before it claims it, so that it reads the tail, which the senders keep
// writing, only when the slot is empty. A message whose send is still
// writing counts as not there yet (after a moment's spin): its sender
// notifies as soon as it lands.
func (c *listChan[T]) tryRecv() (T, status) {
	var zero T
	var bo backoff
	head := c.head.index.Load()
	block := c.head.block.Load()
	for {
		offset := (head >> listShift) % listLap
		if offset == listBlockCap {
			// Another receiver is moving the head to the next block.
			bo.snooze()
			head = c.head.index.Load()
			block = c.head.block.Load()
			continue
		}
		s := &block.slots[offset]
		if s.state.Load()&slotWritten == 0 {
			if h := c.head.index.Load(); h != head {
				// Our view is stale: another receiver moved on.
				head, block = h, c.head.block.Load()
				continue
			}
			tail := c.tail.index.Load()
			if head>>listShift == tail>>listShift {
				if tail&listMark != 0 {
					return zero, disconnected
				}
				return zero, notReady
			}
			// A send claimed the slot and is writing it.
			if bo.step > spinSteps {
				return zero, notReady
			}
			bo.spin()
			continue
		}
		if c.head.index.CompareAndSwap(head, head+listStep) {
			if offset+1 == listBlockCap {
				// The sender of this slot linked the next block before
				// writing the slot, so next is there.
				c.head.block.Store(block.next.Load())
				c.head.index.Store(head + 2*listStep)
			}
			v := s.val
			if c.clear {
				s.val = zero // the channel keeps no reference to what it handed out
			}
			return v, ok
		}
		bo.spin()
		head = c.head.index.Load()
		block = c.head.block.Load()
	}
}

// recvReady reports whether a receive would not block: the slot at the head
// is written, or the channel is empty and disconnected. A head between two
// blocks counts as ready, so that the caller retries rather than waits.
func (c *listChan[T]) recvReady(*waiter) bool {
	for {
		head := c.head.index.Load()
		block := c.head.block.Load()
		offset := (head >> listShift) % listLap
		if offset == listBlockCap {
			return true
		}
		if c.head.index.Load() != head {
			continue
		}
		if block.slots[offset].state.Load()&slotWritten != 0 {
			return true
		}
		tail := c.tail.index.Load()
		return tail&listMark != 0 && head>>listShift == tail>>listShift
	}
}

func (c *listChan[T]) registerRecv(e *entry[T]) bool {
	c.receivers.register(e)
	return c.recvReady(e.w)
}

func (c *listChan[T]) recvOrRegister(cache *entryCache[T]) (T, status, *entry[T]) {
	e := cache.get()
	for {
		if v, st := c.tryRecv(); st != notReady {
			cache.put(e)
			return v, st, nil
		}
		e.expect = e.w.begin()
		if !c.registerRecv(e) {
			var zero T
			return zero, notReady, e
		}
		c.receivers.unregister(e.w)
	}
}

func (c *listChan[T]) unregisterRecv(w *waiter) { c.receivers.unregister(w) }

// acceptRecv: a selection here only says that a message arrived.
func (c *listChan[T]) acceptRecv(*entry[T]) (T, status) { return c.tryRecv() }

// len counts the messages buffered now.
func (c *listChan[T]) len() int {
	for {
		tail := c.tail.index.Load()
		head := c.head.index.Load()
		if c.tail.index.Load() != tail {
			continue
		}
		tail, head = tail>>listShift, head>>listShift
		// Leave out the gap index at each block's end.
		tail -= tail / listLap
		head -= head / listLap
		return int(tail - head)
	}
}

// disconnect marks the tail, so no send can succeed after it, and wakes
// every waiting receiver.
func (c *listChan[T]) disconnect() {
	c.tail.index.Or(listMark)
	c.receivers.disconnect()
}

func (c *listChan[T]) closeSenders() { c.disconnect() }

// closeReceiver disconnects and drops every buffered message, waiting for
// sends already past the mark to land: they do not block.
func (c *listChan[T]) closeReceiver() {
	c.disconnect()
	var bo backoff
	for {
		switch _, st := c.tryRecv(); st {
		case disconnected:
			return
		case notReady:
			bo.snooze()
		}
	}
}
