package sendmove

import (
	"errors"
	"sync"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

func okWriteBefore(ch chan *msg) {
	m := &msg{}
	m.n = 1
	ch <- m
}

func okFailedSend(tx *mpsc.Sender[*msg]) {
	m := &msg{}
	if err := tx.Send(m); err != nil {
		m.n = 0 // not sent: still ours
	}
}

func okTrySendFull(tx *mpsc.SyncSender[*msg]) {
	m := &msg{}
	err := tx.TrySend(m)
	if errors.Is(err, mpsc.ErrFull) {
		m.n = 0
	}
}

func okSelectDefault(ch chan *msg) {
	m := &msg{}
	select {
	case ch <- m:
	default:
		m.n = 1
	}
}

func okRebind(ch chan *msg) {
	m := &msg{}
	ch <- m
	m = &msg{}
	m.n = 1
}

func okFreshEachTurn(ch chan *msg) {
	for i := 0; i < 3; i++ {
		m := &msg{}
		m.n = i
		ch <- m
	}
}

func okCopy(ch chan msg, m *msg) {
	ch <- *m
	m.n = 1
}

func okInt(ch chan int) {
	n := 1
	ch <- n
	n++
}

func okAck(ch chan *msg, ack chan struct{}) {
	m := &msg{}
	ch <- m
	<-ack
	m.n = 1
}

func okWaitGroup(ch chan *msg, wg *sync.WaitGroup) {
	m := &msg{}
	ch <- m
	wg.Wait()
	m.n = 1
}

func okRead(ch chan *msg) int {
	m := &msg{}
	ch <- m
	return m.n
}

func okRangeWriteFirst(ch chan *msg, items []*msg) {
	for _, it := range items {
		it.n = 1
		ch <- it
	}
}

func okCopiedSlice(ch chan []int, buf []int) {
	cp := append([]int(nil), buf...)
	ch <- cp
	buf[0] = 1
}

func okSendFailsInCondition(tx *mpsc.Sender[*msg]) {
	m := &msg{}
	if tx.Send(m) != nil {
		m.n = 0
	}
}

func okJoin(ch chan *msg) {
	m := &msg{}
	h := thread.Go(func() { (<-ch).n++ })
	ch <- m
	h.Join()
	m.n = 1
}

func okOther(ch chan *msg) {
	a, b := &msg{}, &msg{}
	ch <- a
	b.n = 1
}

func okString(ch chan string) {
	s := "a"
	ch <- s
	s += "b"
	_ = s
}
