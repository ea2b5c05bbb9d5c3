package model

// The step limit (MaxSteps): a run that reaches it is a livelock when its
// goroutines go round without getting anywhere. A run that still gets
// somewhere there, starting or ending goroutines or touching objects it
// had not touched (a test that hands a hundred thousand tasks to a pool,
// or fills a map with a million keys), is long rather than stuck: it is cut
// at the limit, not reported, and the search is not exhaustive.

// progressWindow is the part of the step limit, counted back from it, in
// which a run must have made progress to be cut rather than reported as a
// livelock.
const progressWindow = 4 // a quarter

// progress notes that a goroutine that is not a timer's started or ended.
func (e *execution) progress(t *mthread) {
	if t.daemon == "" {
		e.lastProgress = e.decisions
	}
}

// reachStepLimit ends a run that has made MaxSteps decisions: cut, or a
// livelock.
func (e *execution) reachStepLimit() {
	if e.decisions-e.lastProgress < e.x.cfg.maxSteps/progressWindow {
		e.cut = true
		e.end()
		return
	}
	e.failLater(e.livelockFailure)
}
