package parallelsum

import (
	"os"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	if got, want := out.String(), "Sum: 5050\nSum with par.Sum: 5050\n"; got != want {
		t.Fatalf("Run printed %q, want %q", got, want)
	}
}

func TestParallelSumAnyThreadCount(t *testing.T) {
	leak.Check(t)
	data := make([]int32, 1000)
	for i := range data {
		data[i] = int32(i)
	}
	for threads := 1; threads <= 12; threads++ {
		if got := ParallelSum(data, threads); got != 999*1000/2 {
			t.Fatalf("%d threads: %d", threads, got)
		}
	}
}

func Example() {
	Run(os.Stdout)
	// Output:
	// Sum: 5050
	// Sum with par.Sum: 5050
}
