package sendmove

import (
	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/session"
)

type msg struct {
	n     int
	total int
	data  []int
	inner struct{ x int }
	done  bool
}

func reuseInLoop(ch chan *msg) {
	m := &msg{}
	for i := 0; i < 3; i++ {
		m.n = i // want `m was sent at line 20 and is written here, while the receiver may be using it; send a copy, or do not touch m after the send \(Rust moves it\)`
		ch <- m
	}
}

func slice(ch chan []int) {
	buf := make([]int, 4)
	ch <- buf
	buf[0] = 1 // want `buf was sent at line 26 and is written here`
}

func mapAfterSend(ch chan map[string]int) {
	counts := map[string]int{}
	ch <- counts
	counts["a"]++ // want `counts was sent at line 32 and is written here`
}

func address(ch chan *msg) {
	var m msg
	ch <- &m
	m.n = 1 // want `&m was sent at line 38 and is written here`
}

func addressWhole(ch chan *msg) {
	var m msg
	ch <- &m
	m = msg{} // want `&m was sent at line 44 and is written here`
}

func mpscSend(tx *mpsc.Sender[*msg]) {
	m := &msg{}
	tx.Send(m)
	m.n++ // want `m was sent at line 50 and is written here`
}

func subSlice(tx *mpsc.SyncSender[[]int], n int) {
	buf := make([]int, 8)
	tx.Send(buf[:n])
	buf[0] = 0 // want `buf was sent at line 56 and is written here`
}

type envelope struct{ body []byte }

func composite(ch chan envelope) {
	body := []byte("hi")
	ch <- envelope{body: body}
	body[0] = 'H' // want `body was sent at line 64 and is written here`
}

func afterSuccess(tx *mpsc.Sender[*msg]) error {
	m := &msg{}
	if err := tx.Send(m); err != nil {
		return err
	}
	m.done = true // want `m was sent at line 70 and is written here`
	return nil
}

func trySendOK(tx *mpsc.SyncSender[*msg]) {
	m := &msg{}
	if tx.TrySend(m) == nil {
		m.n = 1 // want `m was sent at line 79 and is written here`
	}
}

func selectChosen(ch chan *msg) {
	m := &msg{}
	select {
	case ch <- m:
		m.n = 2 // want `m was sent at line 87 and is written here`
	}
}

func deleteAfter(ch chan map[string]int) {
	seen := map[string]int{"a": 1}
	ch <- seen
	delete(seen, "a") // want `seen was sent at line 94 and is written here`
}

func opAssign(ch chan *msg) {
	m := &msg{}
	ch <- m
	m.total += 3 // want `m was sent at line 100 and is written here`
}

func star(ch chan *msg) {
	m := &msg{}
	ch <- m
	*m = msg{} // want `m was sent at line 106 and is written here`
}

type proto = session.Send[*msg, session.End, session.End]

func sessionPut(c session.Chan[session.Top, proto]) {
	m := &msg{}
	end := session.Put(c, m)
	m.n = 7 // want `m was sent at line 114 and is written here`
	session.Close(end)
}

func rangeSend(ch chan *msg, items []*msg) {
	for _, it := range items {
		ch <- it
		it.done = true // want `it was sent at line 121 and is written here`
	}
}

func nested(ch chan *msg) {
	m := &msg{}
	ch <- m
	m.inner.x = 1 // want `m was sent at line 128 and is written here`
}

func clearAfter(ch chan []int) {
	xs := []int{1, 2}
	ch <- xs
	clear(xs) // want `xs was sent at line 134 and is written here`
}
