package natsch_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/dist/natsch"
	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/nats-io/nats.go/jetstream"
)

// Helper processes are this test binary run again with helperEnv naming a
// role; TestHelperProcess plays it. They talk to the parent through their
// standard output, one line per fact, written unbuffered so that what a
// killed helper printed is what it did.

const helperEnv = "FEARLESS_NATSCH_HELPER"

// A child is a running helper process.
type child struct {
	t      *testing.T
	cmd    *exec.Cmd
	lines  chan string
	stderr bytes.Buffer
	done   chan struct{}
}

// startChild runs role with the given settings, which the helper reads
// from its environment.
func startChild(t *testing.T, role string, settings map[string]string) *child {
	t.Helper()
	c := &child{t: t, lines: make(chan string, 1024), done: make(chan struct{})}
	c.cmd = exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	c.cmd.Env = append(os.Environ(), helperEnv+"="+role)
	for k, v := range settings {
		c.cmd.Env = append(c.cmd.Env, "FEARLESS_NATSCH_"+k+"="+v)
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
		defer close(c.lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
	}()
	go func() {
		c.cmd.Wait()
		close(c.done)
	}()
	t.Cleanup(func() {
		c.cmd.Process.Kill()
		<-c.done
		for range c.lines {
		}
	})
	return c
}

// expect waits for the next line that starts with prefix and returns the
// rest of it, failing the test when the helper ends first.
func (c *child) expect(prefix string) string {
	c.t.Helper()
	timeout := time.After(5 * time.Minute)
	for {
		select {
		case line, ok := <-c.lines:
			if !ok {
				<-c.done
				c.t.Fatalf("helper %s ended before %q: %v\n%s", c.role(), prefix, c.cmd.ProcessState, c.stderr.String())
			}
			if rest, ok := strings.CutPrefix(line, prefix); ok {
				return strings.TrimSpace(rest)
			}
		case <-timeout:
			c.t.Fatalf("helper %s: no %q after 5 minutes", c.role(), prefix)
		}
	}
}

func (c *child) role() string {
	for _, e := range c.cmd.Env {
		if v, ok := strings.CutPrefix(e, helperEnv+"="); ok {
			return v
		}
	}
	return "?"
}

// wait waits for the helper to exit and fails the test unless it succeeded.
func (c *child) wait() {
	c.t.Helper()
	select {
	case <-c.done:
	case <-time.After(5 * time.Minute):
		c.t.Fatalf("helper %s still running after 5 minutes", c.role())
	}
	if !c.cmd.ProcessState.Success() {
		c.t.Fatalf("helper %s: %v\n%s", c.role(), c.cmd.ProcessState, c.stderr.String())
	}
}

// kill ends the helper with SIGKILL, as a crash would.
func (c *child) kill() {
	c.cmd.Process.Kill()
	<-c.done
}

// TestHelperProcess is not a test: it is the body of the helper processes.
func TestHelperProcess(t *testing.T) {
	role := os.Getenv(helperEnv)
	if role == "" {
		t.Skip("run by the multi-process tests")
	}
	setting := func(k string) string { return os.Getenv("FEARLESS_NATSCH_" + k) }
	num := func(k string) int {
		n, _ := strconv.Atoi(setting(k))
		return n
	}
	nc, err := natstest.Dial(setting("URL"))
	if err != nil {
		fail("connect: %v", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		fail("jetstream: %v", err)
	}
	ctx := context.Background()
	name := setting("CHANNEL")
	var opts []natsch.Option
	if d, err := time.ParseDuration(setting("LEASE")); err == nil {
		opts = append(opts, natsch.Lease(d))
	}
	switch role {
	case "sender":
		// Sends COUNT values tagged with ID, then closes.
		tx, err := natsch.OpenSender[int64](ctx, js, name, opts...)
		if err != nil {
			fail("open: %v", err)
		}
		say("ready")
		id := int64(num("ID"))
		for i := range num("COUNT") {
			if err := tx.Send(id<<32 | int64(i)); err != nil {
				fail("send %d: %v", i, err)
			}
		}
		tx.Close()
		say("done")
	case "sender-forever":
		// Sends until killed, saying each value the server accepted.
		tx, err := natsch.OpenSender[int64](ctx, js, name, opts...)
		if err != nil {
			fail("open: %v", err)
		}
		say("ready")
		for i := int64(0); ; i++ {
			if err := tx.Send(i); err != nil {
				fail("send %d: %v", i, err)
			}
			say("sent %d", i)
		}
	case "receiver":
		// Receives until disconnected; writes what it got to OUT.
		rx, err := natsch.OpenReceiver[int64](ctx, js, name, opts...)
		if err != nil {
			fail("open: %v", err)
		}
		say("ready")
		var got []int64
		for v := range rx.Iter() {
			got = append(got, v)
		}
		_, err = rx.Recv()
		rx.Close()
		var b bytes.Buffer
		binary.Write(&b, binary.LittleEndian, got)
		if err := os.WriteFile(setting("OUT"), b.Bytes(), 0o644); err != nil {
			fail("write: %v", err)
		}
		say("done %d %v", len(got), err)
	case "holder":
		// Receives one value, says which, and holds the values it
		// fetched until killed.
		rx, err := natsch.OpenReceiver[int64](ctx, js, name, opts...)
		if err != nil {
			fail("open: %v", err)
		}
		say("ready")
		v, err := rx.Recv()
		if err != nil {
			fail("recv: %v", err)
		}
		say("got %d", v)
		select {}
	default:
		fail("unknown role %q", role)
	}
	os.Exit(0)
}

var sayMu sync.Mutex

// say prints one line to the parent at once.
func say(format string, args ...any) {
	sayMu.Lock()
	defer sayMu.Unlock()
	os.Stdout.WriteString(fmt.Sprintf(format, args...) + "\n")
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "helper: "+format+"\n", args...)
	os.Exit(1)
}

// readValues reads what a receiver helper wrote.
func readValues(t *testing.T, path string) []int64 {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	vs := make([]int64, len(data)/8)
	if err := binary.Read(bytes.NewReader(data), binary.LittleEndian, vs); err != nil {
		t.Fatal(err)
	}
	return vs
}
