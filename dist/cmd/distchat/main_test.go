package main

import (
	"os"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/examples/chatsystem"
	"github.com/fearlessgo/fearless/internal/leak"
)

// TestMain lets the test binary play a user's process, as the command
// does.
func TestMain(m *testing.M) {
	if u := os.Getenv(userEnv); u != "" {
		user(u, os.Getenv(urlEnv))
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestChat(t *testing.T) {
	leak.Check(t)
	var out strings.Builder
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "chat closed after ") || !strings.HasSuffix(last, ": 11 messages, every user left") {
		t.Fatalf("last line %q\n%s", last, out.String())
	}
	// Every user's lines arrive, each once, in order.
	got := map[string][]string{}
	for _, line := range lines {
		if name, text, ok := strings.Cut(strings.TrimPrefix(line, "["), "] "); ok && strings.HasPrefix(line, "[") {
			got[name] = append(got[name], text)
		}
	}
	for _, u := range chatsystem.Users {
		if strings.Join(got[u.Name], "|") != strings.Join(u.Lines, "|") {
			t.Fatalf("%s said %q, want %q", u.Name, got[u.Name], u.Lines)
		}
	}
	if len(got["Dave"]) != 2 {
		t.Fatalf("Dave said %q", got["Dave"])
	}
}
