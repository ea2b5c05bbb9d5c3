package model

// The driver: the goroutine that switches to the threads of a run one at a
// time (workers.go), each until it hands the turn back, and unwinds them
// when the run is over. It is not the goroutine that called Explore, which
// watches it for a stall (stall.go): a thread blocked outside the explorer
// holds its driver in the switch to it, and a new driver, of the next
// generation, unwinds the others. A driver that finds itself of an old
// generation when its switch returns does nothing more.

// testHookReport, when set by a test, runs while a report is made.
var testHookReport func()

// drive runs the run from thread next on (nil: only its unwinding is left)
// as the driver of generation gen, and closes e.over when every thread is
// unwound.
func (e *execution) drive(gen int64, next *mthread) {
	completed := false
	defer func() {
		if !completed && e.gen.Load() == gen {
			// runtime.Goexit in a thread ends its coroutine and, through
			// iter.Pull, the driver that switched to it: a new one goes on
			// with the thread the ending one handed the turn to.
			e.mu.Lock()
			next := e.afterGoexit
			e.afterGoexit = nil
			e.mu.Unlock()
			go e.drive(gen, next)
		}
	}()
	for next != nil {
		next = e.resume(gen, next)
	}
	if e.gen.Load() == gen {
		if e.report != nil {
			// The report is the explorer's own work, however long it takes
			// (a livelock's has a million steps to go through): the stall
			// watch waits for it (failLater), or a new driver would unwind
			// the threads the report describes.
			e.stacks()
			if testHookReport != nil {
				testHookReport()
			}
			e.failure, e.report = e.report(), nil
			e.reporting.Store(false)
		}
		e.abortAll(gen)
	}
	completed = true
	if e.gen.Load() == gen {
		close(e.over)
	}
}

// resume switches to t until it hands the turn back, and returns the
// thread it handed the turn to; nil when there is none, or when the driver
// is of an old generation.
func (e *execution) resume(gen int64, t *mthread) *mthread {
	w := t.w
	back, _ := w.resume()
	if back.ended {
		e.x.workers.put(w)
	}
	if e.gen.Load() != gen {
		return nil
	}
	return back.next
}
