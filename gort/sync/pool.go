package sync

import (
	stdsync "sync"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

const opPool sched.Op = "Pool"

// Pool is sync.Pool. Under the explorer each run has its own pool, which
// never drops what was Put (a garbage collection at a moment the explorer
// does not choose would make runs differ).
type Pool struct {
	New func() any

	once   stdsync.Once
	native *stdsync.Pool
}

type poolState struct {
	labelled
	items []any
}

// Get is sync.Pool.Get.
func (p *Pool) Get() any {
	r := gort.Runner()
	if r == nil {
		return p.nativePool().Get()
	}
	st := p.state(r)
	if n := len(st.items); n > 0 {
		x := st.items[n-1]
		st.items = st.items[:n-1]
		return x
	}
	if p.New != nil {
		return p.New()
	}
	return nil
}

// Put is sync.Pool.Put.
func (p *Pool) Put(x any) {
	r := gort.Runner()
	if r == nil {
		p.nativePool().Put(x)
		return
	}
	if x != nil {
		st := p.state(r)
		st.items = append(st.items, x)
	}
}

func (p *Pool) state(r sched.Runner) *poolState {
	st := state(r, p, func(site *sched.CallSite) *poolState { return &poolState{labelled: named("sync.Pool", site)} })
	sched.Point(opPool, st)
	return st
}

func (p *Pool) nativePool() *stdsync.Pool {
	p.once.Do(func() { p.native = &stdsync.Pool{New: func() any { return p.newValue() }} })
	return p.native
}

func (p *Pool) newValue() any {
	if p.New == nil {
		return nil
	}
	return p.New()
}
