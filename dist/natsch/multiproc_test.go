package natsch_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/dist/internal/proctest"
	"github.com/fearlessgo/fearless/dist/natsch"
	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

// longEnv turns on the long mode: 10^6 values instead of 10^5.
const longEnv = "FEARLESS_DIST_LONG"

// testLease is the lease of the kill tests: short, so that a dead process
// counts as gone soon, and long enough that a live process starved of the
// processor for a while (renewals come every quarter lease) is not taken
// for dead on a loaded machine running the race detector.
const testLease = 3 * time.Second

// TestProcesses4Senders2Receivers: four sender processes and two receiver
// processes; every value is received exactly once, and each receiver gets
// each sender's values in order.
func TestProcesses4Senders2Receivers(t *testing.T) {
	leak.Check(t)
	total := 100_000
	if os.Getenv(longEnv) != "" {
		total = 1_000_000
		proctest.Timeout = time.Hour
	}
	const senders, receivers = 4, 2
	s := natstest.Start(t)
	tx, rx, err := natsch.Channel[int64](s.JetStream(), "procs")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	settings := func(extra ...string) map[string]string {
		m := map[string]string{"URL": s.URL(), "CHANNEL": "procs"}
		for i := 0; i < len(extra); i += 2 {
			m[extra[i]] = extra[i+1]
		}
		return m
	}
	var rs, ss []*proctest.Child
	for i := range receivers {
		c := proctest.Start(t, "receiver", settings("OUT", filepath.Join(dir, fmt.Sprint(i))))
		c.Expect("ready")
		rs = append(rs, c)
	}
	rx.Close()
	start := time.Now()
	for i := range senders {
		c := proctest.Start(t, "sender", settings("ID", strconv.Itoa(i), "COUNT", strconv.Itoa(total/senders)))
		c.Expect("ready")
		ss = append(ss, c)
	}
	tx.Close()
	for _, c := range ss {
		c.Expect("done")
		c.Wait()
	}
	counts := make([][]int, senders)
	for i := range counts {
		counts[i] = make([]int, total/senders)
	}
	received := 0
	for i, c := range rs {
		line := c.Expect("done")
		c.Wait()
		last := make([]int64, senders)
		for j := range last {
			last[j] = -1
		}
		for _, v := range readValues(t, filepath.Join(dir, fmt.Sprint(i))) {
			id, seq := v>>32, v&(1<<32-1)
			if seq <= last[id] {
				t.Errorf("receiver %d: sender %d's %d after %d", i, id, seq, last[id])
			}
			last[id] = max(seq, last[id])
			counts[id][seq]++
			received++
		}
		t.Logf("receiver %d: %s", i, line)
	}
	for id, cs := range counts {
		for seq, n := range cs {
			if n != 1 {
				t.Errorf("sender %d's value %d received %d times", id, seq, n)
			}
		}
	}
	d := time.Since(start)
	t.Logf("%d values from %d sender processes to %d receiver processes, each exactly once, in %v (%.0f values/s)",
		received, senders, receivers, d.Round(time.Millisecond), float64(received)/d.Seconds())
}

// TestSenderProcessKilled: a sender process killed with SIGKILL counts as
// closed once its lease ran out, and every value it had sent is received.
func TestSenderProcessKilled(t *testing.T) {
	leak.Check(t)
	s := natstest.Start(t)
	tx, rx, err := natsch.Channel[int64](s.JetStream(), "killed", natsch.Lease(testLease))
	if err != nil {
		t.Fatal(err)
	}
	defer rx.Close()
	c := proctest.Start(t, "sender-forever", map[string]string{"URL": s.URL(), "CHANNEL": "killed"})
	c.Expect("ready")
	tx.Close()
	sent := -1
	for sent < 300 {
		sent, _ = strconv.Atoi(c.Expect("sent"))
	}
	c.Kill()
	killed := time.Now()
	// Drain what it printed before it died: those values were accepted.
	for line := range c.Lines {
		if rest, ok := cutPrefix(line, "sent "); ok {
			sent, _ = strconv.Atoi(rest)
		}
	}
	next := int64(0)
	for {
		v, err := rx.RecvTimeout(wide)
		if err != nil {
			wantErr(t, err, mpsc.ErrDisconnected)
			break
		}
		if v != next {
			t.Fatalf("got %d, want %d", v, next)
		}
		next++
	}
	after := time.Since(killed)
	// The value in flight when it died may or may not have been stored.
	if next != int64(sent)+1 && next != int64(sent)+2 {
		t.Fatalf("received 0..%d; the sender had been told of 0..%d", next-1, sent)
	}
	// Its last renewal came at most a quarter lease before the kill.
	if after < testLease-testLease/4 {
		t.Fatalf("disconnected %v after the kill, before the lease of %v ran out", after, testLease)
	}
	t.Logf("sender killed after %d values accepted; %d received, each once; disconnected %v after the kill (lease %v)",
		sent+1, next, after.Round(time.Millisecond), testLease)
}

// TestReceiverProcessKilled: the values that a receiver process held when
// it was killed come again, to another receiver; none is lost, none comes
// twice.
func TestReceiverProcessKilled(t *testing.T) {
	leak.Check(t)
	const n = 500
	s := natstest.Start(t)
	js := s.JetStream()
	tx, rx, err := natsch.Channel[int64](js, "holder", natsch.Lease(testLease))
	if err != nil {
		t.Fatal(err)
	}
	c := proctest.Start(t, "holder", map[string]string{"URL": s.URL(), "CHANNEL": "holder"})
	c.Expect("ready")
	rx.Close() // the holder is the only receiver now
	for i := range int64(n) {
		check(tx.Send(i))
	}
	got, _ := strconv.ParseInt(c.Expect("got"), 10, 64)
	rx2, err := natsch.OpenReceiver[int64](t.Context(), js, "holder")
	if err != nil {
		t.Fatal(err)
	}
	defer rx2.Close()
	c.Kill()
	tx.Close()
	seen := map[int64]int{got: 1}
	for {
		v, err := rx2.RecvTimeout(wide)
		if err != nil {
			wantErr(t, err, mpsc.ErrDisconnected)
			break
		}
		seen[v]++
	}
	for i := range int64(n) {
		// The value the holder was handed may come once more: its
		// acknowledgement may have died with it.
		if seen[i] != 1 && !(i == got && seen[i] == 2) {
			t.Fatalf("value %d received %d times", i, seen[i])
		}
	}
	t.Logf("holder took %d and was killed holding more; all %d values received once", got, n)
}

// TestServerRestart: the server restarts while values flow; none is lost,
// none comes twice.
func TestServerRestart(t *testing.T) {
	leak.Check(t)
	const n = 3000
	s := natstest.Start(t)
	tx, rx, err := natsch.Channel[int64](s.JetStream(), "restart")
	if err != nil {
		t.Fatal(err)
	}
	defer rx.Close()
	join := spawn(func() {
		defer tx.Close()
		for i := range int64(n) {
			check(tx.Send(i))
		}
	})
	seen := make([]int, n)
	restarted := false
	count := 0
	for {
		v, err := rx.RecvTimeout(wide)
		if err != nil {
			wantErr(t, err, mpsc.ErrDisconnected)
			break
		}
		seen[v]++
		count++
		if count == n/3 && !restarted {
			s.Restart()
			restarted = true
		}
	}
	joinAll(t, join)
	for i, c := range seen {
		if c != 1 {
			t.Fatalf("value %d received %d times", i, c)
		}
	}
	t.Logf("server restarted after %d of %d values; each received once", n/3, n)
}

func cutPrefix(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):], true
	}
	return "", false
}

// TestOnlyReceiverProcessKilled: once the lease of a killed process's only
// receiver ran out, sends fail with ErrDisconnected and hand their value
// back.
func TestOnlyReceiverProcessKilled(t *testing.T) {
	leak.Check(t)
	s := natstest.Start(t)
	tx, rx, err := natsch.Channel[int64](s.JetStream(), "lonely", natsch.Lease(testLease))
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close()
	c := proctest.Start(t, "holder", map[string]string{"URL": s.URL(), "CHANNEL": "lonely"})
	c.Expect("ready")
	rx.Close()
	check(tx.Send(-1))
	c.Expect("got -1")
	c.Kill()
	killed := time.Now()
	deadline := killed.Add(wide)
	var err2 error
	accepted := 0
	for i := int64(0); err2 == nil; i++ {
		if time.Now().After(deadline) {
			t.Fatalf("sends still accepted %v after the receiver's process was killed", wide)
		}
		err2 = tx.Send(i)
		if err2 == nil {
			accepted++
		}
	}
	wantErr(t, err2, mpsc.ErrDisconnected)
	var se *mpsc.SendError[int64]
	if !errors.As(err2, &se) || se.Value != int64(accepted) {
		t.Fatalf("err = %#v, want the value %d back", err2, accepted)
	}
	t.Logf("sends failed with ErrDisconnected %v after the only receiver's process was killed (lease %v)",
		time.Since(killed).Round(time.Millisecond), testLease)
}
