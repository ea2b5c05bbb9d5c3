// Command fearless runs the tour of the seed programs ported to Go, the
// schedule explorer on a package's own tests, and the static checks.
//
// Usage:
//
//	fearless tour            run every example, chapter by chapter
//	fearless tour --list     list the examples
//	fearless tour NAME...    run the named examples
//	fearless test [flags] [packages]
//	                         explore every schedule of the packages' tests
//	fearless vet [-json] [packages]
//	                         report what Rust's compiler would have refused
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
  fearless test [flags] [packages]
                           run the packages' tests under the schedule explorer:
                           deadlocks, leaks, panics and failures, each with a
                           schedule that replays it (fearless test -h: flags)
  fearless vet [-json] [packages]
                           the static checks: lost unlocks, guards that escape,
                           unclosed senders, lock order, use after send,
                           session linearity
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
	case "test":
		return test(args[1:], stdout, stderr)
	case "vet":
		return vet(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "fearless: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}
