package model

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// outcomes explores f and returns the set of outcomes it reported.
func outcomes(t *testing.T, f func(report func(string)), opts ...Option) (map[string]bool, Result) {
	t.Helper()
	seen := map[string]bool{}
	r := Explore(func() { f(func(s string) { seen[s] = true }) }, append(opts, MaxSchedules(200000))...)
	if r.Failure != nil {
		t.Fatalf("unexpected failure: %s", r.Failure.Report)
	}
	if !r.Exhaustive {
		t.Fatalf("search not exhaustive after %d schedules", r.Schedules)
	}
	return seen, r
}

// The reduced search must see every outcome the full one sees.
func TestReductionKeepsEveryOutcome(t *testing.T) {
	leak.Check(t)
	cases := map[string]func(report func(string)){
		"mutex order": func(report func(string)) {
			m := shared.NewMutex("")
			var hs []*thread.JoinHandle[struct{}]
			for i := range 2 {
				hs = append(hs, thread.Go(func() { m.With(func(s *string) { *s += fmt.Sprint(i) }) }))
			}
			for _, h := range hs {
				h.Join()
			}
			v, _ := m.Load()
			report(v)
		},
		"store buffering SeqCst":  func(report func(string)) { storeBuffering(report, shared.SeqCst, shared.SeqCst) },
		"store buffering Relaxed": func(report func(string)) { storeBuffering(report, shared.Relaxed, shared.Relaxed) },
		"message passing": func(report func(string)) {
			var data, flag shared.AtomicInt64
			h := thread.Go(func() {
				data.Store(42, shared.Relaxed)
				flag.Store(1, shared.Release)
			})
			f := flag.Load(shared.Acquire)
			d := data.Load(shared.Relaxed)
			h.Join()
			report(fmt.Sprint(f, d))
		},
		"channel and rendezvous": func(report func(string)) {
			tx, rx := mpsc.SyncChannel[int](0)
			out := shared.NewMutex("")
			h := thread.Go(func() {
				tx.Send(1)
				out.With(func(s *string) { *s += "s" })
				tx.Close()
			})
			v, _ := rx.Recv()
			out.With(func(s *string) { *s += fmt.Sprint(v) })
			h.Join()
			s, _ := out.Load()
			report(s)
		},
		"recv timeout": func(report func(string)) {
			tx, rx := mpsc.Channel[int]()
			h := thread.Go(func() { tx.Send(7) })
			v, err := rx.RecvTimeout(time.Second)
			h.Join()
			report(fmt.Sprint(v, err))
		},
		"barrier and condvar": func(report func(string)) {
			b := shared.NewBarrier(2)
			m := shared.NewMutex(0)
			cv := shared.NewCondvar[int]()
			h := thread.Go(func() {
				b.Wait()
				g, _ := m.Lock()
				*g.Get() = 1
				g.Unlock()
				cv.NotifyOne()
			})
			b.Wait()
			g, _ := m.Lock()
			woke := 0
			for *g.Get() == 0 {
				cv.Wait(g)
				woke++
			}
			g.Unlock()
			h.Join()
			report(fmt.Sprint(woke))
		},
		"rwlock": func(report func(string)) {
			l := shared.NewRwLock(0)
			h := thread.Go(func() {
				g, _ := l.Write()
				*g.Get()++
				g.Unlock()
			})
			r, _ := l.Read()
			v := *r.Get()
			r.Unlock()
			h.Join()
			report(fmt.Sprint(v))
		},
	}
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		f := cases[name]
		t.Run(name, func(t *testing.T) {
			full, rf := outcomes(t, f, NoReduction(), PreemptionBound(1<<20))
			reduced, rr := outcomes(t, f, PreemptionBound(1<<20))
			if !maps.Equal(full, reduced) {
				t.Fatalf("full search saw %v, reduced search %v", keys(full), keys(reduced))
			}
			t.Logf("outcomes %v: %d schedules without reduction, %d with", keys(full), rf.Schedules, rr.Schedules)
		})
	}
}

func storeBuffering(report func(string), st, ld shared.Ordering) {
	var x, y shared.AtomicInt64
	var r1, r2 int64
	h := thread.Go(func() {
		x.Store(1, st)
		r1 = y.Load(ld)
	})
	y.Store(1, st)
	r2 = x.Load(ld)
	h.Join()
	report(fmt.Sprint(r1, r2))
}

func keys(m map[string]bool) []string {
	out := slices.Collect(maps.Keys(m))
	sort.Strings(out)
	return out
}

func TestThreeThreadsLockInEveryOrder(t *testing.T) {
	leak.Check(t)
	seen, r := outcomes(t, func(report func(string)) {
		m := shared.NewMutex("")
		var hs []*thread.JoinHandle[struct{}]
		for i := range 3 {
			hs = append(hs, thread.Go(func() { m.With(func(s *string) { *s += fmt.Sprint(i) }) }))
		}
		for _, h := range hs {
			h.Join()
		}
		v, _ := m.Load()
		report(v)
	})
	if len(seen) != 6 {
		t.Fatalf("saw orders %v, want all 6", keys(seen))
	}
	t.Logf("%d schedules", r.Schedules)
}
