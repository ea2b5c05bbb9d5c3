// Command fearless runs the tour of the seed programs ported to Go.
//
// Usage:
//
//	fearless tour            run every example, chapter by chapter
//	fearless tour --list     list the examples
//	fearless tour NAME...    run the named examples
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `fearless: Rust's fearless concurrency, in Go.

Usage:
  fearless tour            run every example of the tour, chapter by chapter
  fearless tour --list     list the examples with the concept each one shows
  fearless tour NAME...    run only the named examples
  fearless help            show this help
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case "tour":
		return tour(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "fearless: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}
