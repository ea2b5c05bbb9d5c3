package sessionlinear_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fearlessgo/fearless/vet/sessionlinear"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sessionlinear.Analyzer, "sessionlinear")
}
