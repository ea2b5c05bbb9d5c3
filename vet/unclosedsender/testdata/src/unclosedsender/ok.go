package unclosedsender

import (
	"time"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// The seeds' fix: drop(tx) before the loop.
func okDropBeforeLoop() int {
	tx, rx := mpsc.Channel[string]()
	for i := 0; i < 3; i++ {
		c := tx.Clone()
		thread.Go(func() {
			defer c.Close()
			c.Send("hi")
		})
	}
	tx.Close()
	n := 0
	for range rx.Iter() {
		n++
	}
	return n
}

func okDefer() {
	tx, rx := mpsc.SyncChannel[int](1)
	defer tx.Close()
	defer rx.Close()
	tx.Send(1)
}

func okBorrowed(tx *mpsc.Sender[int]) {
	tx.Send(1)
}

func okGoroutineCloses() *mpsc.Receiver[int] {
	tx, rx := mpsc.Channel[int]()
	go func() {
		defer tx.Close()
		tx.Send(1)
	}()
	return rx
}

func okNamedGoroutineCloses() *mpsc.Receiver[int] {
	tx, rx := mpsc.Channel[int]()
	go producer(tx)
	return rx
}

func okReturned() (*mpsc.Sender[int], *mpsc.Receiver[int]) {
	tx, rx := mpsc.Channel[int]()
	return tx, rx
}

type worker struct {
	tx *mpsc.Sender[int]
}

func okStored() *worker {
	tx, _rx := mpsc.Channel[int]()
	_rx.Close()
	return &worker{tx: tx}
}

func (w *worker) okField() {
	tx, rx := mpsc.Channel[int]()
	w.tx = tx
	rx.Close()
}

func okSentAway(txs chan *mpsc.Sender[int]) *mpsc.Receiver[int] {
	tx, rx := mpsc.Channel[int]()
	txs <- tx
	return rx
}

func okRecvLoopAfterClose() {
	tx, rx := mpsc.Channel[int]()
	c := tx.Clone()
	go producer(c)
	tx.Close()
	for {
		if _, err := rx.Recv(); err != nil {
			return
		}
	}
}

func okBoundedRecv() {
	tx, rx := mpsc.Channel[int]()
	go produce(tx.Clone(), 3)
	for i := 0; i < 3; i++ {
		rx.Recv()
	}
	tx.Close()
}

func okTryIter() {
	tx, rx := mpsc.Channel[int]()
	tx.Send(1)
	for v := range rx.TryIter() {
		_ = v
	}
	tx.Close()
}

func okTimeoutLoop() {
	tx, rx := mpsc.Channel[int]()
	for {
		if _, err := rx.RecvTimeout(time.Millisecond); err != nil {
			break
		}
	}
	tx.Close()
}

func okFuncValue(start func(*mpsc.Sender[int])) *mpsc.Receiver[int] {
	tx, rx := mpsc.Channel[int]()
	start(tx)
	return rx
}

func okBothBranches(ok bool) {
	tx, _ := mpsc.Channel[int]()
	if ok {
		tx.Send(1)
		tx.Close()
	} else {
		tx.Close()
	}
}

func shutdown(tx *mpsc.Sender[int]) { tx.Close() } // want shutdown:"closes"

func okCloseHelper() {
	tx, rx := mpsc.Channel[int]()
	defer rx.Close()
	tx.Send(1)
	shutdown(tx)
}

func okParamLoop(tx *mpsc.Sender[int], rx *mpsc.Receiver[int]) {
	for range rx.Iter() {
		tx.Send(0)
	}
}
