package mpsc

import (
	"reflect"
	"testing"
)

func TestHoldsPointers(t *testing.T) {
	// Exported fields: only their layout counts, nothing reads them.
	type plain struct {
		A int
		B [3]float64
		C struct{ D uint8 }
	}
	type withString struct {
		A int
		S string
	}
	for _, c := range []struct {
		t    reflect.Type
		want bool
	}{
		{reflect.TypeFor[int](), false},
		{reflect.TypeFor[struct{}](), false},
		{reflect.TypeFor[[4]int64](), false},
		{reflect.TypeFor[[0]*int](), false},
		{reflect.TypeFor[plain](), false},
		{reflect.TypeFor[complex128](), false},
		{reflect.TypeFor[*int](), true},
		{reflect.TypeFor[string](), true},
		{reflect.TypeFor[[]int](), true},
		{reflect.TypeFor[map[int]int](), true},
		{reflect.TypeFor[any](), true},
		{reflect.TypeFor[error](), true},
		{reflect.TypeFor[func()](), true},
		{reflect.TypeFor[chan int](), true},
		{reflect.TypeFor[withString](), true},
		{reflect.TypeFor[[2]withString](), true},
	} {
		if got := holdsPointers(c.t); got != c.want {
			t.Errorf("holdsPointers(%v) = %v, want %v", c.t, got, c.want)
		}
	}
}
