package poolpackage

import (
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/testout"
	"github.com/fearlessgo/fearless/model"
)

func TestZZ(t *testing.T) {
	r := model.Explore(func() { var b testout.Buffer; Run(&b) }, model.MaxSchedules(2000), model.Timers(model.TimersIdle), model.Budget(20*time.Second))
	t.Logf("%d %v %v", r.Schedules, r.Exhaustive, r.Failure)
}
