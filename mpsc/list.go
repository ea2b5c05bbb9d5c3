package mpsc

import (
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/backoff"
)

// The unbounded flavour is a linked list of blocks of slots, after
// crossbeam-channel's list flavour, except that a send claims its index
// with one fetch-and-add on the tail rather than a compare-and-swap loop.
// When senders run at once on different processors, the tail's cache line
// then moves once per send, where a load and a compare-and-swap may move it
// twice and a lost race more often still; and no send ever waits for
// another, where crossbeam's senders wait at a block's end while one of
// them links the next. With four senders on two processors whose caches
// are far apart, this took about a quarter off the time per message. A
// receive claims a written slot at the head with a compare-and-swap, since
// several goroutines may receive at once.
//
// Every block records the index of its first message, so a goroutine can
// tell from a block alone whether it holds an index, and walk forward to
// the one that does. A block's successor is linked by whoever needs it
// first: almost always the sender of the block's first message, right
// after that message is out, so that senders reaching the block's end find
// it there. The garbage collector frees a block once the head moved past
// it. (Reusing spent blocks was tried: it saved only part of the
// allocations, as the backlog swings, and made sends write cache lines that
// the receiver's processor held, which cost more than it saved.)
//
// Within a block, consecutive indices go to slots listCols apart, so that
// senders running at once write different cache lines instead of taking
// one line from each other on every send.
//
// The tail counts in steps of listStep; its low bit marks the channel
// disconnected. A send whose fetch-and-add returns a marked tail has
// failed and its index is never written, so the goroutine that set the mark
// records in end where the messages stop.
const (
	listBlockCap = 126            // messages per block: with its headers, a block of ints fills a 2 KiB size class
	listRows     = 7              // consecutive offsets go to slots listCols apart,
	listCols     = 18             // wrapping round listRows times: listRows*listCols == listBlockCap
	listShift    = 1              // low bits of the tail used for marks
	listMark     = 1              // in the tail: disconnected
	listStep     = 1 << listShift // distance between two tail values
	slotWritten  = uint32(1)      // the slot holds its message
)

type listSlot[T any] struct {
	state atomic.Uint32
	val   T
}

type listBlock[T any] struct {
	start uint64 // the index of the block's first message; set before the block is shared
	next  atomic.Pointer[listBlock[T]]
	slots [listBlockCap]listSlot[T]
}

// slot returns the slot of the message at offset off in the block; the
// offsets map one to one onto the slots.
func (b *listBlock[T]) slot(off uint64) *listSlot[T] {
	return &b.slots[off%listRows*listCols+off/listRows]
}

// pad keeps the hot words on cache lines of their own, so that producers
// and consumers do not invalidate each other's lines.
type pad [128]byte

type listChan[T any] struct {
	_         pad
	tail      atomic.Uint64 // next index to claim << listShift | disconnected
	_         pad
	tailBlock atomic.Pointer[listBlock[T]] // a block at or before the one holding the tail; read by every send
	watch     stallWatch
	_         pad
	head      atomic.Uint64                // next index to receive
	headBlock atomic.Pointer[listBlock[T]] // the block holding the head, or the one before it
	_         pad
	receivers syncWaker[T]
	_         pad
	end       atomic.Uint64 // once disconnected: 1 + the index after the last message; 0 before
	clear     bool          // slots are cleared after a receive (T holds pointers)
	chanCore
}

func newListChan[T any]() *listChan[T] {
	c := &listChan[T]{clear: mustClear[T]()}
	b := new(listBlock[T])
	c.headBlock.Store(b)
	c.tailBlock.Store(b)
	c.openCore()
	return c
}

// nextBlock returns the block after b, linking a new one if none is yet.
func nextBlock[T any](b *listBlock[T]) *listBlock[T] {
	if n := b.next.Load(); n != nil {
		return n
	}
	n := &listBlock[T]{start: b.start + listBlockCap}
	if b.next.CompareAndSwap(nil, n) {
		return n
	}
	return b.next.Load()
}

// trySend appends v; it fails only when the channel is disconnected.
func (c *listChan[T]) trySend(v T) status {
	// Load the block before claiming the index: the tail block only ever
	// moves to the block of an index already claimed, so it starts at or
	// before ours.
	first := c.tailBlock.Load()
	t := c.tail.Add(listStep) - listStep
	if t&listMark != 0 {
		return disconnected
	}
	i := t >> listShift
	b := first
	for i-b.start >= listBlockCap {
		b = nextBlock(b)
	}
	if b != first {
		c.tailBlock.CompareAndSwap(first, b) // fails only when another send moved it on
	}
	off := i - b.start
	s := b.slot(off)
	s.val = v
	s.state.Store(slotWritten)
	c.receivers.notify()
	if off == 0 {
		// Link the next block now, after our message is out, rather
		// than when senders reach the end of this one together.
		nextBlock(b)
		if b.start%(listBlockCap*listWatchBlocks) == 0 {
			c.watchReceiver(i)
		}
	}
	return ok
}

// listWatchBlocks is how many blocks a send looks at the receiver once in.
const listWatchBlocks = (yieldEvery + listBlockCap - 1) / listBlockCap

// watchReceiver lets the receiver run if it is stalled far behind the send
// of index i (see stallWatch).
func (c *listChan[T]) watchReceiver(i uint64) {
	h := c.head.Load()
	if h < i {
		c.watch.yieldIfStalled(i-h, h)
	}
}

// locate returns the block holding the message at the head and the head,
// or a nil block when that message's block is not linked yet (so the
// message is not written).
func (c *listChan[T]) locate() (*listBlock[T], uint64) {
	for {
		h := c.head.Load()
		b := c.headBlock.Load()
		if h < b.start {
			continue // the head moved on since we read it
		}
		if h-b.start < listBlockCap {
			return b, h
		}
		// The receive of b's last message moved the head past b.
		n := b.next.Load()
		if n == nil {
			return nil, h
		}
		c.headBlock.CompareAndSwap(b, n)
	}
}

// drainedAt reports whether the channel is disconnected and holds no
// message at or after index h. It reads end, not the tail, which the
// senders write on every send: a receiver that looks at the tail whenever
// it catches up pulls that cache line away from them.
func (c *listChan[T]) drainedAt(h uint64) bool {
	e := c.end.Load()
	return e != 0 && h >= e-1
}

// tryRecv takes the oldest message without blocking. A message whose
// sender has claimed its index but not yet written it counts as not there
// yet, like an empty channel: the sender notifies waiting receivers as soon
// as it lands, and spinning on it would keep the receiver on the cache
// lines the sender is writing.
func (c *listChan[T]) tryRecv() (T, status) {
	var zero T
	var bo backoff.Backoff
	for {
		b, h := c.locate()
		var s *listSlot[T]
		if b != nil {
			s = b.slot(h - b.start)
		}
		if s == nil || s.state.Load()&slotWritten == 0 {
			if c.head.Load() != h {
				continue // another receiver moved on
			}
			if c.drainedAt(h) {
				return zero, disconnected
			}
			return zero, notReady
		}
		// b holds h by its range, so the slot is h's whether or not the
		// head moved since: the compare-and-swap tells.
		if c.head.CompareAndSwap(h, h+1) {
			v := s.val
			if c.clear {
				s.val = zero // the channel keeps no reference to what it handed out
			}
			return v, ok
		}
		bo.Spin() // lost to another receiver
	}
}

// recvReady reports whether a receive would not block: the message at the
// head is written, or the channel is empty and disconnected.
func (c *listChan[T]) recvReady(*waiter) bool {
	for {
		b, h := c.locate()
		if b != nil && b.slot(h-b.start).state.Load()&slotWritten != 0 {
			return true
		}
		if c.head.Load() != h {
			continue
		}
		return c.drainedAt(h)
	}
}

func (c *listChan[T]) registerRecv(e *entry[T]) bool {
	c.receivers.register(e)
	return c.recvReady(e.w)
}

func (c *listChan[T]) recvOrRegister(cache *entryCache[T]) (T, status, *entry[T]) {
	return pollOrRegister[T](c, cache)
}

func (c *listChan[T]) unregisterRecv(w *waiter) { c.receivers.unregister(w) }

// acceptRecv: a selection here only says that a message arrived.
func (c *listChan[T]) acceptRecv(*entry[T]) (T, status) { return c.tryRecv() }

// len counts the messages buffered now, those being written included.
func (c *listChan[T]) len() int {
	var bo backoff.Backoff
	for {
		t := c.tail.Load()
		h := c.head.Load()
		if t&listMark != 0 {
			e := c.end.Load()
			if e == 0 {
				bo.Snooze() // the disconnecting goroutine is recording the end
				continue
			}
			return int(e - 1 - h) // no receive goes past the end
		}
		if c.tail.Load() == t {
			return int(t>>listShift - h) // the head was at most t when read
		}
	}
}

// disconnect marks the tail, so no send can succeed after it, records
// where the messages end, and wakes every waiting receiver.
func (c *listChan[T]) disconnect() {
	if t := c.tail.Or(listMark); t&listMark == 0 {
		c.end.Store(t>>listShift + 1)
	}
	c.receivers.disconnect()
}
