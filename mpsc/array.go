package mpsc

import (
	"math/bits"
	"os"
	"sync/atomic"

	"github.com/fearlessgo/fearless/internal/backoff"
)

// The bounded flavour is a ring of slots, each with a stamp, after Dmitry
// Vyukov's bounded queue as crossbeam-channel's array flavour uses it. The
// head and tail are indices that carry a lap count above the slot number; a
// slot is free for the send at index i when its stamp equals i and full for
// the receive at index i when its stamp equals i+1. A send claims its index
// with one compare-and-swap on the tail, writes, then publishes the slot
// through the stamp; a receive does the same at the head. Nothing allocates
// per message.
//
// The bit just above the slot number of the tail marks the channel
// disconnected, so a send cannot slip in after the mark.
//
// A sender never waits for a receiver in the middle of its operation, nor
// the other way round: a slot that the other side has claimed but not yet
// published counts as not ready, and the other side notifies right after
// publishing. That goroutine may be descheduled for long at that point, and
// spinning on it would burn the processor it needs.
//
// Two exceptions, both taken from Go's channels: a receive that makes room
// while a sender is blocked sends that sender's value itself (handOff), and
// the sender, which can no longer time out, waits for that to finish,
// looking a few times before it parks; and a send that finds a receiver
// blocked on the empty buffer gives it the value directly (give), unless
// it is made for a sender that a receive woke: that one fills the room
// the receive made (push).
type arrayChan[T any] struct {
	_         pad
	head      atomic.Uint64
	_         pad
	tail      atomic.Uint64
	watch     stallWatch // senders only, as the tail
	_         pad
	buf       []arraySlot[T]
	cap       uint64
	mark      uint64 // the disconnected bit of the tail; mark-1 masks the slot number
	oneLap    uint64 // adding it to an index moves to the same slot one lap later
	clear     bool   // slots are cleared after a receive (T holds pointers)
	_         pad
	senders   syncWaker[T] // blocked while full
	_         pad
	receivers syncWaker[T] // blocked while empty
	chanCore
}

// A slot keeps its stamp relative to its number (the stamp minus the
// number), so that a new buffer, all zero, holds the stamps of lap 0: making
// a channel then costs its allocation and a locked store per page
// (mapPages), not one per slot.
type arraySlot[T any] struct {
	rel atomic.Uint64
	val T
}

// stamp returns the stamp of the slot numbered n.
func (s *arraySlot[T]) stamp(n uint64) uint64 { return s.rel.Load() + n }

// setStamp publishes stamp for the slot numbered n.
func (s *arraySlot[T]) setStamp(n, stamp uint64) { s.rel.Store(stamp - n) }

func newArrayChan[T any](n int) *arrayChan[T] {
	checkBuffer[arraySlot[T]](n)
	c := &arrayChan[T]{cap: uint64(n), buf: make([]arraySlot[T], n), clear: mustClear[T]()}
	mapPages(c.buf)
	c.mark = uint64(1) << bits.Len64(c.cap) // a power of two above every slot number
	c.oneLap = c.mark << 1
	c.openCore()
	return c
}

// mapPages writes once to each page of a new buffer, in order (to every
// slot's stamp when a slot takes a page or more). A large buffer comes
// fresh from the operating system, and otherwise the first lap of sends
// would map its pages: a page fault on the hot path of whichever sender
// reaches a new page first, which the senders behind it and the receiver
// then wait out. Storing 0 leaves a slot as it was (lap 0).
func mapPages[T any](buf []arraySlot[T]) {
	step := max(1, pageSize/int(slotSize[arraySlot[T]]()))
	for i := 0; i < len(buf); i += step {
		buf[i].rel.Store(0)
	}
}

var pageSize = os.Getpagesize()

// next is the index after i, which moves to the next lap after the last slot.
func (c *arrayChan[T]) next(i uint64) uint64 {
	if slot := i & (c.mark - 1); slot+1 < c.cap {
		return i + 1
	}
	return (i &^ (c.oneLap - 1)) + c.oneLap
}

func (c *arrayChan[T]) trySend(v T) status {
	if c.receivers.waiting.Load() && c.give(v) {
		return ok
	}
	return c.push(v)
}

// push puts v in the buffer, never straight into a blocked receiver's
// hands. A send made for a sender that was woken because a receive made
// room (handOff, acceptSend) must fill that room: given to a receiver
// instead, v would leave it free while the other blocked senders, which
// only a receive that makes room wakes, sleep on.
func (c *arrayChan[T]) push(v T) status {
	var bo backoff.Backoff
	tail := c.tail.Load()
	for {
		if tail&c.mark != 0 {
			return disconnected
		}
		n := tail & (c.mark - 1)
		s := &c.buf[n]
		stamp := s.stamp(n)
		switch {
		case stamp == tail:
			if c.tail.CompareAndSwap(tail, c.next(tail)) {
				s.val = v
				s.setStamp(n, tail+1)
				c.receivers.notify()
				if tail%yieldEvery == 0 && c.cap > yieldBacklog {
					c.watchReceiver(tail)
				}
				return ok
			}
			bo.Spin() // lost to another sender
		case stamp+c.oneLap == tail+1:
			// The slot still holds last lap's message: full, or a receive
			// is taking it right now. Give that a moment, not more.
			if c.head.Load()+c.oneLap == tail || bo.Spun() {
				return notReady
			}
			bo.Spin()
		default:
			// Another sender took this index: look again.
		}
		tail = c.tail.Load()
	}
}

// watchReceiver lets the receiver run if it is stalled far behind the send
// of index tail (see stallWatch).
func (c *arrayChan[T]) watchReceiver(tail uint64) {
	head := c.head.Load()
	if n := c.between(head, tail); n > 0 {
		c.watch.yieldIfStalled(uint64(n), head)
	}
}

// between returns how many indices lie from head up to tail (the mark
// bit, if set, is ignored); negative when head is past tail.
func (c *arrayChan[T]) between(head, tail uint64) int64 {
	laps := int64(tail/c.oneLap) - int64(head/c.oneLap)
	return laps*int64(c.cap) + int64(tail&(c.mark-1)) - int64(head&(c.mark-1))
}

func (c *arrayChan[T]) tryRecv() (T, status) {
	var bo backoff.Backoff
	head := c.head.Load()
	for {
		n := head & (c.mark - 1)
		s := &c.buf[n]
		stamp := s.stamp(n)
		switch {
		case stamp == head+1:
			if c.head.CompareAndSwap(head, c.next(head)) {
				v := s.val
				if c.clear {
					var zero T
					s.val = zero // the channel keeps no reference to what it handed out
				}
				s.setStamp(n, head+c.oneLap)
				if c.senders.waiting.Load() {
					c.handOff()
				}
				return v, ok
			}
			bo.Spin() // lost to another receiver
		case stamp == head:
			// The slot is empty: so is the channel, or a send claimed the
			// slot and is writing now. Give that a moment, not more.
			tail := c.tail.Load()
			if tail&^c.mark == head {
				var zero T
				if tail&c.mark != 0 {
					return zero, disconnected
				}
				return zero, notReady
			}
			if bo.Spun() {
				var zero T
				return zero, notReady
			}
			bo.Spin()
		default:
			// Another receiver took this index: look again.
		}
		head = c.head.Load()
	}
}

// recvReady reports whether a receive would not block: the slot at the head
// is published, or the channel is empty and disconnected.
func (c *arrayChan[T]) recvReady(*waiter) bool {
	for {
		head := c.head.Load()
		n := head & (c.mark - 1)
		stamp := c.buf[n].stamp(n)
		switch {
		case stamp == head+1:
			return true
		case stamp == head:
			tail := c.tail.Load()
			return tail&c.mark != 0 && tail&^c.mark == head
		}
		// The head moved on under us: look again.
	}
}

// sendReady reports whether a send would not block: the slot at the tail is
// free, or the channel is disconnected.
func (c *arrayChan[T]) sendReady(*waiter) bool {
	for {
		tail := c.tail.Load()
		if tail&c.mark != 0 {
			return true
		}
		n := tail & (c.mark - 1)
		stamp := c.buf[n].stamp(n)
		switch {
		case stamp == tail:
			return true
		case stamp+c.oneLap == tail+1:
			return false
		}
	}
}

func (c *arrayChan[T]) registerRecv(e *entry[T]) bool {
	c.receivers.register(e)
	return c.recvReady(e.w)
}

func (c *arrayChan[T]) unregisterRecv(w *waiter) { c.receivers.unregister(w) }

func (c *arrayChan[T]) recvOrRegister(cache *entryCache[T]) (T, status, *entry[T]) {
	return pollOrRegister[T](c, cache)
}

// acceptRecv takes the value a sender gave e, if one did; otherwise the
// selection only says that a value arrived.
func (c *arrayChan[T]) acceptRecv(e *entry[T]) (T, status) {
	if v, given := e.takeGiven(); given {
		return v, ok
	}
	return c.tryRecv()
}

func (c *arrayChan[T]) sendOrRegister(cache *entryCache[T], v T) (status, *entry[T]) {
	e := cache.get()
	for {
		if st := c.trySend(v); st != notReady {
			cache.put(e)
			return st, nil
		}
		e.expect = e.w.begin()
		e.val = v
		c.senders.register(e)
		if !c.sendReady(e.w) {
			return notReady, e
		}
		// Room came meanwhile. Call the wait off before trying again: a
		// receive may have selected it already, and may be sending v.
		if ok, _ := e.w.trySelect(e.expect, selAborted); !ok {
			return notReady, e // the wait sees the selection at once
		}
		c.senders.unregister(e.w)
	}
}

func (c *arrayChan[T]) unregisterSend(w *waiter) { c.senders.unregister(w) }

// acceptSend: a selection only says that room was made, which v fills.
func (c *arrayChan[T]) acceptSend(e *entry[T], v T) status { return c.push(v) }

func (c *arrayChan[T]) len() int {
	for {
		tail := c.tail.Load()
		head := c.head.Load()
		if c.tail.Load() == tail {
			return int(c.between(head, tail))
		}
	}
}

func (c *arrayChan[T]) disconnect() {
	if c.tail.Or(c.mark)&c.mark == 0 {
		c.senders.disconnect()
	}
	c.receivers.disconnect()
}
