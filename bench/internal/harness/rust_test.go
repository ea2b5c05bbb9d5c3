package harness

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestParseRustLine(t *testing.T) {
	l, err := ParseRustLine([]byte(`{"workload":"mutex/uncontended","n":1000,"run":2,"ns":10640}`))
	if err != nil || l.Workload != "mutex/uncontended" || l.N != 1000 || l.Run != 2 || l.Ns != 10640 {
		t.Errorf("run line: got %+v, %v", l, err)
	}
	l, err = ParseRustLine([]byte(`{"workloads":["a","b/c"]}`))
	if err != nil || strings.Join(l.Workloads, ",") != "a,b/c" {
		t.Errorf("list line: got %+v, %v", l, err)
	}
	for _, bad := range []string{
		`{"workload":"x","error":"received sum 1, want 2"}`,
		`{"error":"bad command: y"}`,
		`not json`,
		`{"workload":"x","n":4}`,
	} {
		if _, err := ParseRustLine([]byte(bad)); err == nil {
			t.Errorf("ParseRustLine(%s): no error", bad)
		}
	}
	_, err = ParseRustLine([]byte(`{"workload":"x","error":"boom"}`))
	if err == nil || !strings.Contains(err.Error(), "x: boom") {
		t.Errorf("error line: got %v, want it to name the workload and the error", err)
	}
}

// TestRustServe builds the Rust side and runs one tiny workload through
// serve mode; without cargo it is skipped, as the harness skips the side.
func TestRustServe(t *testing.T) {
	bin, version, err := BuildRust("../../rust", io.Discard)
	if errors.Is(err, ErrNoToolchain) {
		t.Skip("cargo not found")
	}
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(version, "rustc ") {
		t.Errorf("version = %q, want rustc ...", version)
	}
	r, err := StartRust(bin, version, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.Workloads["mutex/uncontended"] || !r.Workloads["chan/bounded1/mpmc"] {
		t.Errorf("workloads = %v, missing some", r.Workloads)
	}
	d, err := r.Run("mutex/uncontended", 100)
	if err != nil || d <= 0 {
		t.Errorf("Run = %v, %v", d, err)
	}
	if _, err := r.Run("no/such", 100); err == nil || !strings.Contains(err.Error(), "unknown workload") {
		t.Errorf("Run(unknown) error = %v", err)
	}
	if _, err := r.Run("mutex/uncontended", 0); err == nil {
		t.Error("Run(n=0): no error")
	}
}

func TestBuildRustMissingProject(t *testing.T) {
	_, _, err := BuildRust(t.TempDir(), io.Discard)
	if err == nil {
		t.Fatal("BuildRust on an empty directory: no error")
	}
}
