package scratch

import "testing"

// TestQuotedCount has a format go vet complains of (%q of an int), on a
// line that never runs: fearless test explores it all the same, as vet's
// checks are go test's.
func TestQuotedCount(t *testing.T) {
	n := 0
	done := make(chan bool)
	go func() { n++; done <- true }()
	<-done
	if n != 1 {
		t.Fatalf("count %q", n)
	}
}
