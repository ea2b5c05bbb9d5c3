package gort

import (
	"cmp"
	"fmt"
	"iter"
	"reflect"
	"runtime"
	"slices"

	"github.com/fearlessgo/fearless/internal/sched"
)

// MapRange is for k, v := range m: the same entries, in an order that is a
// decision of the explorer's schedule, so that a test that depends on the
// order fails under some schedule, and its replay takes the same order.
//
// The order is a rotation of the keys sorted (by value where their type is
// ordered, else by how they print): the schedule picks which key comes
// first, as Go picks a random starting point, so that every key can come
// first and every key last, and any two keys come in both orders. A search
// tries len(m) orders of a range, not len(m)!.
//
// A range statement takes the rotation once per run: the first time it
// ranges over two entries or more, and every later time it runs in that run
// (in a loop, from another goroutine), it starts at the same place of its
// map's sorted keys, counted modulo the map's size. So a test that ranges
// over maps in loops costs the search a factor of the maps' sizes per range
// statement, not per iteration of the loop; an order that must differ from
// one iteration to the next is not tried.
//
// As in Go, an entry deleted before the loop reaches it is not visited, and
// one added during the loop may not be. With no explorer running, it is
// Go's own range.
func MapRange[M ~map[K]V, K comparable, V any](m M) iter.Seq2[K, V] {
	var pc [1]uintptr
	if Runner() != nil {
		runtime.Callers(2, pc[:])
	}
	return mapRange(m, rangeSite(pc[0]))
}

// MapRangeAt is MapRange for the range statement at pos.
func MapRangeAt[M ~map[K]V, K comparable, V any](pos Pos, m M) iter.Seq2[K, V] {
	return mapRange(m, rangeAt{pos.cs})
}

// mapRange ranges over m in the order of the rotation of the range
// statement known by key in the run's world.
func mapRange[M ~map[K]V, K comparable, V any](m M, key any) iter.Seq2[K, V] {
	r := Runner()
	if r == nil {
		return func(yield func(K, V) bool) {
			for k, v := range m {
				if !yield(k, v) {
					return
				}
			}
		}
	}
	return func(yield func(K, V) bool) {
		keys := make([]K, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sortKeys(keys)
		start := 0
		if len(keys) > 1 {
			rot := StateOf(r, key, func() *rotation { return &rotation{} })
			start = rot.of(r, len(keys))
		}
		for i := range keys {
			k := keys[(start+i)%len(keys)]
			v, ok := m[k]
			if ok && !yield(k, v) {
				return
			}
		}
	}
}

// A rangeSite is a range statement over a map, by the address of its call
// of MapRange: the key of its rotation in the run's world.
type rangeSite uintptr

// A rangeAt is a range statement over a map, by its Pos.
type rangeAt struct{ *sched.CallSite }

// A rotation is where a range statement starts in its map's sorted keys,
// chosen by the schedule the first time it is needed in a run.
type rotation struct {
	chosen bool
	at     int
}

// of returns the starting index among n > 1 sorted keys.
func (rot *rotation) of(r sched.Runner, n int) int {
	if !rot.chosen {
		rot.chosen = true
		rot.at = r.Choose(n)
	}
	return rot.at % n
}

func sortKeys[K comparable](keys []K) {
	slices.SortStableFunc(keys, func(a, b K) int {
		va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
		switch va.Kind() {
		case reflect.String:
			return cmp.Compare(va.String(), vb.String())
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			return cmp.Compare(va.Int(), vb.Int())
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			return cmp.Compare(va.Uint(), vb.Uint())
		case reflect.Float32, reflect.Float64:
			return cmp.Compare(va.Float(), vb.Float())
		}
		return cmp.Compare(fmt.Sprintf("%v", a), fmt.Sprintf("%v", b))
	})
}
