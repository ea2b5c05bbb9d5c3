package mpsc

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// Outcomes a waiter can be selected with. A value of selOperation or more
// names the operation (the Select case) that was made ready.
const (
	selWaiting uint32 = iota
	selAborted
	selDisconnected
	selHanded // a receiver took the sender's value to send it itself
	selSent   // ... and sent it
	selOperation
)

// A waiter is one goroutine blocked in a channel operation or a Select. It
// may be registered with several channels at once; whoever first moves it
// away from waiting owns the wake-up, so a waiter is woken exactly once per
// wait, for exactly one reason.
//
// Its state holds a generation count in the high 32 bits, the selection
// shifted left by one below, and in the low bit whether the owner is parked
// or about to park. A wait does not reset the state (which would cost a
// locked instruction): it begins by noting the state as it is, and the
// waiter counts as waiting as long as the state still has that value. Every
// selection moves to the next generation, so the value never comes back.
// A selector that finds the parked bit clear need not unpark: the owner
// looks at the state again after setting the bit and before parking.
type waiter struct {
	state  atomic.Uint64
	parker atomic.Pointer[sched.Parker]
}

const parkedBit = 1

// begin starts a wait and returns the state value that means waiting. Only
// the owner calls it, while no selection of an earlier wait can come.
func (w *waiter) begin() uint64 { return w.state.Load() &^ parkedBit }

// selection returns how the waiter was selected in the wait that began
// with expect, or selWaiting.
func (w *waiter) selection(expect uint64) uint32 {
	s := w.state.Load()
	if s&^parkedBit == expect {
		return selWaiting
	}
	return uint32(s) >> 1
}

// trySelect moves the waiter from the wait that began with expect to sel.
// It fails when someone else did first, or the owner gave up. A selector
// other than the owner must call unpark when told to (it may first release
// its locks).
func (w *waiter) trySelect(expect uint64, sel uint32) (selected, mustUnpark bool) {
	next := (expect>>32+1)<<32 | uint64(sel)<<1
	// Most often the owner has not parked: one CAS, without first loading
	// a line that the owner's core holds.
	if w.state.CompareAndSwap(expect, next) {
		return true, false
	}
	// Else the owner has set the parked bit (it never clears it), or the
	// wait is over and neither CAS can succeed.
	return w.state.CompareAndSwap(expect|parkedBit, next), true
}

// unpark wakes the owner, which parks or is about to. A late unpark may leave
// a stale token in the parker of a waiter that went on to wait again; wait
// treats a token as a hint and looks at its state.
func (w *waiter) unpark() { w.parker.Load().Unpark() }

// handed is the state of a waiter whose wait that began with expect was
// selected as selHanded: it waits on for the outcome, which no timeout can
// take away.
func handed(expect uint64) uint64 { return (expect>>32+1)<<32 | uint64(selHanded)<<1 }

// handOutcome ends a wait selected as selHanded (with mustUnpark from that
// selection) with sel: selSent, or selOperation when the value could not go.
func (w *waiter) handOutcome(expect uint64, sel uint32, mustUnpark bool) {
	if _, unpark := w.trySelect(handed(expect), sel); unpark || mustUnpark {
		w.unpark()
	}
}

// handWaitSpins is how many times a sender whose value a receiver is sending
// looks at its state before it parks: the receiver is a few steps away.
const handWaitSpins = 64

// waitHanded waits for the outcome of a wait that began with expect and
// was selected as selHanded: selSent, or selOperation. The receiver that
// selected it is a few steps away from it, so it looks a few times first.
func (w *waiter) waitHanded(expect uint64) uint32 {
	expect = handed(expect)
	if spinning() {
		for range handWaitSpins {
			spinPause()
			if sel := w.selection(expect); sel != selWaiting {
				return sel
			}
		}
	}
	return w.wait(expect, 0, noContext, time.Time{})
}

// wait blocks until the wait that began with expect is selected, or until
// ctx is done or the deadline passes (zero: none), in which case it selects
// itself as aborted. It returns how it was selected; a selection that won
// the race against the timeout is returned as that selection, never lost.
func (w *waiter) wait(expect uint64, yields int, ctx context.Context, deadline time.Time) uint32 {
	if sel := w.selection(expect); sel != selWaiting {
		return sel
	}
	if spinning() {
		// The other side is often about to act: let it run on this
		// processor a few times before paying for a park and an unpark.
		for range yields {
			runtime.Gosched()
			if sel := w.selection(expect); sel != selWaiting {
				return sel
			}
		}
	}
	p := w.parker.Load()
	if p == nil {
		p = sched.NewParker()
		w.parker.Store(p)
	}
	for {
		s := w.state.Load()
		if s&^parkedBit != expect {
			return uint32(s) >> 1
		}
		if s&parkedBit == 0 && !w.state.CompareAndSwap(s, s|parkedBit) {
			continue
		}
		var err error
		switch {
		case ctx == nil && deadline.IsZero():
			p.Park()
		case deadline.IsZero():
			err = p.ParkContext(ctx, 0)
		default:
			if ctx == nil {
				ctx = context.Background()
			}
			if d := sched.Until(deadline); d > 0 {
				err = p.ParkContext(ctx, d)
			} else {
				err = context.DeadlineExceeded
			}
		}
		if err != nil {
			if ok, _ := w.trySelect(expect, selAborted); ok {
				return selAborted
			}
			return w.selection(expect)
		}
		// Woken, or a stale token: the state says which.
	}
}

// An entry is a waiter's registration with one channel. For the
// rendezvous flavour it also carries the value handed over: a blocked
// sender's value, or the slot a sender fills for a blocked receiver.
// Selectors read expect and val under the lock of the queue that holds
// the entry.
type entry[T any] struct {
	w      *waiter
	op     uint32
	expect uint64 // the waiter's state while this registration waits
	val    T
}

// trySelect selects the waiter for this entry's operation.
func (e *entry[T]) trySelect() (selected, mustUnpark bool) { return e.w.trySelect(e.expect, e.op) }

// entryCache keeps one entry (and with it one waiter and its parker) per
// handle, so that blocking does not allocate in steady state. It is safe for
// concurrent use: a goroutine that finds it empty allocates its own.
type entryCache[T any] struct{ p atomic.Pointer[entry[T]] }

func (c *entryCache[T]) get() *entry[T] {
	if e := c.p.Swap(nil); e != nil {
		return e
	}
	return &entry[T]{w: new(waiter), op: selOperation}
}

func (c *entryCache[T]) put(e *entry[T]) {
	var zero T
	e.val = zero
	c.p.Store(e)
}

// waitQueue is a FIFO of registered entries. Its owner guards it.
type waitQueue[T any] struct{ entries []*entry[T] }

func (q *waitQueue[T]) push(e *entry[T]) { q.entries = append(q.entries, e) }

func (q *waitQueue[T]) removeAt(i int) {
	copy(q.entries[i:], q.entries[i+1:])
	q.entries[len(q.entries)-1] = nil
	q.entries = q.entries[:len(q.entries)-1]
}

// remove unregisters the entries of w and reports whether there were any.
func (q *waitQueue[T]) remove(w *waiter) bool {
	found := false
	for i := 0; i < len(q.entries); {
		if q.entries[i].w == w {
			q.removeAt(i)
			found = true
			continue
		}
		i++
	}
	return found
}

// selectOne selects the first entry still waiting, removes it from the
// queue and returns it, and whether to unpark its owner; nil when none
// waits. Once an entry is selected its owner may reuse it at once, so a
// selector touches an entry only before its selecting CAS; after a failed
// one the owner still has to take the lock to unregister.
func (q *waitQueue[T]) selectOne() (*entry[T], bool) {
	for i, e := range q.entries {
		if ok, unpark := e.trySelect(); ok {
			q.removeAt(i)
			return e, unpark
		}
	}
	return nil, false
}

// selectAndGive is selectOne for a rendezvous sender: it puts v in the entry
// before selecting it, so the owner finds the value there as soon as it sees
// its selection.
func (q *waitQueue[T]) selectAndGive(v T) (*entry[T], bool) {
	var zero T
	for i, e := range q.entries {
		e.val = v
		if ok, unpark := e.trySelect(); ok {
			q.removeAt(i)
			return e, unpark
		}
		e.val = zero
	}
	return nil, false
}

// selectAndTake is selectOne for a rendezvous receiver: it reads the value
// of the entry it selects before selecting it.
func (q *waitQueue[T]) selectAndTake() (T, *entry[T], bool) {
	for i, e := range q.entries {
		v := e.val
		if ok, unpark := e.trySelect(); ok {
			q.removeAt(i)
			return v, e, unpark
		}
	}
	var zero T
	return zero, nil, false
}

// canSelect reports whether some entry, not belonging to self, is waiting.
func (q *waitQueue[T]) canSelect(self *waiter) bool {
	for _, e := range q.entries {
		if e.w != self && e.w.selection(e.expect) == selWaiting {
			return true
		}
	}
	return false
}

// disconnectAll selects every waiting entry as disconnected and wakes it.
// The entries stay: their owners unregister them.
func (q *waitQueue[T]) disconnectAll() {
	for _, e := range q.entries {
		if ok, unpark := e.w.trySelect(e.expect, selDisconnected); ok && unpark {
			e.w.unpark()
		}
	}
}

// syncWaker is a waitQueue with its own lock and a flag that lets notify
// return after one atomic load when nobody waits, the common case on the
// hot path of the lock-free flavours.
//
// The flag sits on a cache line of its own and is written only when it
// changes: the other side of the channel reads it on every operation, and
// a write to its line (taking the lock is one) would make that read miss.
type syncWaker[T any] struct {
	waiting atomic.Bool
	_       pad
	mu      sync.Mutex
	q       waitQueue[T]
}

// setWaiting records whether anyone waits. The caller holds the lock.
func (s *syncWaker[T]) setWaiting(w bool) {
	if s.waiting.Load() != w {
		s.waiting.Store(w)
	}
}

// register registers e for the wait that began with e.expect.
func (s *syncWaker[T]) register(e *entry[T]) {
	s.mu.Lock()
	s.q.push(e)
	s.setWaiting(true)
	s.mu.Unlock()
}

func (s *syncWaker[T]) unregister(w *waiter) {
	s.mu.Lock()
	s.q.remove(w)
	s.setWaiting(len(s.q.entries) > 0)
	s.mu.Unlock()
}

// notify wakes one waiter, if any waits. It is small enough to be inlined
// into every send and receive, which mostly find nobody waiting.
func (s *syncWaker[T]) notify() {
	if s.waiting.Load() {
		s.wakeOne()
	}
}

func (s *syncWaker[T]) wakeOne() {
	s.mu.Lock()
	e, unpark := s.q.selectOne()
	s.setWaiting(len(s.q.entries) > 0)
	s.mu.Unlock()
	if unpark {
		e.w.unpark()
	}
}

// disconnect wakes every waiter with selDisconnected.
func (s *syncWaker[T]) disconnect() {
	s.mu.Lock()
	s.q.disconnectAll()
	s.mu.Unlock()
}

// backoff paces a retry loop on a race that another goroutine is about to
// settle without blocking (it is between two steps of an operation): a few
// rounds of busy spinning while it likely runs on another core, then
// yielding the processor in case it waits for this one. Waiting for the
// other side of a channel is never done this way: that parks.
type backoff struct{ step uint32 }

const (
	spinSteps  = 4  // busy rounds, doubling from 1 to 16 checks
	yieldSteps = 10 // the step count stops growing here
)

// waitYields is how many times a wait yields the processor before it
// parks. Spinning without yielding does not pay: a goroutine woken by a
// send is queued on the sender's processor and runs only once the sender
// stops. A sender waiting for room in a full buffer yields less (see
// SyncSender.yields).
const waitYields = 4

// spin waits a moment without yielding, for a race lost to another core.
func (b *backoff) spin() {
	for i := 0; i < 1<<min(b.step, spinSteps); i++ {
		spinPause()
	}
	if b.step <= spinSteps {
		b.step++
	}
}

// snooze waits for another goroutine to make progress: busy at first, then
// letting it run on this processor.
func (b *backoff) snooze() {
	if b.step <= spinSteps {
		for i := 0; i < 1<<b.step; i++ {
			spinPause()
		}
	} else {
		runtime.Gosched()
	}
	if b.step <= yieldSteps {
		b.step++
	}
}

var pauseSink atomic.Uint32

// spinPause burns a few cycles in a way the compiler keeps.
func spinPause() { pauseSink.Load() }

// spinning reports whether busy-waiting can help: not while a deterministic
// scheduler runs one goroutine at a time.
func spinning() bool { return sched.Active() == nil }

// maxWait is the longest timeout turned into a deadline; a longer one waits
// forever, which no program can tell apart and which cannot overflow.
const maxWait = 100 * 365 * 24 * time.Hour

// past is a deadline that has always passed, also under testing/synctest's
// clock, which starts in 2000.
var past = time.Unix(1, 0)

// deadlineAfter returns the deadline d from now: past when d <= 0 (try once,
// do not wait) and the zero time (never) when d is too long to matter.
func deadlineAfter(d time.Duration) time.Time {
	switch {
	case d <= 0:
		return past
	case d >= maxWait:
		return time.Time{}
	}
	return sched.Now().Add(d)
}

// expired reports whether the wait given by ctx and deadline is over, as the
// error to return for it: ctx.Err(), ErrTimeout or nil.
func expired(ctx context.Context, deadline time.Time) error {
	if ctx != nil {
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if !deadline.IsZero() && (deadline.Equal(past) || !sched.Now().Before(deadline)) {
		return ErrTimeout
	}
	return nil
}
