package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"

	"golang.org/x/tools/go/analysis/unitchecker"

	fearlessvet "github.com/fearlessgo/fearless/vet"
)

// vetToolEnv, set in go vet's environment, makes this executable the vet
// tool that go vet runs on each package: fearless vet is go vet with
// -vettool pointing at the fearless command itself, so it works in any
// module, offline, with go vet's output, exit status and caching.
const vetToolEnv = "FEARLESS_VET_TOOL"

func init() {
	if os.Getenv(vetToolEnv) == "1" {
		unitchecker.Main(fearlessvet.Analyzers...) // does not return
	}
}

const vetUsage = `usage: fearless vet [-json] [packages]

Runs the analyzers of fearless vet on the packages (default "."), as go
vet does, with go vet's output: file:line:col: message, or with -json
{"pkgpath": {"analyzer": [{"posn": ..., "message": ...}]}}. Exit status
as go vet's: 0 clean, 1 reports (text) or failure, 2 usage.

Analyzers:
`

// vet runs go vet with this executable as its vet tool.
func vet(args []string, stdout, stderr io.Writer) int {
	var pass []string
	for _, a := range args {
		switch a {
		case "-h", "-help", "--help":
			fmt.Fprint(stdout, vetUsage)
			for _, a := range fearlessvet.Analyzers {
				fmt.Fprintf(stdout, "  %-15s %s\n", a.Name, a.Doc)
			}
			return 0
		case "-json", "--json":
			pass = append(pass, "-json")
		default:
			pass = append(pass, a)
		}
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "fearless vet: %v\n", err)
		return 2
	}
	cmd := exec.Command("go", append([]string{"vet", "-vettool=" + self}, pass...)...)
	cmd.Env = append(os.Environ(), vetToolEnv+"=1")
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	default:
		fmt.Fprintf(stderr, "fearless vet: %v\n", err)
		return 2
	}
}
