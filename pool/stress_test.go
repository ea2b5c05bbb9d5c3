package pool

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/thread"
)

// TestStressCloseWhileSubmitting has producers queue tasks through Go and
// Submit while another goroutine closes the pool midway, and counts every
// task: each accepted one runs exactly once before Close returns, each
// refused one is refused with ErrClosed (or ErrFull, when failing fast), and
// nothing runs after Close returned.
func TestStressCloseWhileSubmitting(t *testing.T) {
	configs := []struct {
		name string
		opts []Option
	}{
		{"unbounded", nil},
		{"rendezvous", []Option{QueueSize(0)}},
		{"bounded", []Option{QueueSize(4)}},
		{"failfast", []Option{QueueSize(4), FailWhenFull()}},
	}
	const producers, perProducer = 4, 3000
	for _, c := range configs {
		for _, workers := range []int{1, 3} {
			t.Run(fmt.Sprintf("%s/workers=%d", c.name, workers), func(t *testing.T) {
				leak.Check(t)
				p := NewWithOptions(workers, c.opts...)
				var accepted, ran, full atomic.Int64
				var over atomic.Bool
				closeAt := int64(producers * perProducer / 2)
				var sent atomic.Int64
				closed := make(chan struct{})
				var wg sync.WaitGroup
				for w := range producers {
					wg.Go(func() {
						for i := range perProducer {
							task := func() {
								if over.Load() {
									t.Error("a task ran after Close returned")
								}
								ran.Add(1)
							}
							var err error
							if i%2 == 0 {
								err = p.Go(task)
							} else {
								var h *thread.JoinHandle[int]
								h, err = Submit(p, func() int { task(); return w*perProducer + i })
								if err == nil {
									defer func() {
										if v, jerr := h.Join(); jerr != nil || v != w*perProducer+i {
											t.Errorf("Join = %d, %v", v, jerr)
										}
									}()
								}
							}
							switch {
							case err == nil:
								accepted.Add(1)
							case errors.Is(err, ErrFull) && c.name == "failfast":
								full.Add(1)
							case !errors.Is(err, ErrClosed):
								t.Errorf("unexpected error %v", err)
							}
							if sent.Add(1) == closeAt {
								go func() { p.Close(); over.Store(true); close(closed) }()
							}
						}
					})
				}
				wg.Wait()
				<-closed
				if a, r := accepted.Load(), ran.Load(); a != r {
					t.Fatalf("%d tasks accepted, %d ran", a, r)
				}
				t.Logf("accepted %d, full %d, refused %d", accepted.Load(), full.Load(),
					producers*perProducer-accepted.Load()-full.Load())
			})
		}
	}
}

// TestStressCancelWhileSubmitting is the same with the context ending
// midway: every accepted Submit task either ran or was dropped, and no task
// runs after Close returned.
func TestStressCancelWhileSubmitting(t *testing.T) {
	for _, opts := range [][]Option{nil, {QueueSize(2)}} {
		leak.Check(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		p := NewWithOptions(2, append(opts, Context(ctx))...)
		var ranSubmit, dropped, acceptedSubmit atomic.Int64
		var over atomic.Bool
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Go(func() {
				for i := range 2000 {
					if w == 0 && i == 1000 {
						cancel()
					}
					if i%2 == 0 {
						p.Go(func() {
							if over.Load() {
								t.Error("a task ran after Close returned")
							}
						})
						continue
					}
					h, err := Submit(p, func() int { ranSubmit.Add(1); return i })
					if err != nil {
						if !errors.Is(err, ErrClosed) || !errors.Is(err, context.Canceled) {
							t.Errorf("Submit = %v", err)
						}
						continue
					}
					acceptedSubmit.Add(1)
					if v, err := h.Join(); err == nil && v != i {
						t.Errorf("Join = %d", v)
					} else if err != nil {
						var pe *thread.PanicError
						if !errors.Is(err, ErrDropped) || errors.As(err, &pe) {
							t.Errorf("Join = %v, want ErrDropped and no PanicError", err)
						}
						dropped.Add(1)
					}
				}
			})
		}
		wg.Wait()
		p.Close()
		over.Store(true)
		if a, r, d := acceptedSubmit.Load(), ranSubmit.Load(), dropped.Load(); a != r+d {
			t.Fatalf("accepted %d Submit tasks: %d ran, %d dropped", a, r, d)
		}
	}
}
