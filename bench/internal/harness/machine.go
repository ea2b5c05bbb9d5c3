package harness

import (
	"bufio"
	"os"
	"runtime"
	"strings"
)

// Machine describes where the numbers were taken.
type Machine struct {
	Host       string `json:"host"`
	OS         string `json:"os"`
	Arch       string `json:"arch"`
	CPU        string `json:"cpu"`
	Cores      int    `json:"cores"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	GoVersion  string `json:"go_version"`
	Rust       string `json:"rust_version"` // "" when the Rust side was skipped
	// LoadStart and LoadEnd are the 1, 5 and 15 minute load averages when
	// the run began and ended ("" where unknown): other work on the machine
	// shows up here, not in the spread.
	LoadStart string `json:"load_start,omitempty"`
	LoadEnd   string `json:"load_end,omitempty"`
}

// ThisMachine reads the machine header; the Rust version is filled in later.
func ThisMachine() Machine {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown-host"
	}
	return Machine{
		Host:       host,
		OS:         runtime.GOOS,
		Arch:       runtime.GOARCH,
		CPU:        cpuModel("/proc/cpuinfo"),
		Cores:      runtime.NumCPU(),
		GOMAXPROCS: runtime.GOMAXPROCS(0),
		GoVersion:  runtime.Version(),
		LoadStart:  LoadAverage(),
	}
}

// LoadAverage returns the first three fields of /proc/loadavg, or "".
func LoadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	return parseLoadAvg(string(b))
}

func parseLoadAvg(s string) string {
	f := strings.Fields(s)
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// cpuModel returns the first "model name" (x86) or "Model"/"Hardware"
// (arm) line of a cpuinfo file, or "unknown".
func cpuModel(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	return parseCPUInfo(bufio.NewScanner(f))
}

func parseCPUInfo(sc *bufio.Scanner) string {
	fallback := ""
	for sc.Scan() {
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		switch key {
		case "model name":
			if val != "" {
				return val
			}
		case "Model", "Hardware", "cpu model":
			if fallback == "" {
				fallback = val
			}
		}
	}
	if fallback != "" {
		return fallback
	}
	return "unknown"
}
