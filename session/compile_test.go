package session_test

import (
	"fmt"
	"github.com/fearlessgo/fearless/internal/gocmd"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A compileCase is a small program that must not compile. Its source marks
// the line the compiler must reject with "// ERROR", and want lists text
// that the compiler's message must contain.
type compileCase struct {
	name string
	src  string
	want []string
}

const header = `package main

import "github.com/fearlessgo/fearless/session"

type (
	Client = session.Send[int, session.Recv[string, session.End, session.End], session.Send[string, session.End, session.End]]
	Server = session.Recv[int, session.Send[string, session.End, session.End], session.Recv[string, session.End, session.End]]
)

`

// docHeader is the protocol of the package documentation, whose compiler
// messages the "doc" cases check word for word.
const docHeader = `package main

import "github.com/fearlessgo/fearless/session"

type Client = session.Send[int, session.Recv[int, session.End, session.End], session.Send[int, session.End, session.End]]
type Server = session.Recv[int, session.Send[int, session.End, session.End], session.Recv[int, session.End, session.End]]

`

var compileCases = []compileCase{
	{
		name: "docnondual",
		src: docHeader + `func main() {
	c, s := session.New[Client, Client]() // ERROR
	_, _ = c, s
}
`,
		want: []string{`main.go:9:22: Client does not satisfy session.Proto[Client] (wrong type for method dual)
		have dual(session.Recv[int, session.Send[int, session.End, session.End], session.Recv[int, session.End, session.End]])
		want dual(Client)`},
	},
	{
		name: "docwrongop",
		src: docHeader + `func main() {
	c, s := session.New[Client, Server]()
	_, next := session.Take(c) // ERROR
	_, _ = next, s
}
`,
		want: []string{"main.go:10:26: in call to session.Take, type session.Chan[session.Top, Client] of c does not match inferred type session.Chan[session.Top, session.Recv[int, session.Recv[int, session.End, session.End], session.Send[int, session.End, session.End]]] for session.Chan[E, session.Recv[T, P, PD]]"},
	},
	{
		name: "nondual",
		src: header + `type Wrong = session.Recv[int, session.Recv[string, session.End, session.End], session.Send[string, session.End, session.End]]

func main() {
	c, s := session.New[Client, Wrong]() // ERROR
	_, _ = c, s
}
`,
		want: []string{
			"Client does not satisfy session.Proto[Wrong] (wrong type for method dual)",
			"have dual(session.Recv[int, session.Send[string, session.End, session.End], session.Recv[string, session.End, session.End]])",
			"want dual(Wrong)",
		},
	},
	{
		name: "bothsend",
		src: header + `func main() {
	c, s := session.New[Client, Client]() // ERROR
	_, _ = c, s
}
`,
		want: []string{"Client does not satisfy session.Proto[Client] (wrong type for method dual)"},
	},
	{
		name: "wrongop",
		src: header + `func main() {
	c, s := session.New[Client, Server]()
	_, next := session.Take(c) // ERROR
	_, _ = next, s
}
`,
		want: []string{"in call to session.Take, type session.Chan[session.Top, Client] of c does not match", "for session.Chan[E, session.Recv[T, P, PD]]"},
	},
	{
		name: "laterop",
		src: header + `func main() {
	c, _ := session.New[Client, Server]()
	c2 := session.Put(c, 42)
	session.Put(c2, "again") // ERROR
}
`,
		want: []string{"in call to session.Put, type session.Chan[session.Top, session.Recv[string, session.End, session.End]] of c2 does not match"},
	},
	{
		name: "payload",
		src: header + `func main() {
	c, _ := session.New[Client, Server]()
	session.Put(c, "forty-two") // ERROR
}
`,
		want: []string{`cannot use "forty-two" (untyped string constant) as int value in argument to session.Put`},
	},
	{
		name: "closeearly",
		src: header + `func main() {
	c, _ := session.New[Client, Server]()
	session.Close(c) // ERROR
}
`,
		want: []string{"in call to session.Close, type session.Chan[session.Top, Client] of c does not match", "for session.Chan[E, session.End]"},
	},
	{
		name: "halfdual",
		src: `package main

import "github.com/fearlessgo/fearless/session"

// The continuation and its "dual" disagree: both receive.
type Client = session.Send[int, session.Recv[string, session.End, session.End], session.Recv[string, session.End, session.End]] // ERROR

func main() {}
`,
		want: []string{"session.Recv[string, session.End, session.End] does not satisfy session.Proto[session.Recv[string, session.End, session.End]] (wrong type for method dual)"},
	},
	{
		name: "branchonchoose",
		src: `package main

import "github.com/fearlessgo/fearless/session"

type Client = session.Choose[session.End, session.End, session.End, session.End]

func main() {
	c, _ := session.New[Client]()
	l, r, isLeft := session.Branch(c) // ERROR
	_, _, _ = l, r, isLeft
}
`,
		want: []string{"in call to session.Branch, type session.Chan[session.Top, Client] of c does not match"},
	},
	{
		name: "zerooutsideloop",
		src: `package main

import "github.com/fearlessgo/fearless/session"

type Client = session.Var[session.Z]

func main() {
	c, _ := session.New[Client]()
	session.Zero(c) // ERROR
}
`,
		want: []string{"in call to session.Zero, type session.Chan[session.Top, Client] of c does not match", "session.Loop[P, E]"},
	},
}

// okProgram must compile: it shows that the harness builds what is right.
const okProgram = header + `func main() {
	c, s := session.New[Client, Server]()
	go func() {
		_, end := session.Take(session.Put(c, 42))
		session.Close(end)
	}()
	n, s2 := session.Take(s)
	session.Close(session.Put(s2, "got it"))
	_ = n
}
`

// TestCompileErrors builds each case in a temporary module that uses this
// repository through a replace directive, with no network, and checks that
// the compiler rejects the marked line with the expected message.
func TestCompileErrors(t *testing.T) {
	gotool := gocmd.Path(t)
	root := gocmd.ModuleRoot(t)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), fmt.Sprintf(`module sessioncheck

go 1.26

require github.com/fearlessgo/fearless v0.0.0

replace github.com/fearlessgo/fearless => %s
`, root))
	write(t, filepath.Join(dir, "ok", "main.go"), okProgram)
	for _, c := range compileCases {
		write(t, filepath.Join(dir, c.name, "main.go"), c.src)
	}
	out := goBuild(t, gotool, dir, "./...")
	sections := splitBuildOutput(out)
	if s, ok := sections["ok"]; ok {
		t.Fatalf("the correct program did not compile:\n%s", s)
	}
	for _, c := range compileCases {
		t.Run(c.name, func(t *testing.T) {
			msg, ok := sections[c.name]
			if !ok {
				t.Fatalf("compiled, but must not:\n%s", c.src)
			}
			line := errorLine(c.src)
			if !strings.Contains(msg, fmt.Sprintf("main.go:%d:", line)) {
				t.Errorf("no error on line %d (the one marked ERROR):\n%s", line, msg)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("compiler message lacks %q:\n%s", w, msg)
				}
			}
		})
	}
}

// goBuild runs go build in dir with everything that could reach the
// network turned off, and returns its combined output.
func goBuild(t *testing.T, gotool, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(gotool, append([]string{"build"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local", "GOSUMDB=off")
	out, _ := cmd.CombinedOutput() // failure is expected; the output says which
	return string(out)
}

var sectionHeader = regexp.MustCompile(`(?m)^# sessioncheck/(\S+)$`)

// splitBuildOutput maps each package that failed to the compiler's
// messages about it.
func splitBuildOutput(out string) map[string]string {
	sections := map[string]string{}
	idx := sectionHeader.FindAllStringSubmatchIndex(out, -1)
	for i, m := range idx {
		end := len(out)
		if i+1 < len(idx) {
			end = idx[i+1][0]
		}
		sections[out[m[2]:m[3]]] = out[m[1]:end]
	}
	if len(idx) == 0 && strings.TrimSpace(out) != "" {
		sections["ok"] = out // not a compile error at all: the setup failed
	}
	return sections
}

func errorLine(src string) int {
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, "// ERROR") {
			return i + 1
		}
	}
	return -1
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
