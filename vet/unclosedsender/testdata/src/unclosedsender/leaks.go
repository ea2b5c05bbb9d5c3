package unclosedsender

import (
	"errors"

	"github.com/fearlessgo/fearless/mpsc"
)

var errSetup = errors.New("setup")

func setup() error { return nil }

func producer(tx *mpsc.Sender[int]) { // want producer:"closes"
	defer tx.Close()
	tx.Send(1)
}

func produce(tx *mpsc.Sender[int], n int) {
	for i := 0; i < n; i++ {
		tx.Send(i)
	}
}

func earlyReturn() (*mpsc.Receiver[int], error) {
	tx, rx := mpsc.Channel[int]() // want `sender tx made by mpsc.Channel\[int\]\(\) is neither closed nor handed on on the path that returns at line 27, so its receiver never sees the channel disconnect; add defer tx.Close\(\) after it`
	if err := setup(); err != nil {
		return nil, err
	}
	go producer(tx)
	return rx, nil
}

func closedOnOneBranch(ok bool) {
	tx, rx := mpsc.SyncChannel[int](4) // want `sender tx made by mpsc.SyncChannel\[int\]\(4\) is neither closed nor handed on`
	tx.Send(1)
	if ok {
		tx.Close()
	}
	rx.Close()
}

func borrowedByHelper(n int) *mpsc.Receiver[int] {
	tx, rx := mpsc.Channel[int]() // want `sender tx made by mpsc.Channel\[int\]\(\) is neither closed nor handed on`
	produce(tx, n)
	return rx
}

func goroutineOfHelper(n int) *mpsc.Receiver[int] {
	tx, rx := mpsc.Channel[int]() // want `sender tx made by mpsc.Channel\[int\]\(\) is neither closed nor handed on`
	go produce(tx, n)
	return rx
}

func cloneDropped(tx *mpsc.Sender[int]) {
	tx.Clone() // want `the sender made by tx.Clone\(\) is dropped without Close, so its receiver never sees the channel disconnect; keep it and close it when the sending is done`
}

func senderDropped() *mpsc.Receiver[int] {
	_, rx := mpsc.Channel[int]() // want `the sender made by mpsc.Channel\[int\]\(\) is dropped without Close`
	return rx
}

func cloneInLoop(tx *mpsc.Sender[int]) {
	for i := 0; i < 3; i++ {
		c := tx.Clone() // want `sender c made by tx.Clone\(\) is neither closed nor handed on`
		go func() {
			c.Send(i)
		}()
	}
}

func syncCloneEarly(tx *mpsc.SyncSender[int], skip bool) {
	c := tx.Clone() // want `sender c made by tx.Clone\(\) is neither closed nor handed on on the path that returns at line 75`
	if skip {
		return
	}
	c.Send(1)
	c.Close()
}

func errorAfterMake() error {
	tx, rx := mpsc.Channel[string]() // want `sender tx made by mpsc.Channel\[string\]\(\) is neither closed nor handed on on the path that returns at line 85`
	defer rx.Close()
	if err := setup(); err != nil {
		return errSetup
	}
	tx.Send("ready")
	tx.Close()
	return nil
}
