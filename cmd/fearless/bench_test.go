package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/testout"
)

// BenchmarkFearlessTestGoKer measures the explorer's speed on real code:
// fearless test on GoKer's etcd7443 (testdata/goker, MIT; a lock held
// across a channel send, found after a few thousand schedules), in
// schedules per second of exploration. Building the test binary is not
// counted: one op is one whole fearless test run, and the metric is the
// run's own schedules over its own exploration time.
func BenchmarkFearlessTestGoKer(b *testing.B) {
	b.Chdir(copyTestdata(b, "testdata/goker"))
	b.Setenv("GOFLAGS", "-mod=mod")
	b.Setenv("GOPROXY", "off")
	schedules, seconds := 0, 0.0
	for b.Loop() {
		var out, errs testout.Buffer
		if code := run([]string{"test", "-json", "./etcd7443"}, &out, &errs); code != 1 {
			b.Fatalf("exit status %d, want 1 (the deadlock found); stderr:\n%s", code, errs.String())
		}
		var r testResult
		if err := json.Unmarshal([]byte(strings.TrimSpace(out.String())), &r); err != nil {
			b.Fatalf("-json output: %v: %q", err, out.String())
		}
		if r.Kind != "deadlock" {
			b.Fatalf("%s %q, want the deadlock:\n%s", r.Result, r.Kind, r.Report)
		}
		schedules += r.Schedules
		seconds += r.Elapsed
	}
	b.ReportMetric(float64(schedules)/seconds, "schedules/s")
}
