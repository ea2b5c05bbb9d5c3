package sync

import (
	stdsync "sync"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

const opMap sched.Op = "Map"

// Map is sync.Map. Under the explorer each run has its own contents, which
// start as what the map held before the exploration, and Range visits keys
// in an order that is a decision of the schedule, as a range over a map
// does (gort.MapRange, whose rotation Range takes once per run for all the
// run's calls, as one range statement): a test that depends on it fails
// under some schedule, and its replay takes the same order.
type Map struct {
	native stdsync.Map
}

type mapState struct {
	labelled
	m map[any]any
}

func (m *Map) state(r sched.Runner) *mapState {
	st := state(r, m, func(site *sched.CallSite) *mapState {
		st := &mapState{labelled: named("sync.Map", site), m: map[any]any{}}
		m.native.Range(func(k, v any) bool { st.m[k] = v; return true })
		return st
	})
	sched.Point(opMap, st)
	return st
}

// Load is sync.Map.Load.
func (m *Map) Load(key any) (value any, ok bool) {
	r := gort.Runner()
	if r == nil {
		return m.native.Load(key)
	}
	value, ok = m.state(r).m[key]
	return value, ok
}

// Store is sync.Map.Store.
func (m *Map) Store(key, value any) {
	r := gort.Runner()
	if r == nil {
		m.native.Store(key, value)
		return
	}
	m.state(r).m[key] = value
}

// LoadOrStore is sync.Map.LoadOrStore.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	r := gort.Runner()
	if r == nil {
		return m.native.LoadOrStore(key, value)
	}
	st := m.state(r)
	if v, ok := st.m[key]; ok {
		return v, true
	}
	st.m[key] = value
	return value, false
}

// LoadAndDelete is sync.Map.LoadAndDelete.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	r := gort.Runner()
	if r == nil {
		return m.native.LoadAndDelete(key)
	}
	st := m.state(r)
	value, loaded = st.m[key]
	delete(st.m, key)
	return value, loaded
}

// Delete is sync.Map.Delete.
func (m *Map) Delete(key any) { m.LoadAndDelete(key) }

// Swap is sync.Map.Swap.
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	r := gort.Runner()
	if r == nil {
		return m.native.Swap(key, value)
	}
	st := m.state(r)
	previous, loaded = st.m[key]
	st.m[key] = value
	return previous, loaded
}

// CompareAndSwap is sync.Map.CompareAndSwap.
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	r := gort.Runner()
	if r == nil {
		return m.native.CompareAndSwap(key, old, new)
	}
	st := m.state(r)
	if v, ok := st.m[key]; ok && v == old {
		st.m[key] = new
		return true
	}
	return false
}

// CompareAndDelete is sync.Map.CompareAndDelete.
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	r := gort.Runner()
	if r == nil {
		return m.native.CompareAndDelete(key, old)
	}
	st := m.state(r)
	if v, ok := st.m[key]; ok && v == old {
		delete(st.m, key)
		return true
	}
	return false
}

// Range is sync.Map.Range.
func (m *Map) Range(f func(key, value any) bool) {
	r := gort.Runner()
	if r == nil {
		m.native.Range(f)
		return
	}
	for k, v := range gort.MapRange(m.state(r).m) {
		if !f(k, v) {
			return
		}
	}
}

// Clear is sync.Map.Clear.
func (m *Map) Clear() {
	r := gort.Runner()
	if r == nil {
		m.native.Clear()
		return
	}
	st := m.state(r)
	clear(st.m)
}
