package model

// The step limit (MaxSteps): a run that reaches it is a livelock when its
// goroutines go round without getting anywhere. A run whose goroutines are
// still starting and ending there (a test that hands a hundred thousand
// tasks to a pool, say) is long, not stuck: it is cut at the limit, not
// reported, and the search is not exhaustive.

// turnoverWindow is the part of the step limit, counted back from it, in
// which a goroutine must have started or ended for a run at the limit to
// be cut rather than reported as a livelock.
const turnoverWindow = 4 // a quarter

// turnover notes that a goroutine that is not a timer's started or ended.
func (e *execution) turnover(t *mthread) {
	if t.daemon == "" {
		e.lastTurnover = e.decisions
	}
}

// reachStepLimit ends a run that has made MaxSteps decisions: cut, or a
// livelock.
func (e *execution) reachStepLimit() {
	if e.decisions-e.lastTurnover < e.x.cfg.maxSteps/turnoverWindow {
		e.cut = true
		e.end()
		return
	}
	e.failLater(e.livelockFailure)
}
