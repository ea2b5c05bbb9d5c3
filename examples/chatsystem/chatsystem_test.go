package chatsystem

import (
	"slices"
	"strings"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	lines := out.Lines()
	if last := lines[len(lines)-1]; last != "chat closed: 9 messages, every user left" {
		t.Fatalf("last line %q", last)
	}
	// Each user's messages arrive complete and in the order sent.
	got := map[string][]string{}
	for _, line := range lines[:len(lines)-1] {
		name, text, ok := strings.Cut(strings.TrimPrefix(line, "["), "] ")
		if !ok || !strings.HasPrefix(line, "[") {
			t.Fatalf("malformed line %q", line)
		}
		got[name] = append(got[name], text)
	}
	for _, u := range Users {
		if !slices.Equal(got[u.Name], u.Lines) {
			t.Errorf("%s's messages arrived as %q, want %q", u.Name, got[u.Name], u.Lines)
		}
	}
	if len(got) != len(Users) {
		t.Errorf("messages from %d senders, want %d", len(got), len(Users))
	}
}
