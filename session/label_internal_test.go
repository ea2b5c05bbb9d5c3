package session

import (
	"regexp"
	"testing"
)

// The session is the object of its switch points and names itself to the
// explorer by where New made it.
func TestSessionSchedLabel(t *testing.T) {
	c, s := New[Send[int, End, End]]()
	defer c.Abort()
	defer s.Abort()
	if got := c.ep.c.SchedLabel(); !regexp.MustCompile(`^session made at label_internal_test\.go:\d+$`).MatchString(got) {
		t.Errorf("SchedLabel() = %q", got)
	}
}
