package usizepair

import (
	"fmt"
	"os"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	want := fmt.Sprintf("%d readers saw atom reach %d; times atom was ahead of norm: 0\n", NThreads, NIters-1)
	if got := out.String(); got != want {
		t.Fatalf("output %q, want %q", got, want)
	}
}

func Example() {
	Run(os.Stdout)
	// Output: 8 readers saw atom reach 9999; times atom was ahead of norm: 0
}
