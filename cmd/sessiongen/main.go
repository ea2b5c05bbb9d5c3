// Command sessiongen writes the Go types of both sides of a session
// protocol from a description of one side.
//
// The protocol types of package session carry the dual of each
// continuation, which makes them long to write by hand. sessiongen takes
// the protocol as seen by one side, in the same notation without the dual
// parameters, and writes type aliases for that side and for its dual:
//
//	//go:generate go run github.com/fearlessgo/fearless/cmd/sessiongen -client Client -server Server "Rec[Choose[Send[int, Recv[int, Var[Z]]], End]]"
//
// The description is a Go type expression built from
//
//	End (or Eps)     the end: Close (Eps, the empty protocol, is the crate's name)
//	Send[T, P]       send a T, then P
//	Recv[T, P]       receive a T, then P
//	Choose[L, R]     pick L or R
//	Offer[L, R]      the peer picks L or R
//	Rec[P]           a loop whose body is P
//	Var[Z]           back to the start of the innermost loop; Var[S[Z]] the next one out, ...
//
// where T is any Go type. sessiongen checks that every Var names an
// enclosing Rec. Long protocols get intermediate aliases, so that the
// output grows with the description, not with its duals. The compiler,
// though, spells every type out in full, so its work doubles with each
// step of the longest path: sessiongen warns above 12 steps.
//
// Usage:
//
//	sessiongen [flags] -client Name -server Name "protocol"
//
// Flags:
//
//	-o file         output file (default: <client in lower case>_session.go)
//	-package name   package of the output (default: $GOPACKAGE, set by go generate)
//	-import path    an import that payload types need; may be repeated
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// deepWarning is the depth above which a protocol costs the compiler
// hundreds of megabytes: on amd64 with Go 1.26, 12 steps take about 1s and
// 300 MB to build, 14 take 3s and 1 GB, 16 take 12s and 4 GB.
const deepWarning = 12

func main() {
	err := run(os.Args[1:], os.Getenv("GOPACKAGE"))
	switch {
	case errors.Is(err, flag.ErrHelp): // -h: the usage is printed
	case err != nil:
		fmt.Fprintln(os.Stderr, "sessiongen:", err)
		os.Exit(2)
	}
}

// stdout is where sessiongen says what it wrote; tests replace it.
var stdout io.Writer = os.Stdout

// imports collects repeated -import flags.
type imports []string

func (i *imports) String() string     { return strings.Join(*i, ",") }
func (i *imports) Set(v string) error { *i = append(*i, v); return nil }

// config is what the command line asks for.
type config struct {
	client, server string
	pkg            string
	imports        []string
	protocol       string
	out            string
	hoistAt        int // 0: the default; tests set it
}

func parseArgs(args []string, gopackage string) (config, error) {
	fs := flag.NewFlagSet("sessiongen", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: sessiongen [flags] -client Name -server Name \"protocol\"\n\n"+
			"Writes the Go types of both sides of a session protocol, described as one\n"+
			"side sees it: \"Rec[Choose[Send[int, Recv[int, Var[Z]]], End]]\".\n\nFlags:\n")
		fs.PrintDefaults()
	}
	var c config
	var imps imports
	fs.StringVar(&c.client, "client", "", "name of the alias for the side described")
	fs.StringVar(&c.server, "server", "", "name of the alias for its dual")
	fs.StringVar(&c.pkg, "package", gopackage, "package of the output")
	fs.StringVar(&c.out, "o", "", "output file (default: <client in lower case>_session.go)")
	fs.Var(&imps, "import", "an import that payload types need; may be repeated")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	c.imports = imps
	switch {
	case fs.NArg() != 1:
		return c, fmt.Errorf("want one protocol description after the flags, got %d arguments", fs.NArg())
	case c.client == "" || c.server == "":
		return c, fmt.Errorf("-client and -server name the two aliases and are required")
	case c.pkg == "":
		return c, fmt.Errorf("no package: run from go generate or give -package")
	}
	c.protocol = fs.Arg(0)
	if c.out == "" {
		c.out = strings.ToLower(c.client) + "_session.go"
	}
	return c, nil
}

func run(args []string, gopackage string) error {
	c, err := parseArgs(args, gopackage)
	if err != nil {
		return err
	}
	p, err := parseProtocol(c)
	if err != nil {
		return err
	}
	if d := p.depth(); d > deepWarning {
		fmt.Fprintf(os.Stderr, "sessiongen: warning: the protocol is %d steps deep; the Go compiler's time and memory double with each step "+
			"(about 1 GB at 14): shorten the longest path, or split the conversation into sessions sent over this one\n", d)
	}
	src, err := generate(c)
	if err != nil {
		return err
	}
	if err := os.WriteFile(c.out, src, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "sessiongen: wrote %s: %s and its dual %s, in package %s\n", c.out, c.client, c.server, c.pkg)
	return nil
}
