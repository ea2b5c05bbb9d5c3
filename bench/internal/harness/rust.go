package harness

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// RustLine is one JSON line printed by the Rust binary.
type RustLine struct {
	Workload  string   `json:"workload"`
	N         int      `json:"n"`
	Run       int      `json:"run"`
	Ns        int64    `json:"ns"`
	Error     string   `json:"error"`
	Workloads []string `json:"workloads"`
}

// ParseRustLine decodes one line of the Rust binary's output. A line that
// reports an error comes back as an error naming the workload.
func ParseRustLine(line []byte) (RustLine, error) {
	var l RustLine
	if err := json.Unmarshal(line, &l); err != nil {
		return l, fmt.Errorf("rust: bad output line %q: %w", strings.TrimSpace(string(line)), err)
	}
	if l.Error != "" {
		if l.Workload != "" {
			return l, fmt.Errorf("rust: %s: %s", l.Workload, l.Error)
		}
		return l, fmt.Errorf("rust: %s", l.Error)
	}
	if l.Workloads == nil && l.Ns <= 0 {
		return l, fmt.Errorf("rust: line without timing: %q", strings.TrimSpace(string(line)))
	}
	return l, nil
}

// Rust is the running Rust side: a release build of bench/rust serving runs
// one at a time over stdin/stdout, so they interleave with the Go sides.
type Rust struct {
	Bin       string
	Version   string          // rustc --version
	Workloads map[string]bool // what the binary implements

	cmd     *exec.Cmd
	in      io.WriteCloser
	lines   chan lineOrErr
	timeout time.Duration
}

type lineOrErr struct {
	line []byte
	err  error
}

// ErrNoToolchain means cargo was not found: the Rust side is skipped.
var ErrNoToolchain = errors.New("cargo not found")

// findTool looks for a Rust tool on PATH, then in ~/.cargo/bin.
func findTool(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	if home, err := os.UserHomeDir(); err == nil {
		p := filepath.Join(home, ".cargo", "bin", name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", ErrNoToolchain
}

// BuildRust builds the cargo project in dir with `cargo build --release
// --offline` (std only, so no registry is needed) and returns the path of the
// binary and the rustc version. ErrNoToolchain means no cargo.
func BuildRust(dir string, log io.Writer) (bin, version string, err error) {
	cargo, err := findTool("cargo")
	if err != nil {
		return "", "", err
	}
	manifest := filepath.Join(dir, "Cargo.toml")
	if _, err := os.Stat(manifest); err != nil {
		return "", "", fmt.Errorf("rust: %w", err)
	}
	cmd := exec.Command(cargo, "build", "--release", "--offline", "--quiet", "--manifest-path", manifest)
	cmd.Stdout = log
	cmd.Stderr = log
	// cargo finds rustc next to itself even when ~/.cargo/bin is not on PATH.
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(cargo)+string(os.PathListSeparator)+os.Getenv("PATH"))
	if err := cmd.Run(); err != nil {
		return "", "", fmt.Errorf("rust: cargo build --release --offline in %s: %w", dir, err)
	}
	target := os.Getenv("CARGO_TARGET_DIR")
	if target == "" {
		target = filepath.Join(dir, "target")
	}
	bin = filepath.Join(target, "release", "fearless-bench-rust")
	if _, err := os.Stat(bin); err != nil {
		return "", "", fmt.Errorf("rust: built, but %w", err)
	}
	version = "unknown"
	if rustc, err := findTool("rustc"); err == nil {
		if out, err := exec.Command(rustc, "--version").Output(); err == nil {
			version = strings.TrimSpace(string(out))
		}
	}
	return bin, version, nil
}

// StartRust starts bin in serve mode and asks it for its workloads.
// timeout bounds a single run (0: no bound).
func StartRust(bin, version string, timeout time.Duration) (*Rust, error) {
	cmd := exec.Command(bin, "serve")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("rust: start %s: %w", bin, err)
	}
	r := &Rust{Bin: bin, Version: version, cmd: cmd, in: in, lines: make(chan lineOrErr), timeout: timeout}
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			r.lines <- lineOrErr{line: append([]byte(nil), sc.Bytes()...)}
		}
		err := sc.Err()
		if err == nil {
			err = io.EOF
		}
		r.lines <- lineOrErr{err: fmt.Errorf("rust: output ended: %w", err)}
		close(r.lines)
	}()
	l, err := r.ask("list")
	if err != nil {
		r.Close()
		return nil, err
	}
	r.Workloads = map[string]bool{}
	for _, w := range l.Workloads {
		r.Workloads[w] = true
	}
	return r, nil
}

func (r *Rust) ask(cmd string) (RustLine, error) {
	if _, err := fmt.Fprintln(r.in, cmd); err != nil {
		return RustLine{}, fmt.Errorf("rust: %w", err)
	}
	var timer <-chan time.Time
	if r.timeout > 0 {
		t := time.NewTimer(r.timeout)
		defer t.Stop()
		timer = t.C
	}
	select {
	case l, ok := <-r.lines:
		if !ok {
			return RustLine{}, errors.New("rust: process gone")
		}
		if l.err != nil {
			return RustLine{}, l.err
		}
		return ParseRustLine(l.line)
	case <-timer:
		r.cmd.Process.Kill()
		return RustLine{}, fmt.Errorf("rust: %q took longer than %v; process killed", cmd, r.timeout)
	}
}

// Run times one run of workload with n operations in the Rust process.
func (r *Rust) Run(workload string, n int) (time.Duration, error) {
	l, err := r.ask(fmt.Sprintf("run %s %d", workload, n))
	if err != nil {
		return 0, err
	}
	if l.Workload != workload {
		return 0, fmt.Errorf("rust: asked for %s, got %s", workload, l.Workload)
	}
	return time.Duration(l.Ns), nil
}

// Close ends the Rust process.
func (r *Rust) Close() error {
	r.in.Close()
	// Read to the end first: Wait closes the pipe the reader still uses.
	for range r.lines {
	}
	return r.cmd.Wait()
}
