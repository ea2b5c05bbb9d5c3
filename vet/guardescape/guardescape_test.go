package guardescape_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fearlessgo/fearless/vet/guardescape"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), guardescape.Analyzer, "guardescape")
}
