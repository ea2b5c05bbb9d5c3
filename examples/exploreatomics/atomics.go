// Package exploreatomics runs the seeds' UsizePair program under the
// schedule explorer, which gives memory orderings their weak meaning: with
// Relaxed, a reader may see the new atom and the old norm ("Reordered!"),
// as on ARM or POWER; with Acquire/Release it never does.
//
// The seeds keep norm in an UnsafeCell (Rust's unsynchronised cell: a plain
// variable shared between goroutines, for Go programmers) and read it while
// it is written: in
// Go that is a data race (the race detector flags it, and the Go memory model
// makes no promise about it). A plain value that races is, at best, what a
// Relaxed atomic is, so norm here is a Relaxed atomic: that allows exactly
// the reorderings the seeds describe, with no undefined behaviour.
//
// Scaled down for the explorer: one reader instead of 8, one value written
// instead of 999,999, and the reader's spin loop yields (under the explorer,
// as under loom, a loop that waits for another thread must yield). Every
// schedule is then covered, in a few hundred runs.
package exploreatomics

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/model"
	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

const (
	nthreads = 1
	niters   = 2
)

type usizePair struct {
	atom shared.AtomicUint64
	norm shared.AtomicUint64 // the seeds' UnsafeCell<usize>: see the package doc
}

func (p *usizePair) get(load shared.Ordering) (atom, norm uint64) {
	atom = p.atom.Load(load)
	// With Acquire above, every write made before the Release store that
	// was read is visible below.
	norm = p.norm.Load(shared.Relaxed)
	return atom, norm
}

func (p *usizePair) set(v uint64, store shared.Ordering) {
	p.norm.Store(v, shared.Relaxed)
	// With Release, the write to norm above is visible to every thread that
	// loads atom with Acquire and sees this store.
	p.atom.Store(v, store)
}

// Program is the seeds' main with the given orderings for atom. A reader
// that sees atom > norm panics with "Reordered!", so that the explorer
// reports the schedule.
func Program(load, store shared.Ordering) func() {
	return func() {
		upair := &usizePair{}
		barrier := shared.NewBarrier(nthreads + 1)
		var children []*thread.JoinHandle[struct{}]
		for range nthreads {
			children = append(children, thread.Go(func() {
				barrier.Wait()
				var v uint64
				for v < niters-1 {
					atom, norm := upair.get(load)
					if atom > norm {
						panic(fmt.Sprintf("Reordered! %d > %d", atom, norm))
					}
					v = atom
					thread.YieldNow()
				}
			}))
		}
		barrier.Wait()
		for v := uint64(1); v < niters; v++ {
			upair.set(v, store)
		}
		for _, child := range children {
			child.Join()
		}
	}
}

// Run explores the program with Relaxed, replays the reordering, then
// explores it with Acquire/Release.
func Run(w io.Writer) {
	relaxed := Program(shared.Relaxed, shared.Relaxed)
	r := model.Explore(relaxed)
	if r.Failure == nil {
		fmt.Fprintf(w, "Relaxed: no reordering in %d schedules\n", r.Schedules)
	} else {
		fmt.Fprintf(w, "Relaxed: model.Explore found after %d schedules:\n\n%s\n", r.Schedules, r.Failure.Report)
		again := model.Replay(r.Failure.Schedule, relaxed)
		fmt.Fprintf(w, "model.Replay(%q) reorders again: %v\n\n", r.Failure.Schedule,
			again.Failure != nil && again.Failure.Report == r.Failure.Report)
	}
	ar := model.Explore(Program(shared.Acquire, shared.Release))
	if ar.Failure != nil {
		fmt.Fprintf(w, "Acquire/Release:\n%s\n", ar.Failure.Report)
		return
	}
	fmt.Fprintf(w, "Acquire/Release: never reordered in %d schedules (exhaustive: %v)\n", ar.Schedules, ar.Exhaustive)
}
