package pool

import (
	"errors"
	"sync/atomic"
	"testing"

	"github.com/fearlessgo/fearless/thread"
)

// FuzzOperations drives a pool with a random sequence of Go, Submit (some
// panicking) and Close, and checks it against a model: before Close every
// call is accepted (or, failing fast, refused with ErrFull); after it every
// call is refused with ErrClosed; every accepted task runs exactly once, by
// the time Close returns, and every handle gives its task's result or panic.
func FuzzOperations(f *testing.F) {
	f.Add(uint8(1), uint8(0), []byte{0, 1, 0, 1, 2, 0, 1})
	f.Add(uint8(3), uint8(5), []byte{0, 0, 0, 0, 3, 4, 1, 1, 2, 2, 0})
	f.Add(uint8(2), uint8(2), []byte{4, 4, 3, 3, 0, 1, 0, 1, 0, 1})
	f.Add(uint8(0), uint8(9), []byte{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2})
	f.Fuzz(func(t *testing.T, workers, queue uint8, ops []byte) {
		var opts []Option
		failFast := false
		switch queue % 4 {
		case 1:
			opts = append(opts, QueueSize(int(queue/4)%5))
		case 2:
			opts = append(opts, QueueSize(int(queue/4)%5), FailWhenFull())
			failFast = true
		}
		var reported atomic.Int64
		opts = append(opts, OnPanic(func(*thread.PanicError) { reported.Add(1) }))
		p := NewWithOptions(int(workers%4)+1, opts...)

		var ran atomic.Int64
		var wantRan, wantReported int64
		type pending struct {
			h     *thread.JoinHandle[int]
			want  int
			panic bool
		}
		var handles []pending
		closed := false
		check := func(err error) bool {
			switch {
			case closed:
				if !errors.Is(err, ErrClosed) {
					t.Fatalf("after Close: %v, want ErrClosed", err)
				}
				return false
			case failFast && errors.Is(err, ErrFull):
				return false
			case err != nil:
				t.Fatalf("before Close: %v", err)
			}
			return true
		}
		for i, op := range ops {
			switch op % 5 {
			case 0:
				if check(p.Go(func() { ran.Add(1) })) {
					wantRan++
				}
			case 1:
				h, err := Submit(p, func() int { ran.Add(1); return i })
				if check(err) {
					wantRan++
					handles = append(handles, pending{h, i, false})
				}
			case 2:
				p.Close()
				closed = true
			case 3:
				if check(p.Go(func() { ran.Add(1); panic(i) })) {
					wantRan++
					wantReported++
				}
			case 4:
				h, err := Submit(p, func() int { ran.Add(1); panic(i) })
				if check(err) {
					wantRan++
					handles = append(handles, pending{h, i, true})
				}
			}
		}
		p.Close()
		if got := ran.Load(); got != wantRan {
			t.Fatalf("%d tasks ran, %d were accepted", got, wantRan)
		}
		if got := reported.Load(); got != wantReported {
			t.Fatalf("OnPanic saw %d panics, want %d", got, wantReported)
		}
		for _, pd := range handles {
			v, err := pd.h.Join()
			var pe *thread.PanicError
			switch {
			case pd.panic && (!errors.As(err, &pe) || pe.Value != pd.want):
				t.Fatalf("panicking task %d: Join = %v, %v", pd.want, v, err)
			case !pd.panic && (err != nil || v != pd.want):
				t.Fatalf("task %d: Join = %v, %v", pd.want, v, err)
			}
		}
	})
}
