// Command distchat is the seeds' chat exercise across processes: each user
// is a process of its own with a natsch sender, and the central receiver
// prints every message with its sender's name, against an embedded NATS
// server, in one command:
//
//	go run ./dist/cmd/distchat
//
// As in examples/chatsystem, the chat ends when the last user has left:
// here a user's process is killed with SIGKILL halfway, and the chat
// still ends, once that user's lease ran out, with every message it had
// sent.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"

	"github.com/fearlessgo/fearless/dist/natsch"
	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/fearlessgo/fearless/examples/chatsystem"
	"github.com/nats-io/nats.go/jetstream"
)

const (
	userEnv = "DISTCHAT_USER" // set in a user's process: its index
	urlEnv  = "DISTCHAT_URL"
	lease   = 2 * time.Second
	channel = "chat"
)

func main() {
	if u := os.Getenv(userEnv); u != "" {
		user(u, os.Getenv(urlEnv))
		return
	}
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "distchat:", err)
		os.Exit(1)
	}
}

// run is the central receiver: it starts the server and one process per
// user, and prints the chat to w.
func run(w io.Writer) error {
	dir, err := os.MkdirTemp("", "distchat")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	srv := natstest.New(dir)
	defer srv.Stop()
	tx, rx, err := natsch.Channel[chatsystem.Message](srv.JetStream(), channel, natsch.Lease(lease))
	if err != nil {
		return err
	}
	defer rx.Close()
	self, err := os.Executable()
	if err != nil {
		return err
	}
	users := append(slices.Clone(chatsystem.Users), struct {
		Name  string
		Lines []string
	}{"Dave", []string{"brb", "(Dave's process is killed here)"}})
	var procs []*exec.Cmd
	var starts []io.WriteCloser
	defer func() {
		for _, p := range procs {
			p.Process.Kill()
			p.Wait()
		}
	}()
	for i := range users {
		cmd := exec.Command(self)
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d", userEnv, i), urlEnv+"="+srv.URL())
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			return err
		}
		in, err := cmd.StdinPipe()
		if err != nil {
			return err
		}
		if err := cmd.Start(); err != nil {
			return err
		}
		procs = append(procs, cmd)
		starts = append(starts, in)
		lines := bufio.NewScanner(out)
		if !lines.Scan() || lines.Text() != "joined" {
			return fmt.Errorf("user %s did not join", users[i].Name)
		}
		fmt.Fprintf(w, "* %s joined (process %d)\n", users[i].Name, cmd.Process.Pid)
	}
	tx.Close() // the central receiver posts nothing: the users hold the channel open
	for _, in := range starts {
		in.Close() // go: every user talks at once
	}

	count := 0
	start := time.Now()
	for m := range rx.Iter() {
		fmt.Fprintf(w, "[%s] %s\n", m.From, m.Text)
		count++
		if strings.HasPrefix(m.Text, "(Dave") {
			procs[len(procs)-1].Process.Kill()
			fmt.Fprintf(w, "* Dave's process killed with SIGKILL: his sender counts as closed after its lease (%v)\n", lease)
		}
	}
	fmt.Fprintf(w, "chat closed after %v: %d messages, every user left\n", time.Since(start).Round(100*time.Millisecond), count)
	return nil
}

// user is one user's process: it joins the chat, says its lines, and
// leaves; Dave never leaves, he is killed.
func user(index, url string) {
	var i int
	fmt.Sscan(index, &i)
	nc, err := natstest.Dial(url)
	if err != nil {
		panic(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		panic(err)
	}
	tx, err := natsch.OpenSender[chatsystem.Message](context.Background(), js, channel)
	if err != nil {
		panic(err)
	}
	os.Stdout.WriteString("joined\n")
	io.Copy(io.Discard, os.Stdin) // until the chat starts
	if i == len(chatsystem.Users) {
		tx.Send(chatsystem.Message{From: "Dave", Text: "brb"})
		tx.Send(chatsystem.Message{From: "Dave", Text: "(Dave's process is killed here)"})
		select {} // until killed
	}
	u := chatsystem.Users[i]
	for _, line := range u.Lines {
		tx.Send(chatsystem.Message{From: u.Name, Text: line})
	}
	tx.Close() // leaving the chat
	nc.Close()
}
