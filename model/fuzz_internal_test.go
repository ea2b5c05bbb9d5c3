package model

import (
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// FuzzReductionKeepsEveryOutcome builds a small random program (two
// threads beside the main one, a few operations each on two mutexes, two
// atomics and a channel) and checks that the reduced search (partial-order
// reduction and sleep sets) sees exactly the outcomes, and the failures,
// that the search without reduction sees.
func FuzzReductionKeepsEveryOutcome(f *testing.F) {
	for _, seed := range []string{
		"\x00\x00\x00\x00",
		"\x01\x02\x01\x02\x00",
		"\x13\x22\x31\x23\x12\x21",
		"\x03\x04\x04\x03\x06\x06",
		"\x01\x12\x02\x11\x07\x01",
		"\x05\x15\x00\x01\x02\x03",
		"\x32\x21\x12\x33\x04\x03",
		"\x06\x16\x26\x36\x02\x12",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, prog []byte) {
		if len(prog) > 6 {
			prog = prog[:6]
		}
		p := randomProgram(prog)
		full, fr := explore(p, NoReduction(), PreemptionBound(1<<20), MaxSchedules(5000))
		if !fr.Exhaustive && fr.Failure == nil {
			t.Skipf("program %x too big for the unreduced search", prog)
		}
		reduced, rr := explore(p, PreemptionBound(1<<20), MaxSchedules(5000))
		if (fr.Failure == nil) != (rr.Failure == nil) {
			t.Fatalf("program %x: full search failure %v, reduced %v", prog, fr.Failure, rr.Failure)
		}
		if fr.Failure != nil {
			if fr.Failure.Kind != rr.Failure.Kind {
				t.Fatalf("program %x: full search found a %s, reduced a %s", prog, fr.Failure.Kind, rr.Failure.Kind)
			}
			return
		}
		if !rr.Exhaustive {
			t.Fatalf("program %x: reduced search not exhaustive after %d schedules (full: %d)", prog, rr.Schedules, fr.Schedules)
		}
		if !maps.Equal(full, reduced) {
			t.Fatalf("program %x:\nfull search (%d schedules) saw %v\nreduced (%d) saw %v", prog, fr.Schedules, keys(full), rr.Schedules, keys(reduced))
		}
	})
}

func explore(p func(report func(string)), opts ...Option) (map[string]bool, Result) {
	seen := map[string]bool{}
	r := Explore(func() { p(func(s string) { seen[s] = true }) }, opts...)
	return seen, r
}

// randomProgram turns bytes into a program: byte i is operation i of thread
// i%2+1; its low nibble picks the operation, its high one the ordering.
func randomProgram(prog []byte) func(report func(string)) {
	return func(report func(string)) {
		var m1, m2 = shared.NewMutex(0), shared.NewMutex(0)
		var a, b shared.AtomicInt64
		tx, rx := mpsc.Channel[int]()
		logs := [3][]string{}
		orders := []shared.Ordering{shared.Relaxed, shared.Acquire, shared.Release, shared.SeqCst}
		var hs []*thread.JoinHandle[struct{}]
		for w := 1; w <= 2; w++ {
			var ops []byte
			for i := w - 1; i < len(prog); i += 2 {
				ops = append(ops, prog[i])
			}
			hs = append(hs, thread.Go(func() {
				for i, op := range ops {
					o := orders[op>>4&3]
					ld, st := o, o
					if ld == shared.Release {
						ld = shared.Relaxed
					}
					if st == shared.Acquire {
						st = shared.Relaxed
					}
					switch op & 7 {
					case 0:
						m1.With(func(v *int) { *v = *v*10 + w })
					case 1:
						a.Store(int64(w*10+i), st)
					case 2:
						logs[w] = append(logs[w], fmt.Sprint("a=", a.Load(ld)))
					case 3:
						tx.Send(w)
					case 4:
						v, err := rx.TryRecv()
						logs[w] = append(logs[w], fmt.Sprint("recv ", v, err))
					case 5:
						// Nested locks in an order that depends on the thread:
						// two such operations may deadlock.
						first, second := m1, m2
						if w == 2 {
							first, second = m2, m1
						}
						g1, _ := first.Lock()
						g2, _ := second.Lock()
						g2.Unlock()
						g1.Unlock()
					case 6:
						logs[w] = append(logs[w], fmt.Sprint("b+=", b.Add(1, o)))
					case 7:
						thread.YieldNow()
					}
				}
			}))
		}
		for _, h := range hs {
			h.Join()
		}
		tx.Close()
		n := 0
		for range rx.TryIter() {
			n++
		}
		v1, _ := m1.Load()
		report(fmt.Sprintf("%s | %s | m1=%d a=%d b=%d left=%d", strings.Join(logs[1], ","), strings.Join(logs[2], ","),
			v1, a.Load(shared.SeqCst), b.Load(shared.SeqCst), n))
	}
}

// FuzzScheduleRoundTrip checks that a schedule string, groups included,
// reads back as the decisions it was written from.
func FuzzScheduleRoundTrip(f *testing.F) {
	f.Add([]byte{2, 2, 2, 1, 2, 2, 2, 1, 2, 2, 2, 1, 0}, false)
	f.Add([]byte{0, 1, 0, 1, 0, 1, 3}, true)
	f.Fuzz(func(t *testing.T, ds []byte, idle bool) {
		var path []*branch
		for _, d := range ds {
			path = append(path, &branch{value: d&0x80 != 0, chosen: int(d & 0x7)})
		}
		s := encodeSchedule(path, idle)
		back, gotIdle, err := parseSchedule(s)
		if err != nil || gotIdle != idle || len(back) != len(path) {
			t.Fatalf("%q: %v, idle %v, %d decisions, want %d", s, err, gotIdle, len(back), len(path))
		}
		for i := range path {
			if back[i].value != path[i].value || back[i].chosen != path[i].chosen {
				t.Fatalf("%q: decision %d reads back as %+v, want %+v", s, i, back[i], path[i])
			}
		}
	})
}
