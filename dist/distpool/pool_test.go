package distpool_test

import (
	"context"
	"errors"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/dist/distpool"
	"github.com/fearlessgo/fearless/dist/internal/proctest"
	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/thread"
	"github.com/nats-io/nats.go/jetstream"
)

const victimSetting = "VICTIM"

func init() {
	distpool.Register("square", func(x int) int { return x * x })
	distpool.Register("boom", func(msg string) int { panic(msg) })
	// hang, in the victim worker, says it runs and never returns, so
	// that the test can kill the worker mid-task; elsewhere it returns.
	distpool.Register("hang", func(x int) int {
		if proctest.Setting(victimSetting) != "" {
			proctest.Say("running %d", x)
			select {}
		}
		return x + 1
	})
}

// quiet keeps the task panics the tests provoke off standard error.
func quiet(t *testing.T) {
	prev := thread.SetPanicHook(func(*thread.PanicError) {})
	t.Cleanup(func() { thread.SetPanicHook(prev) })
}

// serve runs Serve until the test ends.
func serve(t *testing.T, js jetstream.JetStream, opts ...distpool.Option) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- distpool.Serve(ctx, js, opts...) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("Serve = %v, want context.Canceled", err)
		}
	})
}

func TestSubmitBeforeServe(t *testing.T) {
	leak.Check(t)
	s := natstest.Start(t)
	js := s.JetStream()
	var hs []*distpool.Handle[int]
	for i := range 20 {
		h, err := distpool.Submit[int, int](t.Context(), js, "square", i)
		if err != nil {
			t.Fatal(err)
		}
		hs = append(hs, h)
	}
	serve(t, js, distpool.Workers(2))
	for i, h := range hs {
		if v, err := h.Join(); err != nil || v != i*i {
			t.Fatalf("Join = %v, %v; want %d", v, err, i*i)
		}
	}
	if v, err := hs[3].Join(); err != nil || v != 9 {
		t.Fatalf("second Join = %v, %v; want 9", v, err)
	}
}

func TestPanicNamesWorkerAndWorkerGoesOn(t *testing.T) {
	leak.Check(t)
	quiet(t)
	s := natstest.Start(t)
	js := s.JetStream()
	serve(t, js, distpool.Name("w1"))
	h, err := distpool.Submit[string, int](t.Context(), js, "boom", "no luck")
	if err != nil {
		t.Fatal(err)
	}
	_, err = h.Join()
	var pe *thread.PanicError
	if !errors.As(err, &pe) || pe.Thread != "w1" || pe.Value != "no luck" {
		t.Fatalf("Join err = %#v, want *thread.PanicError from w1 with no luck", err)
	}
	h2, err := distpool.Submit[int, int](t.Context(), js, "square", 7)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := h2.Join(); err != nil || v != 49 {
		t.Fatalf("Join after a panic = %v, %v", v, err)
	}
}

func TestSubmitWrongTypes(t *testing.T) {
	s := natstest.Start(t)
	if _, err := distpool.Submit[string, int](t.Context(), s.JetStream(), "square", "x"); err == nil {
		t.Fatal("Submit with the wrong argument type succeeded")
	}
}

// TestWorkerProcesses: calls run on two worker processes, a panic comes
// back naming its worker, and the call of a worker killed mid-task runs
// on another, its result recorded once.
func TestWorkerProcesses(t *testing.T) {
	leak.Check(t)
	s := natstest.Start(t)
	js := s.JetStream()
	const lease = "2s"
	worker := func(name string, extra ...string) *proctest.Child {
		settings := map[string]string{"URL": s.URL(), "NAME": name, "LEASE": lease}
		for i := 0; i < len(extra); i += 2 {
			settings[extra[i]] = extra[i+1]
		}
		c := proctest.Start(t, "worker", settings)
		c.Expect("serving")
		return c
	}
	victim := worker("victim", victimSetting, "1")
	hang, err := distpool.Submit[int, int](t.Context(), js, "hang", 41)
	if err != nil {
		t.Fatal(err)
	}
	victim.Expect("running 41")
	worker("worker-a")
	worker("worker-b")

	const n = 100
	hs := make([]*distpool.Handle[int], n)
	for i := range hs {
		if hs[i], err = distpool.Submit[int, int](t.Context(), js, "square", i); err != nil {
			t.Fatal(err)
		}
	}
	boom, err := distpool.Submit[string, int](t.Context(), js, "boom", "bad input")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i, h := range hs {
		wg.Go(func() {
			if v, err := h.Join(); err != nil || v != i*i {
				t.Errorf("square(%d) = %v, %v", i, v, err)
			}
		})
	}
	wg.Wait()
	_, err = boom.Join()
	var pe *thread.PanicError
	if !errors.As(err, &pe) || pe.Value != "bad input" || (pe.Thread != "worker-a" && pe.Thread != "worker-b") {
		t.Fatalf("boom: err = %#v, want a *thread.PanicError of worker-a or worker-b", err)
	}

	victim.Kill()
	killed := time.Now()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	v, err := hang.JoinContext(ctx)
	if err != nil || v != 42 {
		t.Fatalf("the killed worker's call: %v, %v; want 42", v, err)
	}
	t.Logf("%d calls on two worker processes; the panic came back from %s; the call of the worker killed mid-task ran elsewhere %v after the kill",
		n, pe.Thread, time.Since(killed).Round(time.Millisecond))
}

// TestHelperProcess is not a test: it is the body of the worker processes.
func TestHelperProcess(t *testing.T) {
	if proctest.Role() != "worker" {
		t.Skip("run by the multi-process tests")
	}
	nc, err := natstest.Dial(proctest.Setting("URL"))
	if err != nil {
		proctest.Fail("connect: %v", err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		proctest.Fail("jetstream: %v", err)
	}
	lease, _ := time.ParseDuration(proctest.Setting("LEASE"))
	thread.SetPanicHook(func(*thread.PanicError) {})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		// Serve is up once the consumer exists; say so a little after
		// it starts fetching.
		for {
			if c, err := js.Consumer(ctx, "FEARLESS_POOL", "workers"); err == nil && c != nil {
				proctest.Say("serving")
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	err = distpool.Serve(ctx, js, distpool.Name(proctest.Setting("NAME")), distpool.Lease(lease))
	proctest.Fail("Serve: %v", err)
	os.Exit(1)
}

// TestServerRestart: calls submitted and run across a server restart all
// come back, each with its own result.
func TestServerRestart(t *testing.T) {
	leak.Check(t)
	s := natstest.Start(t)
	js := s.JetStream()
	serve(t, js, distpool.Workers(2))
	const n = 60
	hs := make([]*distpool.Handle[int], n)
	for i := range hs {
		if i == n/2 {
			if v, err := hs[0].Join(); err != nil || v != 0 {
				t.Fatalf("square(0) = %v, %v", v, err)
			}
			s.Restart()
		}
		h, err := distpool.Submit[int, int](t.Context(), js, "square", i)
		if err != nil {
			t.Fatal(err)
		}
		hs[i] = h
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	for i, h := range hs {
		if v, err := h.JoinContext(ctx); err != nil || v != i*i {
			t.Fatalf("square(%d) = %v, %v", i, v, err)
		}
	}
}
