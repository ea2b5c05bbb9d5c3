// Package chatsystem solves the seeds' second exercise: several users, each
// a thread with its own clone of the sender, post messages to one central
// receiver, which prints each with its sender's name. The chat ends when the
// last user has closed its sender, as Rust's loop over rx ends when the last
// Sender is dropped.
package chatsystem

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/thread"
)

// A Message is what a user posts.
type Message struct {
	From, Text string
}

// Users and what each says, in order.
var Users = []struct {
	Name  string
	Lines []string
}{
	{"Alice", []string{"hi all!", "anyone up for lunch?", "see you at noon"}},
	{"Bob", []string{"hello Alice", "lunch sounds good"}},
	{"Carol", []string{"hey", "count me in", "noon works", "bye"}},
}

// Run starts one thread per user and prints every message as it arrives.
// Messages from one user keep their order; users interleave.
func Run(w io.Writer) {
	tx, rx := mpsc.Channel[Message]()
	for _, u := range Users {
		tx := tx.Clone() // each user owns a sender
		thread.Go(func() {
			defer tx.Close() // leaving the chat
			for _, line := range u.Lines {
				tx.Send(Message{From: u.Name, Text: line})
			}
		})
	}
	tx.Close() // main posts nothing: without this the loop below never ends

	count := 0
	for m := range rx.Iter() { // until every user has left
		fmt.Fprintf(w, "[%s] %s\n", m.From, m.Text)
		count++
	}
	fmt.Fprintf(w, "chat closed: %d messages, every user left\n", count)
}
