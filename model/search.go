package model

// The search: the runs of one Explore or Replay, one after another. It
// lives in the explorer, not on the stack of the goroutine that drives the
// runs, so that a driver taking over from another (after a stall or a
// runtime.Goexit, driver.go) goes on with it where the other left off.

// A search says which run comes next and learns what each run found.
type search interface {
	// next returns the path the next run follows and the chooser of its
	// fresh decisions; ok is false when the search is over.
	next() (path []*branch, ch chooser, ok bool)
	// ran records the run that is over: its failure, path and decisions.
	ran(e *execution)
}

// exploration is Explore's search: depth first on half the budget (all of
// it when PCT was not asked for), then PCT on the rest.
type exploration struct {
	x         *explorer
	r         Result
	dfsBudget int // 0: no depth-first phase
	usePCT    bool
	d         *dfs
	ch        chooser // the depth-first phase's
	p         *pct    // the PCT phase's, once it started
	over      bool
	// found is the failure of a run whose objects were made without their
	// sites, to be run again along its schedule with them (siteRun, next
	// when rerun is set) for the report: the same failure, with every
	// object named.
	found   *Failure
	siteRun []*branch
	rerun   bool
}

func newExploration(x *explorer) *exploration {
	cfg := &x.cfg
	s := &exploration{x: x, usePCT: cfg.pct > 0 || !cfg.boundSet}
	if cfg.pct == 0 || cfg.boundSet {
		s.dfsBudget = cfg.maxSchedules
		if s.usePCT {
			s.dfsBudget = max(1, cfg.maxSchedules/2)
		}
		s.d = &dfs{bound: cfg.bound, spare: &x.branches}
		s.ch = dfsChooser{}
		if cfg.noReduction {
			s.ch = fullChooser{}
		}
	}
	return s
}

func (s *exploration) next() ([]*branch, chooser, bool) {
	if s.rerun {
		s.rerun = false
		s.x.sites.Store(true)
		return s.siteRun, replayChooser{}, true
	}
	if s.over || s.x.overBudget() {
		return nil, nil, false
	}
	if s.p == nil {
		if s.r.Schedules < s.dfsBudget {
			return s.d.path, s.ch, true
		}
		if !s.usePCT {
			return nil, nil, false
		}
		depth := s.x.cfg.pct
		if depth == 0 {
			depth = defaultPCTDepth
		}
		s.p = newPCT(depth, s.x.cfg.seed)
	}
	if s.r.Schedules >= s.x.cfg.maxSchedules {
		return nil, nil, false
	}
	s.p.reset()
	return nil, s.p, true
}

func (s *exploration) ran(e *execution) {
	if s.found != nil {
		// The run again of a failing schedule, with sites: its failure is
		// the same, unless the function does not replay.
		s.r.Failure, s.found = s.found, nil
		if f := e.failure; f != nil && f.Kind == s.r.Failure.Kind {
			s.r.Failure = f
		}
		e.outside = nil // the first run's are counted
		return
	}
	s.r.Schedules++
	switch {
	case e.failure != nil && s.x.unsited.Load() && len(e.outside) == 0 && e.failure.Kind != KindOutside && e.failure.Kind != KindNondeterministic:
		s.over = true
		var err error
		if s.siteRun, _, err = parseSchedule(e.failure.Schedule); err != nil {
			s.r.Failure = e.failure // cannot happen: the explorer wrote it
			break
		}
		s.found, s.rerun = e.failure, true
	case e.failure != nil:
		s.r.Failure, s.over = e.failure, true
	case s.p != nil:
		s.p.k = max(s.p.k, e.decisions)
	default:
		s.d.path = e.path
		if !s.d.advance() {
			s.r.Exhaustive, s.over = true, true
		}
	}
}

// replaying is Replay's search: one run along a recorded path.
type replaying struct {
	path []*branch
	e    *execution // the run, once over
}

func (s *replaying) next() ([]*branch, chooser, bool) {
	return s.path, replayChooser{}, s.e == nil
}

func (s *replaying) ran(e *execution) { s.e = e }
