package mpsc_test

import (
	"errors"
	"flag"
	"fmt"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

// model is the reference a channel is checked against: a plain queue, the
// open state of each sender handle, and the receiver's.
type model struct {
	bound    int // -1: unbounded; 0: rendezvous
	queue    []int
	open     []bool
	nOpen    int
	rxClosed bool
}

// recvOutcome is what a receive should give: a value, or the error when
// nothing can come. wouldBlock: a blocking receive would wait forever.
func (m *model) recvOutcome(emptyErr error) (v int, err error, wouldBlock bool) {
	switch {
	case m.rxClosed:
		return 0, mpsc.ErrClosed, false
	case len(m.queue) > 0:
		v, m.queue = m.queue[0], m.queue[1:]
		return v, nil, false
	case m.nOpen == 0:
		return 0, mpsc.ErrDisconnected, false
	}
	return 0, emptyErr, true
}

// sendOutcome is what a send should give; accepted means the value is now
// buffered (a rendezvous send needs a receiver first: see the test).
func (m *model) sendOutcome(h, v int) (err error, wouldBlock bool) {
	switch {
	case !m.open[h]:
		return mpsc.ErrClosed, false
	case m.rxClosed:
		return mpsc.ErrDisconnected, false
	case m.bound >= 0 && len(m.queue) >= m.bound:
		return mpsc.ErrFull, true
	}
	m.queue = append(m.queue, v)
	return nil, false
}

// FuzzChannel drives a random sequence of operations on one channel from
// one goroutine (and, for a rendezvous send, a helper that it waits for),
// and checks each outcome against the model.
func FuzzChannel(f *testing.F) {
	f.Add([]byte{0, 0, 1, 0, 2, 4, 1, 0, 3, 5, 0, 6, 0, 3, 0})
	f.Add([]byte{1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 7, 0, 8, 0, 3, 0})
	f.Add([]byte{2, 0, 5, 1, 1, 0, 1, 0, 1, 0, 5, 0, 3, 0, 3, 0, 3, 0, 3, 0})
	f.Add([]byte{3, 1, 0, 1, 1, 1, 2, 9, 0, 5, 0, 5, 1, 3, 0, 3, 0})
	f.Add([]byte{4, 0, 0, 0, 1, 2, 0, 3, 0, 5, 0, 0, 0, 6, 0, 3, 0})
	f.Add([]byte{4, 5, 0, 5, 1, 0, 0, 0, 1, 8, 0, 7, 0, 6, 0, 4, 0, 0, 1})
	f.Add([]byte{0, 10, 0, 0, 0, 0, 0, 10, 0, 11, 0, 6, 0, 0, 0, 3, 0})
	f.Fuzz(func(t *testing.T, program []byte) {
		if !fuzzing() {
			leak.Check(t)
		}
		if len(program) == 0 {
			return
		}
		bound := []int{-1, 1, 2, 3, 0}[int(program[0])%5]
		runProgram(t, bound, program[1:])
	})
}

// fuzzing reports whether go test -fuzz runs this process: the fuzzing
// engine starts goroutines of its own that leak.Check would count.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// handle is one sender handle of either kind.
type handle struct {
	send        func(int) error
	trySend     func(int) error
	sendTimeout func(int, time.Duration) error
	clone       func() handle
	close       func()
}

func unboundedHandle(s *mpsc.Sender[int]) handle {
	return handle{
		send:        s.Send,
		trySend:     s.Send,
		sendTimeout: func(v int, _ time.Duration) error { return s.Send(v) },
		clone:       func() handle { return unboundedHandle(s.Clone()) },
		close:       s.Close,
	}
}

func syncHandle(s *mpsc.SyncSender[int]) handle {
	return handle{
		send:        s.Send,
		trySend:     s.TrySend,
		sendTimeout: s.SendTimeout,
		clone:       func() handle { return syncHandle(s.Clone()) },
		close:       s.Close,
	}
}

func runProgram(t *testing.T, bound int, program []byte) {
	m := &model{bound: bound, open: []bool{true}, nOpen: 1}
	var rx *mpsc.Receiver[int]
	var handles []handle
	if bound < 0 {
		tx, r := mpsc.Channel[int]()
		rx, handles = r, []handle{unboundedHandle(tx)}
	} else {
		tx, r := mpsc.SyncChannel[int](bound)
		rx, handles = r, []handle{syncHandle(tx)}
	}
	defer func() {
		for _, h := range handles {
			h.close()
		}
		rx.Close()
	}()
	next := 0
	var trace []string
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("bound %d, after %v: %s", bound, trace, fmt.Sprintf(format, args...))
	}
	wantRecv := func(op string, got int, err error, want int, wantErr error) {
		t.Helper()
		if !errors.Is(err, wantErr) || (err != nil) != (wantErr != nil) {
			fail("%s: err = %v, want %v", op, err, wantErr)
		}
		if err == nil && got != want {
			fail("%s = %d, want %d", op, got, want)
		}
	}
	wantSend := func(op string, err, wantErr error, v int) {
		t.Helper()
		if !errors.Is(err, wantErr) || (err != nil) != (wantErr != nil) {
			fail("%s: err = %v, want %v", op, err, wantErr)
		}
		if err != nil {
			var se *mpsc.SendError[int]
			if !errors.As(err, &se) || se.Value != v {
				fail("%s: err = %#v does not give %d back", op, err, v)
			}
		}
	}
	for len(program) >= 2 {
		op, arg := program[0]%12, int(program[1])
		program = program[2:]
		h := arg % len(handles)
		trace = append(trace, fmt.Sprintf("%d/%d", op, h))
		switch op {
		case 0, 1, 2: // Send, TrySend, SendTimeout(0)
			next++
			v := next
			if bound == 0 {
				err, _ := m.sendOutcome(h, v)
				if err == mpsc.ErrFull && op == 0 {
					// A blocking rendezvous send completes once we receive.
					done := make(chan error, 1)
					go func() { done <- handles[h].send(v) }()
					got, rerr := rx.Recv()
					wantRecv("Recv from a blocked Send", got, rerr, v, nil)
					wantSend("rendezvous Send", <-done, nil, v)
					continue
				}
				if op == 2 {
					if err == mpsc.ErrFull {
						err = mpsc.ErrTimeout
					}
					wantSend("rendezvous SendTimeout(0)", handles[h].sendTimeout(v, 0), err, v)
					continue
				}
				wantSend("rendezvous TrySend", handles[h].trySend(v), err, v)
				continue
			}
			err, wouldBlock := m.sendOutcome(h, v)
			switch {
			case op == 2:
				if wouldBlock {
					err = mpsc.ErrTimeout
				}
				wantSend("SendTimeout(0)", handles[h].sendTimeout(v, 0), err, v)
			case op == 0 && !wouldBlock:
				wantSend("Send", handles[h].send(v), err, v)
			default:
				wantSend("TrySend", handles[h].trySend(v), err, v)
			}
		case 3, 4: // Recv, TryRecv
			want, werr, wouldBlock := m.recvOutcome(mpsc.ErrEmpty)
			if op == 3 && !wouldBlock {
				got, err := rx.Recv()
				wantRecv("Recv", got, err, want, werr)
			} else {
				got, err := rx.TryRecv()
				wantRecv("TryRecv", got, err, want, werr)
			}
		case 5: // RecvTimeout(0)
			want, werr, _ := m.recvOutcome(mpsc.ErrTimeout)
			got, err := rx.RecvTimeout(0)
			wantRecv("RecvTimeout(0)", got, err, want, werr)
		case 6: // Clone
			if len(handles) >= 16 {
				continue
			}
			handles = append(handles, handles[h].clone())
			m.open = append(m.open, m.open[h])
			if m.open[h] {
				m.nOpen++
			}
		case 7: // Close a sender
			handles[h].close()
			if m.open[h] {
				m.open[h] = false
				m.nOpen--
			}
		case 8: // Close the receiver
			rx.Close()
			m.rxClosed, m.queue = true, nil
		case 9: // Len
			want := len(m.queue)
			if m.rxClosed {
				want = 0
			}
			if got := rx.Len(); got != want {
				fail("Len = %d, want %d", got, want)
			}
		case 10: // TryIter
			var got []int
			for v := range rx.TryIter() {
				got = append(got, v)
			}
			want := m.queue
			if m.rxClosed {
				want = nil
			}
			m.queue = nil
			if fmt.Sprint(got) != fmt.Sprint(want) && !(len(got) == 0 && len(want) == 0) {
				fail("TryIter gave %v, want %v", got, want)
			}
		case 11: // TrySelect
			want, werr, wouldBlock := m.recvOutcome(nil)
			var got int
			var err error
			i := mpsc.TrySelect(mpsc.Case(rx, func(v int, e error) { got, err = v, e }))
			if wouldBlock {
				if i != -1 {
					fail("TrySelect = %d on an empty channel", i)
				}
				continue
			}
			if i != 0 {
				fail("TrySelect = %d, want 0", i)
			}
			wantRecv("TrySelect", got, err, want, werr)
		}
	}
}
