package sendmove_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fearlessgo/fearless/vet/sendmove"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sendmove.Analyzer, "sendmove")
}
