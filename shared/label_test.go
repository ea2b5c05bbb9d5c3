package shared

import (
	"regexp"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
)

// Deadlock reports name locks by the name given with Named and where they
// were made; a lock made before detection was on is named by its address.
func TestDeadlockReportNamesLocks(t *testing.T) {
	leak.Check(t)
	early := NewMutex(0) // made before detection: no site recorded
	reports := detect(t)
	a := NewMutex(0).Named("lock_a")
	b := NewRwLock("")
	lockAB := func(first, second func() func()) {
		unlockFirst := first()
		second()()
		unlockFirst()
	}
	lockA := func() func() { g, _ := a.Lock(); return g.Unlock }
	lockB := func() func() { g, _ := b.Write(); return g.Unlock }
	lockEarly := func() func() { g, _ := early.Lock(); return g.Unlock }
	lockAB(lockA, lockB)
	lockAB(lockB, lockEarly)
	lockAB(lockEarly, lockA)
	rs := reports()
	if len(rs) != 1 {
		t.Fatalf("%d reports, want 1", len(rs))
	}
	s := rs[0].String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`lock_a \(Mutex\[int\] made at label_test\.go:\d+\)`),
		regexp.MustCompile(`RwLock\[string\] made at label_test\.go:\d+`),
		regexp.MustCompile(`Mutex\[int\]@0x[0-9a-f]+`),
	} {
		if !want.MatchString(s) {
			t.Errorf("report lacks %s:\n%s", want, s)
		}
	}
	for _, e := range rs[0].Cycle {
		if e.Held.Is(a) && (e.Held.Name() != "lock_a" || !strings.HasPrefix(e.Held.Site(), "label_test.go:")) {
			t.Errorf("LockRef of lock_a: name %q, site %q", e.Held.Name(), e.Held.Site())
		}
		if e.Held.Is(early) && (e.Held.Name() != "" || e.Held.Site() != "") {
			t.Errorf("LockRef of the early lock: name %q, site %q", e.Held.Name(), e.Held.Site())
		}
	}
}

// SchedLabel, which the schedule explorer's reports use, names each kind
// of object by its name and creation site, and is "" when neither is known.
func TestSchedLabel(t *testing.T) {
	stop := DetectDeadlocks(func(*DeadlockReport) {}) // sites are recorded from now
	defer stop()
	site := `made at label_test\.go:\d+`
	for _, c := range []struct {
		got  string
		want string
	}{
		{NewMutex(0).Named("lock_a").SchedLabel(), `^lock_a \(Mutex\[int\] ` + site + `\)$`},
		{NewMutex(0).SchedLabel(), `^Mutex\[int\] ` + site + `$`},
		{NewRwLock(1.5).Named("config").SchedLabel(), `^config \(RwLock\[float64\] ` + site + `\)$`},
		{NewCondvar[int]().SchedLabel(), `^Condvar\[int\] ` + site + `$`},
		{NewBarrier(2).Named("start").SchedLabel(), `^start \(Barrier ` + site + `\)$`},
		{NewArc(1, nil).Clone().SchedLabel(), `^Arc\[int\] ` + site + `$`},
		{new(Mutex[int]).SchedLabel(), `^$`},
		{new(Mutex[int]).Named("zero").SchedLabel(), `^zero \(Mutex\[int\]\)$`},
	} {
		if !regexp.MustCompile(c.want).MatchString(c.got) {
			t.Errorf("SchedLabel() = %q, want %s", c.got, c.want)
		}
	}
}
