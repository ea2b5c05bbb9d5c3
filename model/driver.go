package model

// The driver: the goroutine that runs the runs of a search one after
// another, switching to the threads of each one at a time (workers.go),
// each until it hands the turn back, and unwinding them when the run is
// over. It is not the goroutine that called Explore, which watches it for
// a stall (stall.go): a thread blocked outside the explorer holds its
// driver in the switch to it, and a new driver, of the run's next
// generation, unwinds the others and goes on with the search. A driver
// that finds itself of an old generation when its switch returns does
// nothing more.

// testHookReport, when set by a test, runs while a report is made.
var testHookReport func()

// drive goes on with run e from thread next (nil: only its unwinding is
// left) as the driver of generation gen, then with the search's next runs,
// and closes x.over when the search is over.
func (x *explorer) drive(e *execution, gen int64, next *mthread) {
	for {
		if !e.finish(gen, next) {
			return // a driver of a newer generation goes on
		}
		x.endRun(e)
		if e = x.startRun(); e == nil {
			close(x.over)
			return
		}
		gen, next = 0, e.threads[0]
	}
}

// finish runs e from thread next on as the driver of generation gen, makes
// its report and unwinds its threads. It reports whether the run is still
// this driver's; if not, a newer driver has it.
func (e *execution) finish(gen int64, next *mthread) (mine bool) {
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
			go e.x.drive(e, gen, next)
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
	e.mu.Lock()
	mine = e.gen.Load() == gen
	if mine {
		e.unwound = true
	}
	e.mu.Unlock()
	return mine
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
