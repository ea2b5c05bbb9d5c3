//go:build !unix

package mpsc_test

import "testing"

// reportCPU reports nothing where getrusage is not there.
func reportCPU(*testing.B) {}
