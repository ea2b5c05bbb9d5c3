package lostunlock_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fearlessgo/fearless/vet/lostunlock"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), lostunlock.Analyzer, "lostunlock")
}
