package gort_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
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
// pipeline (worker 1 may feed worker 2 through a channel that worker 1
// closes and worker 2 drains; every worker feeds main); a goroutine blocks
// only sending downstream or receiving from upstream; main receives until
// each worker has sent its last value, and waits for the WaitGroup only
// then; the mutex and the read-write lock are held around no blocking
// operation. So a failure under the explorer is a bug of the model.

// What a worker step does.
type stepKind int

const (
	sendOut        stepKind = iota // out <- v
	trySendOut                     // select { case out <- v: default: }
	lockedLog                      // mu.Lock(); log = append(log, ...); mu.Unlock()
	tryLockLog                     // if mu.TryLock() { log = append(log, ...); mu.Unlock() }
	yield                          // runtime.Gosched()
	lenOut                         // len(out)
	sendPipe                       // pipe <- v                          (worker 1 of two)
	selectSends                    // select { case out <- v: case pipe <- v: }
	recvPipe                       // v, ok := <-pipe                    (worker 2 of two)
	selectRecvSend                 // select { case v, ok := <-pipe: case out <- v: }
	tryRecvPipe                    // select { case v, ok := <-pipe: default: }
	selectNil                      // select { case <-nilChan: default: }
	rwWrite                        // rw.Lock(); counter++; rw.Unlock()
	rwRead                         // rw.RLock(); counter; rw.RUnlock()
	numKinds
)

var kindNames = [...]string{"send", "trysend", "lock", "trylock", "yield", "len", "sendpipe", "selectsends", "recvpipe", "selectrecvsend", "tryrecvpipe", "selectnil", "rwwrite", "rwread"}

type genProgram struct {
	cap     int          // of the channel to main
	pipe    bool         // worker 1 feeds worker 2 through a channel (two workers only)
	pipeCap int          // of that channel
	steps   [][]stepKind // of each worker
}

func (p genProgram) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cap %d", p.cap)
	if p.pipe {
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

// generate makes a program of one or two workers of one to three steps
// (two at most when there are two workers).
func generate(rng *rand.Rand) genProgram {
	n := 1 + rng.IntN(2)
	p := genProgram{cap: rng.IntN(3), pipe: n == 2 && rng.IntN(2) == 0, pipeCap: rng.IntN(2)}
	for w := range n {
		var steps []stepKind
		for range 1 + rng.IntN(4-n) {
			for {
				k := stepKind(rng.IntN(int(numKinds)))
				pipeOut := k == sendPipe || k == selectSends
				pipeIn := k == recvPipe || k == selectRecvSend || k == tryRecvPipe
				if (pipeOut && (!p.pipe || w != 0)) || (pipeIn && (!p.pipe || w != 1)) {
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

// run runs p once and returns what it observed (the order in which main
// received the values, what each worker's choices and receives were, and
// the order of the entries made under the mutex) and what in that run
// Go's rules forbid, or "".
func (p genProgram) run() (outcome, forbidden string) {
	var mu gsync.Mutex
	var wg gsync.WaitGroup
	var log []string
	sh := &shared{}
	out := gort.Made(make(chan int, p.cap))
	var pipe chan int
	if p.pipe {
		pipe = gort.Made(make(chan int, p.pipeCap))
	}
	ws := make([]workerRun, len(p.steps))
	for w, steps := range p.steps {
		wg.Add(1)
		gort.Go(func() {
			defer wg.Done()
			ws[w] = p.worker(w, steps, out, pipe, &mu, &log, sh)
		})
	}
	// main receives until every worker has said it is done.
	var got []int
	for done := 0; done < len(p.steps); {
		v := gort.In(out).Recv()
		if v == doneValue {
			done++
			continue
		}
		got = append(got, v)
	}
	wg.Wait()
	var b strings.Builder
	fmt.Fprintf(&b, "main %v", got)
	for w, r := range ws {
		fmt.Fprintf(&b, " | w%d %v", w+1, r.seen)
	}
	fmt.Fprintf(&b, " | log %v", log)
	return b.String(), p.check(got, ws)
}

// shared is the state the workers share under a read-write lock.
type shared struct {
	rw      gsync.RWMutex
	counter int
}

// workerRun is what one worker did.
type workerRun struct {
	seen     []string // its observations, part of the outcome
	toOut    []int    // the values it sent main, in order
	toPipe   []int    // the values it sent worker 2
	fromPipe []int    // the values it received from worker 1
	lens     []int
}

// check returns what Go's rules forbid in a run, or "": main receives
// exactly the values sent to it, each worker's in the order sent (a
// channel is FIFO); worker 2 receives exactly what worker 1 sent it, in
// order; len of a channel is within its capacity.
func (p genProgram) check(got []int, ws []workerRun) string {
	for w, r := range ws {
		var mine []int
		for _, v := range got {
			if v/100 == w+1 {
				mine = append(mine, v)
			}
		}
		if !slices.Equal(mine, r.toOut) {
			return fmt.Sprintf("worker %d sent main %v, main received %v of its values", w+1, r.toOut, mine)
		}
		for _, n := range r.lens {
			if n < 0 || n > p.cap {
				return fmt.Sprintf("len %d of a channel of capacity %d", n, p.cap)
			}
		}
		if slices.Contains(r.seen, "nil channel ready") {
			return "a receive from a nil channel was ready"
		}
	}
	if p.pipe && !slices.Equal(ws[0].toPipe, ws[1].fromPipe) {
		return fmt.Sprintf("worker 1 sent %v through the pipe, worker 2 received %v", ws[0].toPipe, ws[1].fromPipe)
	}
	return ""
}

// doneValue is what a worker sends main last.
const doneValue = -1

// worker runs one worker's steps, then closes the pipe (worker 1) or
// drains it (worker 2, so that worker 1 is never left sending), and tells
// main it is done.
func (p genProgram) worker(w int, steps []stepKind, out, pipe chan int, mu *gsync.Mutex, log *[]string, sh *shared) workerRun {
	var r workerRun
	seen := &r.seen
	next := 100 * (w + 1)
	value := func() int { next++; return next }
	for _, s := range steps {
		switch s {
		case sendOut:
			v := value()
			gort.Out(out).Send(v)
			r.toOut = append(r.toOut, v)
		case trySendOut:
			v := value()
			if gort.Select(true, gort.Out(out).Case(v)).Index == 0 {
				*seen = append(*seen, fmt.Sprint("sent ", v))
				r.toOut = append(r.toOut, v)
			} else {
				*seen = append(*seen, fmt.Sprint("full ", v))
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
				*seen = append(*seen, "busy")
			}
		case yield:
			gort.Gosched()
		case lenOut:
			n := gort.Len(out)
			*seen = append(*seen, fmt.Sprint("len ", n))
			r.lens = append(r.lens, n)
		case sendPipe:
			v := value()
			gort.Out(pipe).Send(v)
			r.toPipe = append(r.toPipe, v)
		case selectSends:
			v := value()
			s := gort.Select(false, gort.Out(out).Case(v), gort.Out(pipe).Case(v))
			*seen = append(*seen, fmt.Sprint([]string{"out", "pipe"}[s.Index], " ", v))
			if s.Index == 0 {
				r.toOut = append(r.toOut, v)
			} else {
				r.toPipe = append(r.toPipe, v)
			}
		case recvPipe:
			v, ok := gort.In(pipe).Recv2()
			*seen = append(*seen, fmt.Sprint("recv ", v, " ", ok))
			if ok {
				r.fromPipe = append(r.fromPipe, v)
			}
		case tryRecvPipe:
			in := gort.In(pipe)
			s := gort.Select(true, in.Case())
			if s.Index == 0 {
				got, ok := gort.Value(in, s)
				*seen = append(*seen, fmt.Sprint("tryrecv ", got, " ", ok))
				if ok {
					r.fromPipe = append(r.fromPipe, got)
				}
			} else {
				*seen = append(*seen, "tryrecv empty")
			}
		case selectNil:
			var never chan int
			if gort.Select(true, gort.In(never).Case()).Index == 0 {
				*seen = append(*seen, "nil channel ready")
			}
		case rwWrite:
			sh.rw.Lock()
			sh.counter++
			*seen = append(*seen, fmt.Sprint("wrote ", sh.counter))
			sh.rw.Unlock()
		case rwRead:
			sh.rw.RLock()
			*seen = append(*seen, fmt.Sprint("read ", sh.counter))
			sh.rw.RUnlock()
		case selectRecvSend:
			v := value()
			in := gort.In(pipe)
			s := gort.Select(false, in.Case(), gort.Out(out).Case(v))
			if s.Index == 0 {
				got, ok := gort.Value(in, s)
				*seen = append(*seen, fmt.Sprint("recv ", got, " ", ok))
				if ok {
					r.fromPipe = append(r.fromPipe, got)
				}
			} else {
				*seen = append(*seen, fmt.Sprint("out ", v))
				r.toOut = append(r.toOut, v)
			}
		}
	}
	if pipe != nil && w == 0 {
		gort.Close(pipe)
	}
	if pipe != nil && w == 1 {
		for v := range gort.In(pipe).Range() {
			*seen = append(*seen, fmt.Sprint("drained ", v))
			r.fromPipe = append(r.fromPipe, v)
		}
	}
	gort.Out(out).Send(doneValue)
	return r
}

// Sizes of the differential test. The explorer's first search is short;
// only a program with an outcome it has not found yet gets the long one,
// which is exhaustive for every program generated (or says it is not).
const (
	diffPrograms   = 50
	diffNativeRuns = 200
	diffShort      = 1000
	diffLong       = 100000
)

func TestDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 6))
	programs := diffPrograms
	if testing.Short() || raceEnabled {
		programs = 12
	}
	var totalNative, totalExplored, totalSchedules, long int
	for i := range programs {
		p := generate(rng)
		native := map[string]bool{}
		for range diffNativeRuns {
			o, bad := p.run()
			if bad != "" {
				t.Fatalf("program %d (%v): natively, %s: the check is wrong", i, p, bad)
			}
			native[o] = true
		}
		explored := map[string]bool{}
		forbidden := ""
		explore := func(n int) model.Result {
			r := model.Explore(func() {
				o, bad := p.run()
				explored[o] = true
				if bad != "" && forbidden == "" {
					forbidden = bad
				}
			}, model.MaxSchedules(n))
			totalSchedules += r.Schedules
			if r.Failure != nil {
				t.Errorf("program %d (%v) fails under the explorer, which it cannot natively:\n%s", i, p, r.Failure.Report)
			}
			return r
		}
		r := explore(diffShort)
		if !r.Exhaustive && !subset(native, explored) {
			long++
			r = explore(diffLong)
		}
		if forbidden != "" {
			t.Errorf("program %d (%v): under the explorer, %s, which Go's rules forbid", i, p, forbidden)
		}
		totalNative += len(native)
		totalExplored += len(explored)
		for o := range native {
			if !explored[o] {
				t.Errorf("program %d (%v): Go gives\n\t%s\nwhich the explorer never does (exhaustive: %v); it gives:\n\t%s",
					i, p, o, r.Exhaustive, strings.Join(keys(explored), "\n\t"))
			}
		}
	}
	t.Logf("%d programs, %d native runs each: %d native outcomes, %d explored outcomes in %d schedules (%d programs needed the long search)",
		programs, diffNativeRuns, totalNative, totalExplored, totalSchedules, long)
}

func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}
