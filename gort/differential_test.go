package gort_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/gort"
	gsync "github.com/fearlessgo/fearless/gort/sync"
	"github.com/fearlessgo/fearless/model"
)

// The differential test: small concurrent programs, generated from a seed,
// written against gort as the rewriter writes Go code. With no explorer
// running, gort is Go's own channels, select and sync, so running a program
// many times natively samples what the real runtime does; under
// model.Explore the same program runs on the model. Every outcome seen
// natively must be one the explorer finds.
//
// The programs cannot deadlock, by construction: the goroutines form a
// pipeline (worker 1 may feed worker 2, every worker feeds main); each
// channel has one sender, which closes it when done; a goroutine blocks
// only sending downstream or receiving from upstream; main receives from
// every worker in one select until all are closed, and waits for the
// WaitGroup only then; the mutex is held around no blocking operation.
// So a failure under the explorer is a bug of the model.

// What a worker step does.
type stepKind int

const (
	sendOut     stepKind = iota // out <- v
	trySendOut                  // select { case out <- v: default: }
	lockedLog                   // mu.Lock(); log = append(log, ...); mu.Unlock()
	tryLockLog                  // if mu.TryLock() { log = append(log, ...); mu.Unlock() }
	yield                       // runtime.Gosched()
	lenOut                      // len(out)
	sendPipe                    // pipe <- v                          (worker 1 of two)
	selectSends                 // select { case out <- v: case pipe <- v: }
	recvPipe                    // v, ok := <-pipe                    (worker 2 of two)
	selectRecvSend              // select { case v, ok := <-pipe: case out <- v: }
	numKinds
)

var kindNames = [...]string{"send", "trysend", "lock", "trylock", "yield", "len", "sendpipe", "selectsends", "recvpipe", "selectrecvsend"}

type genProgram struct {
	caps    []int        // of each worker's channel to main
	pipeCap int          // of the channel from worker 1 to worker 2, when there are two
	steps   [][]stepKind // of each worker
}

func (p genProgram) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "caps %v", p.caps)
	if len(p.steps) == 2 {
		fmt.Fprintf(&b, " pipe cap %d", p.pipeCap)
	}
	for i, w := range p.steps {
		fmt.Fprintf(&b, "; worker %d:", i+1)
		for _, s := range w {
			b.WriteString(" " + kindNames[s])
		}
	}
	return b.String()
}

// generate makes a program of one or two workers of one to four steps.
func generate(rng *rand.Rand) genProgram {
	n := 1 + rng.IntN(2)
	p := genProgram{pipeCap: rng.IntN(2)}
	for w := range n {
		p.caps = append(p.caps, rng.IntN(3))
		var steps []stepKind
		for range 1 + rng.IntN(4) {
			for {
				k := stepKind(rng.IntN(int(numKinds)))
				pipeOut := k == sendPipe || k == selectSends
				pipeIn := k == recvPipe || k == selectRecvSend
				if (pipeOut && (n < 2 || w != 0)) || (pipeIn && (n < 2 || w != 1)) {
					continue
				}
				steps = append(steps, k)
				break
			}
		}
		p.steps = append(p.steps, steps)
	}
	return p
}

// run runs p once and returns what it observed: the order in which main
// received the values, what each worker's choices and receives were, and
// the order of the entries made under the mutex.
func (p genProgram) run() string {
	var mu gsync.Mutex
	var wg gsync.WaitGroup
	var log []string
	outs := make([]chan int, len(p.steps))
	for i, c := range p.caps {
		outs[i] = gort.Made(make(chan int, c))
	}
	var pipe chan int
	if len(p.steps) == 2 {
		pipe = gort.Made(make(chan int, p.pipeCap))
	}
	seen := make([][]string, len(p.steps))
	for w, steps := range p.steps {
		wg.Add(1)
		out := outs[w]
		gort.Go(func() {
			defer wg.Done()
			seen[w] = p.worker(w, steps, out, pipe, &mu, &log)
		})
	}
	// main: one select over every worker's channel until all are closed; a
	// closed channel becomes nil, which is never ready.
	var got []string
	ins := append([]chan int(nil), outs...)
	for open := len(ins); open > 0; {
		rs := make([]gort.Receiver[int], len(ins))
		cases := make([]gort.Case, len(ins))
		for i, c := range ins {
			rs[i] = gort.In(c)
			cases[i] = rs[i].Case()
		}
		s := gort.Select(false, cases...)
		v, ok := gort.Value(rs[s.Index], s)
		if !ok {
			ins[s.Index] = nil
			open--
			continue
		}
		got = append(got, fmt.Sprint(v))
	}
	wg.Wait()
	var b strings.Builder
	fmt.Fprintf(&b, "main %v", got)
	for w, s := range seen {
		fmt.Fprintf(&b, " | w%d %v", w+1, s)
	}
	fmt.Fprintf(&b, " | log %v", log)
	return b.String()
}

// worker runs one worker's steps, then closes its channels (worker 2
// first drains the pipe, so that worker 1 is never left sending).
func (p genProgram) worker(w int, steps []stepKind, out, pipe chan int, mu *gsync.Mutex, log *[]string) []string {
	var seen []string
	next := 100 * (w + 1)
	value := func() int { next++; return next }
	for _, s := range steps {
		switch s {
		case sendOut:
			gort.Out(out).Send(value())
		case trySendOut:
			v := value()
			if gort.Select(true, gort.Out(out).Case(v)).Index == 0 {
				seen = append(seen, fmt.Sprint("sent ", v))
			} else {
				seen = append(seen, fmt.Sprint("full ", v))
			}
		case lockedLog:
			mu.Lock()
			*log = append(*log, fmt.Sprint("w", w+1))
			mu.Unlock()
		case tryLockLog:
			if mu.TryLock() {
				*log = append(*log, fmt.Sprint("w", w+1, " try"))
				mu.Unlock()
			} else {
				seen = append(seen, "busy")
			}
		case yield:
			gort.Gosched()
		case lenOut:
			seen = append(seen, fmt.Sprint("len ", gort.Len(out)))
		case sendPipe:
			gort.Out(pipe).Send(value())
		case selectSends:
			v := value()
			s := gort.Select(false, gort.Out(out).Case(v), gort.Out(pipe).Case(v))
			seen = append(seen, fmt.Sprint([]string{"out", "pipe"}[s.Index], " ", v))
		case recvPipe:
			v, ok := gort.In(pipe).Recv2()
			seen = append(seen, fmt.Sprint("recv ", v, " ", ok))
		case selectRecvSend:
			v := value()
			in := gort.In(pipe)
			s := gort.Select(false, in.Case(), gort.Out(out).Case(v))
			if s.Index == 0 {
				got, ok := gort.Value(in, s)
				seen = append(seen, fmt.Sprint("recv ", got, " ", ok))
			} else {
				seen = append(seen, fmt.Sprint("out ", v))
			}
		}
	}
	if pipe != nil && w == 0 {
		gort.Close(pipe)
	}
	if pipe != nil && w == 1 {
		for v := range gort.In(pipe).Range() {
			seen = append(seen, fmt.Sprint("drained ", v))
		}
	}
	gort.Close(out)
	return seen
}

// Sizes of the differential test.
const (
	diffPrograms   = 40
	diffNativeRuns = 200
	diffSchedules  = 20000
)

func TestDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 6))
	programs := diffPrograms
	if testing.Short() {
		programs = 10
	}
	var totalNative, totalExplored, totalSchedules int
	for i := range programs {
		p := generate(rng)
		native := map[string]bool{}
		for range diffNativeRuns {
			native[p.run()] = true
		}
		explored := map[string]bool{}
		r := model.Explore(func() { explored[p.run()] = true }, model.MaxSchedules(diffSchedules))
		totalNative += len(native)
		totalExplored += len(explored)
		totalSchedules += r.Schedules
		if r.Failure != nil {
			t.Errorf("program %d (%v) fails under the explorer, which it cannot natively:\n%s", i, p, r.Failure.Report)
			continue
		}
		if !r.Exhaustive {
			t.Errorf("program %d (%v): %d schedules are not all of them; the programs are meant to be small enough", i, p, r.Schedules)
		}
		for o := range native {
			if !explored[o] {
				t.Errorf("program %d (%v): Go gives\n\t%s\nwhich the explorer never does; it gives:\n\t%s", i, p, o, strings.Join(keys(explored), "\n\t"))
			}
		}
	}
	t.Logf("%d programs, %d native runs each: %d native outcomes, %d explored outcomes in %d schedules",
		programs, diffNativeRuns, totalNative, totalExplored, totalSchedules)
}
