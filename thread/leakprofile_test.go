package thread_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/gocmd"
	"github.com/fearlessgo/fearless/thread"
)

// Go's goroutine leak profile finds a fearless thread blocked forever on a
// lock nobody else can reach, exactly as it finds a plain goroutine: the
// registry of running threads must not keep what the thread's function
// captured reachable. The program is built with the experiment on; the
// named thread's profile entry carries its name as a label.
func TestLeakProfileSeesThreads(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program with GOEXPERIMENT=goroutineleakprofile")
	}
	bin := filepath.Join(t.TempDir(), "leakprog")
	build := exec.Command(gocmd.Path(t), "build", "-o", bin, "./testdata/leakprog")
	build.Env = append(os.Environ(), "GOEXPERIMENT=goroutineleakprofile")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, how := range []string{"go", "thread", "named"} {
		out, err := exec.Command(bin, how).Output()
		if err != nil {
			t.Fatalf("leakprog %s: %v\n%s", how, err, out)
		}
		if !bytes.HasPrefix(out, []byte("goroutineleak profile: total 1\n")) || !bytes.Contains(out, []byte("main.leak.func1")) {
			t.Errorf("leakprog %s: the profile does not show the blocked goroutine:\n%s", how, out)
		}
		if labeled := bytes.Contains(out, []byte(`# labels: {"thread":"stuck"}`)); labeled != (how == "named") {
			t.Errorf("leakprog %s: labeled = %v:\n%s", how, labeled, out)
		}
	}
}

// A named thread carries its name as the pprof label "thread", in place of
// the labels of the goroutine that spawned it; an unnamed one inherits them,
// as a plain goroutine does.
func TestNamedThreadHasPprofLabel(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 2) // the labels are set before f runs
	var named, unnamed *thread.JoinHandle[struct{}]
	pprof.Do(context.Background(), pprof.Labels("job", "test"), func(context.Context) {
		named, _ = thread.SpawnWith(thread.NewBuilder().Name("labeled-worker"), func() struct{} {
			started <- struct{}{}
			<-release
			return struct{}{}
		})
		unnamed = thread.Go(func() { started <- struct{}{}; <-release })
	})
	defer func() { close(release); named.Join(); unnamed.Join() }()
	<-started
	<-started
	var b bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&b, 1)
	profile := b.String()
	for _, want := range []string{`# labels: {"thread":"labeled-worker"}`, `# labels: {"job":"test"}`} {
		if !strings.Contains(profile, want) {
			t.Errorf("the goroutine profile lacks %s:\n%s", want, profile)
		}
	}
}
