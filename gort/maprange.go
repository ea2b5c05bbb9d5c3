package gort

import (
	"cmp"
	"fmt"
	"iter"
	"reflect"
	"slices"
)

// MapRange is for k, v := range m: the same entries, in an order that is
// the same in every run (Go's own order is random, and a replay must take
// the steps the failing run took). Keys are ordered by value where their
// type is ordered, else by how they print. As in Go, an entry deleted
// before the loop reaches it is not visited, and one added during the loop
// may not be.
func MapRange[M ~map[K]V, K comparable, V any](m M) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		if Runner() == nil {
			for k, v := range m {
				if !yield(k, v) {
					return
				}
			}
			return
		}
		keys := make([]K, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sortKeys(keys)
		for _, k := range keys {
			v, ok := m[k]
			if ok && !yield(k, v) {
				return
			}
		}
	}
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
