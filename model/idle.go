package model

import "github.com/fearlessgo/fearless/internal/sched"

// Waiting for idleness: testing/synctest's Wait, which blocks until every
// other goroutine is blocked. A thread that waits so is woken when no other
// thread can run and no timeout is due, before time passes, and its wake-up
// depends on what every other thread did.

// idle is the count of a run's threads that wait for idleness.
type idle struct{ idleWaiting int }

// timeoutDue reports whether one of the timed threads tim has a timeout
// that is due now: it can go on without time passing, so the run is not
// idle.
func (e *execution) timeoutDue(tim []int) bool {
	for _, id := range tim {
		if e.threads[id].deadline <= e.now {
			return true
		}
	}
	return false
}

// waitIdle parks the running thread until no other thread can run.
func (e *execution) waitIdle() {
	p := sched.NewParker()
	sched.Point("synctest.Wait", idleKey{})
	e.park(p, nil, 0, parkIdle)
}

// idleKey is what a thread that waits for idleness waits on, in reports.
type idleKey struct{}

func (idleKey) SchedLabel() string { return "every other goroutine to block" }

// wakeIdle wakes every thread that waits for idleness, appending them to
// run, the threads that can run (none other can). e.mu is held.
func (e *execution) wakeIdle(run []int) []int {
	for _, t := range e.threads {
		if t.status == blocked && t.idleWait {
			if ps := e.waitedBy(t.parker, t); ps != nil {
				ps.waiter = nil
			}
			t.status, t.result = runnable, nil
			t.idleWait, t.idleWoken = false, true
			e.idleWaiting--
			run = append(run, t.id)
		}
	}
	return run
}
