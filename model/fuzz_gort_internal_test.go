package model

import (
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/gort"
	gsync "github.com/fearlessgo/fearless/gort/sync"
)

// FuzzReductionKeepsEveryOutcomeOfGoCode is FuzzReductionKeepsEveryOutcome
// on plain Go code as fearless test rewrites it: producers that send on a
// channel (unbuffered or buffered, plainly or in a select over a second
// one), some under a sync.Mutex, and a consumer that receives every value,
// plainly or in a select, then waits for them on a sync.WaitGroup. The reduced search must see every order of
// values and of lock holders that the search without reduction sees.
func FuzzReductionKeepsEveryOutcomeOfGoCode(f *testing.F) {
	for _, seed := range []string{"\x00\x00", "\x01\x03", "\x02\x05", "\x04\x01\x02", "\x05\x06\x07", "\x03\x07\x01\x00", "\x0c\x06\x05", "\x09\x04\x04"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, prog []byte) {
		p := goProgram(prog)
		full, fr := explore(p, NoReduction(), PreemptionBound(1<<20), MaxSchedules(20000))
		if !fr.Exhaustive || fr.Failure != nil {
			t.Skipf("program %x: too big for the unreduced search, or failing (%v)", prog, fr.Failure)
		}
		reduced, rr := explore(p, PreemptionBound(1<<20), MaxSchedules(20000))
		if rr.Failure != nil || !rr.Exhaustive {
			t.Fatalf("program %x: reduced search failure %v, exhaustive %v", prog, rr.Failure, rr.Exhaustive)
		}
		if !maps.Equal(full, reduced) {
			t.Fatalf("program %x:\nfull search (%d schedules) saw %v\nreduced (%d) saw %v", prog, fr.Schedules, keys(full), rr.Schedules, keys(reduced))
		}
	})
}

// goProgram decodes prog: byte 0 is the channel's capacity (0 to 2),
// whether the consumer selects over a second channel and whether it waits
// for the producers on a WaitGroup once it has every value (which it logs
// as "w"); each later byte is a
// producer (at most three): how many values it sends (1 or 2), whether each
// send is a select, and whether it logs under the mutex first.
func goProgram(prog []byte) func(report func(string)) {
	if len(prog) == 0 {
		prog = []byte{0}
	}
	capacity, consumerSelects, waits := int(prog[0]%3), prog[0]&4 != 0, prog[0]&8 != 0
	producers := prog[1:min(len(prog), 4)]
	if len(producers) == 0 {
		producers = []byte{0}
	}
	return func(report func(string)) {
		c := gort.Made(make(chan int, capacity))
		d := gort.Made(make(chan int))
		var mu gsync.Mutex
		var wg gsync.WaitGroup
		var held []string
		total := 0
		for i, b := range producers {
			n, selects, locks := 1+int(b&1), b&2 != 0 && consumerSelects, b&4 != 0
			total += n
			wg.Add(1)
			gort.Go(func() {
				defer wg.Done()
				for j := range n {
					if locks {
						mu.Lock()
						held = append(held, fmt.Sprint(i))
						mu.Unlock()
					}
					v := 10*i + j
					if selects {
						gort.Select(false, gort.Out(c).Case(v), gort.Out(d).Case(v))
					} else {
						gort.Out(c).Send(v)
					}
				}
			})
		}
		var got []string
		for range total {
			if consumerSelects {
				rc, rd := gort.In(c), gort.In(d)
				s := gort.Select(false, rc.Case(), rd.Case())
				if s.Index == 0 {
					got = append(got, fmt.Sprint(gort.Got(rc, s)))
				} else {
					got = append(got, "d"+fmt.Sprint(gort.Got(rd, s)))
				}
			} else {
				got = append(got, fmt.Sprint(gort.In(c).Recv()))
			}
		}
		if waits {
			wg.Wait()
			mu.Lock()
			held = append(held, "w")
			mu.Unlock()
		}
		report(strings.Join(got, " ") + " / " + strings.Join(held, " "))
	}
}
