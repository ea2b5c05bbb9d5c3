package parallelmap

import (
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	want := `by hand: ["FEARLESS" "CONCURRENCY" "IN" "GO"]
par.Map: ["FEARLESS" "CONCURRENCY" "IN" "GO"]
par.Map squared 200000 numbers; squares[199999] = 39999600001
same as by hand: true
`
	if got := out.String(); got != want {
		t.Fatalf("Run printed\n%s\nwant\n%s", got, want)
	}
}

func TestParallelMapKeepsOrder(t *testing.T) {
	leak.Check(t)
	for _, n := range []int{0, 1, 3, 4, 5, 100, 1001} {
		in := make([]int, n)
		for i := range in {
			in[i] = i
		}
		for threads := 1; threads <= 8; threads++ {
			got := ParallelMap(in, strconv.Itoa, threads)
			want := make([]string, n)
			for i := range want {
				want[i] = strconv.Itoa(i)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("n=%d threads=%d: %q", n, threads, got)
			}
		}
	}
}

func Example() {
	Run(os.Stdout)
	// Output:
	// by hand: ["FEARLESS" "CONCURRENCY" "IN" "GO"]
	// par.Map: ["FEARLESS" "CONCURRENCY" "IN" "GO"]
	// par.Map squared 200000 numbers; squares[199999] = 39999600001
	// same as by hand: true
}
