package model

// The step limit (MaxSteps): a run that reaches it is a livelock when its
// goroutines go round without getting anywhere, as a spin on a flag or a
// ping-pong between two goroutines does, over a few objects. A run that
// still gets somewhere there (it starts or ends goroutines, touches
// objects it had not touched, or goes through many: a test that hands a
// hundred thousand tasks to a pool, or stores a million keys in a map) is
// long rather than stuck: it is cut at the limit, not reported, and the
// search is not exhaustive.

// progressWindow is the part of the step limit, counted back from it, in
// which a run must have made progress to be cut rather than reported as a
// livelock.
const progressWindow = 4 // a quarter

// manyObjects is how many objects a run must touch in the window to be
// taken as going through its data rather than round a loop.
const manyObjects = 32

// progress notes that a goroutine that is not a timer's started or ended.
func (e *execution) progress(t *mthread) {
	if t.daemon == "" {
		e.lastProgress = e.decisions
	}
}

// reachStepLimit ends a run that has made MaxSteps decisions: cut, or a
// livelock.
func (e *execution) reachStepLimit() {
	if e.progressing() {
		e.cut = true
		e.end()
		return
	}
	e.failLater(e.livelockFailure)
}

// progressing reports whether the run made progress in the window.
func (e *execution) progressing() bool {
	since := e.decisions - e.x.cfg.maxSteps/progressWindow
	if e.lastProgress > since {
		return true
	}
	n := 0
	for _, os := range e.objs.all {
		if os.seen > since {
			if n++; n >= manyObjects {
				return true
			}
		}
	}
	return false
}
