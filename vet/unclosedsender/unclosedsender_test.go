package unclosedsender_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fearlessgo/fearless/vet/unclosedsender"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), unclosedsender.Analyzer, "unclosedsender")
}
