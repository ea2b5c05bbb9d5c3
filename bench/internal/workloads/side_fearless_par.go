package workloads

import (
	"fmt"

	"github.com/fearlessgo/fearless/bench/internal/harness"
	"github.com/fearlessgo/fearless/par"
)

// fearless par: Sum and Map choose their own split.
func init() {
	harness.Default.Register(harness.SideFearless, map[string]harness.Impl{
		"par/sum": fParSum,
		"par/map": fParMap,
	})
}

func fParSum(n int) func() error {
	data, want := sumInput(n)
	return func() error {
		if got := par.Sum(data); got != want {
			return fmt.Errorf("sum %d, want %d", got, want)
		}
		return nil
	}
}

func fParMap(n int) func() error {
	data := mapInput(n)
	return func() error {
		return checkMap(par.Map(data, mix), n)
	}
}
