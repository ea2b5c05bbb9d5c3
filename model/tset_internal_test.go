package model

import "testing"

func TestTsetHoldsWhatWasAdded(t *testing.T) {
	var s tset
	in := map[int]bool{0: true, 5: true, 63: true, 64: true, 130: true}
	for i := range in {
		s.add(i)
	}
	for i := range 200 {
		if s.has(i) != in[i] {
			t.Errorf("has(%d) = %v, want %v", i, s.has(i), in[i])
		}
	}
}
