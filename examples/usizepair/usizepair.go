// Package usizepair is the seeds' atomics program: a writer updates a pair
// of numbers, atom and norm, always norm first; readers check they never
// see atom ahead of norm. Atomic orderings decide whether they can: with
// Relaxed they may ("Reordered!"), with Acquire on the load and Release on
// the store they never do.
//
// In a normal Go build every ordering is as strong as sync/atomic
// (sequentially consistent), so "Reordered!" never prints here, on x86 or
// anywhere else: the Relaxed in get and set is a promise the code makes,
// not a weaker instruction. The schedule explorer gives Relaxed its weak
// meaning and does show the reordering (the explore-atomics example).
//
// The seeds keep norm in an UnsafeCell (Rust's escape hatch for a value
// that may be changed through a shared reference, with no synchronisation:
// a plain variable, for Go programmers) and read it while it is written,
// which is a data race; in Go the race detector would stop the program. A
// racing plain value is at best a Relaxed atomic, so norm is one here.
//
// Scaled down for the tour: NIters is 10,000 instead of 1,000,000.
package usizepair

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// NThreads and NIters are the seeds' NTHREADS and NITERS (scaled down).
const (
	NThreads = 8
	NIters   = 10_000
)

// UsizePair holds atom and norm, written together by set.
type UsizePair struct {
	atom shared.AtomicUint64
	norm shared.AtomicUint64 // the seeds' UnsafeCell<usize>: see the package doc
}

// get reads atom, then norm.
func (p *UsizePair) get() (atom, norm uint64) {
	atom = p.atom.Load(shared.Relaxed) // shared.Acquire makes "Reordered!" impossible
	// If the load above is Acquire, every write made before the Release
	// store it read from is visible below.
	norm = p.norm.Load(shared.Relaxed)
	return atom, norm
}

// set writes norm, then atom.
func (p *UsizePair) set(v uint64) {
	p.norm.Store(v, shared.Relaxed)
	// With Release below, the write to norm above is visible to every
	// thread that loads atom with Acquire and sees v. Nothing promises when
	// readers see it, nor that they do not see a later norm.
	p.atom.Store(v, shared.Relaxed) // shared.Release makes "Reordered!" impossible
}

// Run starts the readers, lines them up with main at a Barrier, lets main
// count from 1 to NIters-1 and reports what the readers saw.
func Run(w io.Writer) {
	upair := shared.NewArc(&UsizePair{}, nil)
	// A Barrier (not a memory barrier) holds every wait until all
	// NThreads+1 have arrived, like players at the starting line.
	barrier := shared.NewArc(shared.NewBarrier(NThreads+1), nil)
	var reordered shared.AtomicInt64
	var children []*thread.JoinHandle[int]
	for range NThreads {
		upair, barrier := upair.Clone(), barrier.Clone()
		children = append(children, thread.Spawn(func() int {
			defer upair.Drop()
			defer barrier.Drop()
			barrier.Value().Wait()
			reads := 0
			for v := uint64(0); v < NIters-1; reads++ {
				// Is atom newer than norm? See get and set.
				atom, norm := upair.Value().get()
				if atom > norm {
					fmt.Fprintf(w, "Reordered! %d > %d\n", atom, norm)
					reordered.Add(1, shared.Relaxed)
				}
				v = atom
			}
			return reads
		}))
	}
	barrier.Value().Wait()
	for v := uint64(1); v < NIters; v++ {
		upair.Value().set(v)
	}
	for _, child := range children {
		child.Join()
	}
	fmt.Fprintf(w, "%d readers saw atom reach %d; times atom was ahead of norm: %d\n",
		NThreads, NIters-1, reordered.Load(shared.Relaxed))
}
