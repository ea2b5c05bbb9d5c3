package main

import "testing"

// TestProgram runs the program as a test, so that fearless test's
// explorer runs it too.
func TestProgram(t *testing.T) { main() }
