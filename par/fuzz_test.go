package par

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
)

// FuzzAgainstSequential runs Map, ForEach, Reduce and Sum over random data
// with random splitting and checks each against a plain loop.
func FuzzAgainstSequential(f *testing.F) {
	f.Add([]byte("hello, parallel world"), uint8(2), uint16(3))
	f.Add(make([]byte, 3000), uint8(1), uint16(1))
	f.Add([]byte{1, 2, 3}, uint8(0), uint16(0))
	f.Add(slices.Repeat([]byte{7, 200, 13}, 700), uint8(3), uint16(5))
	f.Fuzz(checkAgainstSequential)
}

func checkAgainstSequential(t *testing.T, data []byte, how uint8, span uint16) {
	m := modes[int(how)%len(modes)]
	tune(t, m)
	if span > 0 {
		maxSpan = int(span)
	}
	if len(data) > 0 && data[0]%2 == 0 {
		serialMax, sumSerialMax = 0, 0 // split even tiny inputs
	}
	in := make([]int64, len(data))
	for i, b := range data {
		in[i] = int64(b) - 100
	}

	sq := Map(in, func(v int64) int64 { return v * v })
	var sum, sumSq int64
	for i, v := range in {
		sum += v
		sumSq += v * v
		if sq[i] != v*v {
			t.Fatalf("Map: out[%d] = %d, want %d", i, sq[i], v*v)
		}
	}
	if got := Sum(in); got != sum {
		t.Fatalf("Sum = %d, want %d", got, sum)
	}
	if got := Sum(sq); got != sumSq {
		t.Fatalf("Sum of squares = %d, want %d", got, sumSq)
	}
	seen := make([]int, len(in))
	ForEach(in, func(i int, v int64) {
		if v != in[i] {
			t.Errorf("ForEach: f(%d, %d), but in[%d] = %d", i, v, i, in[i])
		}
		seen[i]++ // each index is owned by one call: no race
	})
	for i, c := range seen {
		if c != 1 {
			t.Fatalf("ForEach visited %d %d times", i, c)
		}
	}
	// A polynomial hash of the sequence: associative, far from
	// commutative, and the fold differs from the combine. A run combined out
	// of order, twice or not at all changes it.
	const base = 1_000_003
	type acc struct{ h, pow uint64 }
	got := Reduce(in, acc{0, 1},
		func(a acc, v int64) acc { return acc{a.h*base + uint64(v), a.pow * base} },
		func(a, b acc) acc { return acc{a.h*b.pow + b.h, a.pow * b.pow} })
	want := acc{0, 1}
	for _, v := range in {
		want = acc{want.h*base + uint64(v), want.pow * base}
	}
	if got != want {
		t.Fatalf("Reduce hashed %v, want %v", got, want)
	}
}

// TestRandomizedAgainstSequential runs the fuzz check over a fixed series of
// random inputs, so that plain test runs cover more than the seed corpus.
func TestRandomizedAgainstSequential(t *testing.T) {
	leak.Check(t)
	r := rand.New(rand.NewPCG(1, 2))
	iterations := 400
	if testing.Short() {
		iterations = 50
	}
	for range iterations {
		data := make([]byte, r.IntN(5000))
		for j := range data {
			data[j] = byte(r.IntN(256))
		}
		span := uint16(r.IntN(1 << 16))
		if r.IntN(2) == 0 {
			span = uint16(r.IntN(50))
		}
		t.Run("", func(t *testing.T) { checkAgainstSequential(t, data, uint8(r.IntN(256)), span) })
	}
}
