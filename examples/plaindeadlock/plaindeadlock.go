// Package plaindeadlock runs fearless test on the seeds' deadlock written in
// plain Go: sync.Mutex, go statements and sync.WaitGroup, no fearless
// import. The test is in a module of its own in a temporary directory, as
// a user's would be; fearless test rewrites it at build time, explores its
// schedules, reports the deadlock with the line each goroutine waits at,
// and prints the replay line, which this example then runs.
package plaindeadlock

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

//go:embed testdata/deadlock_test.go
var source string

const gomod = "module example.com/deadlock\n\ngo 1.26\n"

// FearlessTest is fearless test itself: its arguments after "test", its
// output, its exit status. The command that runs the tour sets it (the
// command is a package main, which an example cannot import).
var FearlessTest func(args []string, stdout, stderr io.Writer) int

// budget keeps the tour quick: the deadlock is found in a few schedules.
const budget = "5s"

var replayLine = regexp.MustCompile(`replay: fearless test -run '([^']*)' -replay '([^']*)' (\S+)`)

// Run writes the module, runs fearless test on it, then the replay line.
func Run(w io.Writer) {
	fmt.Fprintf(w, "deadlock_test.go, in a module that does not import fearless:\n\n%s\n", indent(source))
	if FearlessTest == nil {
		fmt.Fprintln(w, "(fearless test is not linked into this program: go run ./cmd/fearless tour fearless-test-deadlock runs it)")
		return
	}
	tmp, err := os.MkdirTemp("", "fearless-tour-")
	if err != nil {
		fmt.Fprintln(w, "cannot make the module:", err)
		return
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "deadlock")
	if err := writeModule(dir); err != nil {
		fmt.Fprintln(w, "cannot make the module:", err)
		return
	}
	// fearless test works on the module of the current directory.
	back, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	if err := os.Chdir(dir); err != nil {
		fmt.Fprintln(w, err)
		return
	}
	defer os.Chdir(back)

	first, code := fearlessTest(w, tmp, "-budget", budget, ".")
	m := replayLine.FindStringSubmatch(first)
	if code != 1 || m == nil {
		fmt.Fprintf(w, "fearless test found no failure to replay (exit status %d)\n", code)
		return
	}
	again, code := fearlessTest(w, tmp, "-run", m[1], "-replay", m[2], m[3])
	same := code == 1 && report(again) == report(first)
	fmt.Fprintf(w, "the replay gives the same deadlock, with the same report: %v\n", same)
}

func writeModule(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "deadlock_test.go"), []byte(source), 0o644)
}

// fearlessTest runs fearless test with args, prints the command and what it
// printed (the temporary directory left out of paths, the time left out
// of the last line), and returns that and the exit status.
func fearlessTest(w io.Writer, tmp string, args ...string) (string, int) {
	var out, errs strings.Builder
	code := FearlessTest(args, &out, &errs)
	text := strings.ReplaceAll(out.String()+errs.String(), tmp+string(filepath.Separator), "")
	text = elapsed.ReplaceAllString(text, "$1")
	fmt.Fprintf(w, "$ fearless test %s\n%s(exit status %d)\n\n", quote(args), text, code)
	return text, code
}

var elapsed = regexp.MustCompile(`(?m)^((?:FAIL|ok)\s+\S+)\s+[0-9.]+s$`)

// report is a failure's report without the first line, which counts the
// schedules tried.
func report(out string) string {
	_, rest, _ := strings.Cut(out, "\n")
	return rest
}

func quote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = a
		if strings.ContainsAny(a, "^$*,:() ") {
			q[i] = "'" + a + "'"
		}
	}
	return strings.Join(q, " ")
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}
