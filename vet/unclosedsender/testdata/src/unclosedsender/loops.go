package unclosedsender

import (
	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// The seeds' mistake: the clones are closed, the original is not.
func forgotDrop() int {
	tx, rx := mpsc.Channel[string]() // want `sender tx made by mpsc.Channel\[string\]\(\) is neither closed nor handed on on the path that returns at line 22`
	for i := 0; i < 3; i++ {
		c := tx.Clone()
		thread.Go(func() {
			defer c.Close()
			c.Send("hi")
		})
	}
	n := 0
	for range rx.Iter() { // want `this loop over rx ends only when every sender of its channel is closed, but tx, made at line 10, is still open here; close tx before the loop, as Rust's drop\(tx\)`
		n++
	}
	return n
}

// A deferred Close runs after the loop.
func deferTooLate() {
	tx, rx := mpsc.Channel[int]()
	defer tx.Close()
	c := tx.Clone()
	go func() {
		defer c.Close()
		c.Send(1)
	}()
	for v := range rx.Iter() { // want `this loop over rx ends only when every sender of its channel is closed, but tx, made at line 27, is still open here \(its deferred Close runs only after the loop\)`
		_ = v
	}
}

// The same with a Recv loop.
func recvLoop() {
	tx, rx := mpsc.SyncChannel[int](1)
	c := tx.Clone()
	go func() {
		defer c.Close()
		c.Send(1)
	}()
	for { // want `this loop over rx ends only when every sender of its channel is closed, but tx, made at line 41, is still open here`
		if _, err := rx.Recv(); err != nil {
			break
		}
	}
	tx.Close()
}

// A clone kept past the original's Close.
func cloneKept() {
	tx, rx := mpsc.Channel[int]()
	spare := tx.Clone()
	tx.Close()
	for range rx.Iter() { // want `but spare, made at line 58, is still open here`
	}
	spare.Close()
}

// The goroutine sends but never closes: the function still owns tx.
func goroutineBorrows() {
	tx, rx := mpsc.Channel[int]() // want `sender tx made by mpsc.Channel\[int\]\(\) is neither closed nor handed on`
	go func() {
		for i := 0; i < 3; i++ {
			tx.Send(i)
		}
	}()
	for range rx.Iter() { // want `this loop over rx ends only when every sender`
	}
}

// The original went to a goroutine that closes it; the clone kept here did
// not.
func cloneHeldWhileLooping() {
	tx, rx := mpsc.SyncChannel[int](0)
	mine := tx.Clone()
	go func() {
		defer tx.Close()
		tx.Send(1)
	}()
	mine.Send(2)
	for range rx.Iter() { // want `but mine, made at line 81, is still open here`
	}
	mine.Close()
}
