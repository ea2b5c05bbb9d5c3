package main

import (
	"strings"
	"testing"
)

// tour --help and -h print the tour's usage on stdout and succeed; an
// unknown flag is named, with the usage, and exits 2.
func TestTourHelpAndUnknownFlag(t *testing.T) {
	for _, arg := range []string{"--help", "-help", "-h"} {
		var out, errs strings.Builder
		if code := run([]string{"tour", arg}, &out, &errs); code != 0 {
			t.Errorf("tour %s exited %d; stderr:\n%s", arg, code, errs.String())
		}
		if !strings.HasPrefix(out.String(), "usage: fearless tour") || errs.Len() != 0 {
			t.Errorf("tour %s printed stdout %q, stderr %q", arg, out.String(), errs.String())
		}
	}
	var out, errs strings.Builder
	if code := run([]string{"tour", "--fast"}, &out, &errs); code != 2 {
		t.Errorf("tour --fast exited %d, want 2", code)
	}
	if !strings.HasPrefix(errs.String(), "fearless tour: unknown flag --fast\n") || !strings.Contains(errs.String(), "usage: fearless tour") {
		t.Errorf("tour --fast: stderr %q", errs.String())
	}
}
