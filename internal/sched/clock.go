package sched

import "time"

// Clock is implemented by a Scheduler that models time. While one is
// installed, Now returns its clock instead of the wall clock, so that a
// deadline computed with Now and checked with Now agrees with the timeouts
// the scheduler fires (it fires them without waiting for real).
type Clock interface {
	Now() time.Time
}

// Now returns the installed scheduler's modelled time when it has one, else
// time.Now(). Primitives compute and check deadlines with Now, never with
// time.Now, so that timeouts behave the same under a deterministic scheduler.
func Now() time.Time {
	if b := installed.Load(); b != nil {
		if c, ok := b.s.(Clock); ok {
			return c.Now()
		}
	}
	return time.Now()
}

// Until returns the duration until t, by Now.
func Until(t time.Time) time.Duration { return t.Sub(Now()) }

// Since returns the time elapsed since t, by Now.
func Since(t time.Time) time.Duration { return Now().Sub(t) }
