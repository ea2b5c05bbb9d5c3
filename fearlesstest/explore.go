package fearlesstest

import (
	"testing"

	"github.com/fearlessgo/fearless/model"
)

// Explore runs f under the schedule explorer, as [model.Check] does: f is
// run once per schedule, with its threads run one at a time and each
// fearless operation a point where another may be chosen, and t fails
// with the report and the schedule that replays it when a schedule breaks
// f. f gets t itself: a t.Error or t.Errorf in f marks the schedule that
// ran it as failing (the explorer stops there and reports it), and
// t.Fatal, t.FailNow and t.Skip end the schedule, which is reported as a
// failure. Everything f does must be deterministic apart from the schedule
// (see [model.Explore]).
func Explore(t *testing.T, f func(t *testing.T), opts ...model.Option) {
	t.Helper()
	if f == nil {
		panic("fearlesstest: Explore: f is nil; pass the test body to explore")
	}
	model.Check(t, func() {
		failed := t.Failed()
		f(t)
		if !failed && t.Failed() {
			panic("fearlesstest: the test failed in this schedule (its errors are logged above)")
		}
	}, opts...)
}
