package main

import (
	"math/rand/v2"
	"testing"
)

// TestProgram runs the program as a test, so that fearless test's
// explorer runs it too.
func TestProgram(t *testing.T) { main() }

// TestDraw imports math/rand/v2 under its own name, rand.
func TestDraw(t *testing.T) {
	if n := rand.IntN(3); n < 0 || n >= 3 {
		t.Fatalf("IntN(3) = %d", n)
	}
}
