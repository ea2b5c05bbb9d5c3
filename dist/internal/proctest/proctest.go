// Package proctest runs helper processes for the multi-process tests: the
// test binary run again, with an environment variable naming the role that
// its TestHelperProcess plays. A helper talks to its test through its
// standard output, one line per fact, written unbuffered (Say) so that what
// a killed helper printed is what it did.
package proctest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// RoleEnv names the role a helper plays; SettingPrefix prefixes the
// variables of its settings.
const (
	RoleEnv       = "FEARLESS_DIST_HELPER"
	SettingPrefix = "FEARLESS_DIST_"
)

// Timeout bounds each wait for a helper: far longer than a helper of the
// default tests needs; long modes raise it.
var Timeout = 10 * time.Minute

// Role returns the role this process plays, "" in a test process.
func Role() string { return os.Getenv(RoleEnv) }

// Setting returns the helper's setting k.
func Setting(k string) string { return os.Getenv(SettingPrefix + k) }

// A Child is a running helper process.
type Child struct {
	t      *testing.T
	cmd    *exec.Cmd
	Lines  chan string
	stderr bytes.Buffer
	done   chan struct{}
}

// Start runs role with the given settings, which the helper reads
// from its environment.
func Start(t *testing.T, role string, settings map[string]string) *Child {
	t.Helper()
	c := &Child{t: t, Lines: make(chan string, 1024), done: make(chan struct{})}
	c.cmd = exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	c.cmd.Env = append(os.Environ(), RoleEnv+"="+role)
	for k, v := range settings {
		c.cmd.Env = append(c.cmd.Env, SettingPrefix+k+"="+v)
	}
	c.cmd.Stderr = &c.stderr
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(c.Lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			c.Lines <- sc.Text()
		}
	}()
	go func() {
		c.cmd.Wait()
		close(c.done)
	}()
	t.Cleanup(func() {
		c.cmd.Process.Kill()
		<-c.done
		for range c.Lines {
		}
	})
	return c
}

// Expect waits for the next line that starts with prefix and returns the
// rest of it, failing the test when the helper ends first.
func (c *Child) Expect(prefix string) string {
	c.t.Helper()
	timeout := time.After(Timeout)
	for {
		select {
		case line, ok := <-c.Lines:
			if !ok {
				<-c.done
				c.t.Fatalf("helper %s ended before %q: %v\n%s", c.role(), prefix, c.cmd.ProcessState, c.stderr.String())
			}
			if rest, ok := strings.CutPrefix(line, prefix); ok {
				return strings.TrimSpace(rest)
			}
		case <-timeout:
			c.t.Fatalf("helper %s: no %q after %v", c.role(), prefix, Timeout)
		}
	}
}

func (c *Child) role() string {
	for _, e := range c.cmd.Env {
		if v, ok := strings.CutPrefix(e, RoleEnv+"="); ok {
			return v
		}
	}
	return "?"
}

// Wait waits for the helper to exit and fails the test unless it succeeded.
func (c *Child) Wait() {
	c.t.Helper()
	select {
	case <-c.done:
	case <-time.After(Timeout):
		c.t.Fatalf("helper %s still running after %v", c.role(), Timeout)
	}
	if !c.cmd.ProcessState.Success() {
		c.t.Fatalf("helper %s: %v\n%s", c.role(), c.cmd.ProcessState, c.stderr.String())
	}
}

// Kill ends the helper with SIGKILL, as a crash would.
func (c *Child) Kill() {
	c.cmd.Process.Kill()
	<-c.done
}

var sayMu sync.Mutex

// Say prints one line to the parent at once.
func Say(format string, args ...any) {
	sayMu.Lock()
	defer sayMu.Unlock()
	os.Stdout.WriteString(fmt.Sprintf(format, args...) + "\n")
}

// Fail ends the helper with a message on standard error, which the parent
// shows when it fails.
func Fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "helper: "+format+"\n", args...)
	os.Exit(1)
}
