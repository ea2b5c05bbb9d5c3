package main

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/fearlessgo/fearless/examples"
	"github.com/fearlessgo/fearless/examples/plaindeadlock"
)

// The tour's fearless test chapter runs this command's own test.
func init() { plaindeadlock.FearlessTest = test }

const tourUsage = `usage: fearless tour [--list | NAME...]

Runs the programs of the Rust tutorials, ported to Go, chapter by chapter,
each with the concept it shows.

  fearless tour            run every example
  fearless tour --list     list the examples with the concept each one shows
  fearless tour NAME...    run only the named examples
  fearless tour --help     show this help
`

func tour(args []string, stdout, stderr io.Writer) int {
	all := examples.All()
	if len(args) == 1 {
		switch args[0] {
		case "--list", "-list":
			list(stdout, all)
			return 0
		case "--help", "-help", "-h", "help":
			fmt.Fprint(stdout, tourUsage)
			return 0
		}
	}
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			fmt.Fprintf(stderr, "fearless tour: unknown flag %s\n\n%s", a, tourUsage)
			return 2
		}
	}
	chosen := all
	if len(args) > 0 {
		chosen = nil
		for _, name := range args {
			e, ok := examples.Lookup(name)
			if !ok {
				fmt.Fprintf(stderr, "fearless tour: no example named %q (fearless tour --list shows them)\n", name)
				return 2
			}
			chosen = append(chosen, e)
		}
	}
	w := &lockedWriter{w: stdout}
	chapter := ""
	for _, e := range chosen {
		if e.Chapter != chapter {
			chapter = e.Chapter
			fmt.Fprintf(w, "\n=== %s ===\n", strings.ToUpper(chapter))
		}
		fmt.Fprintf(w, "\n--- %s: %s\n", e.Name, e.Concept)
		vetNotes(w, e.Name)
		e.Run(w)
	}
	return 0
}

func list(w io.Writer, all []examples.Example) {
	chapter := ""
	for _, e := range all {
		if e.Chapter != chapter {
			chapter = e.Chapter
			fmt.Fprintf(w, "%s:\n", chapter)
		}
		fmt.Fprintf(w, "  %-24s %s\n", e.Name, e.Concept)
	}
}

// lockedWriter lets the examples' threads share the output safely.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
