package harness

import (
	"bufio"
	"runtime"
	"strings"
	"testing"
)

func TestParseCPUInfo(t *testing.T) {
	for in, want := range map[string]string{
		"processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu\n": "AMD EPYC 7B13",
		"processor\t: 0\nBogoMIPS\t: 50.00\n\nHardware\t: BCM2835\nModel\t: Raspberry Pi 4\n":    "BCM2835",
		"":                  "unknown",
		"nonsense line\n\n": "unknown",
	} {
		if got := parseCPUInfo(bufio.NewScanner(strings.NewReader(in))); got != want {
			t.Errorf("parseCPUInfo(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestThisMachine(t *testing.T) {
	m := ThisMachine()
	if m.Host == "" || m.CPU == "" || m.Cores < 1 || m.GOMAXPROCS < 1 || m.GoVersion != runtime.Version() {
		t.Errorf("ThisMachine() = %+v", m)
	}
}

func TestParseLoadAvg(t *testing.T) {
	if got := parseLoadAvg("6.46 6.29 4.76 3/512 20015\n"); got != "6.46 6.29 4.76" {
		t.Errorf("parseLoadAvg = %q", got)
	}
	if got := parseLoadAvg("garbage"); got != "" {
		t.Errorf("parseLoadAvg(garbage) = %q, want empty", got)
	}
}
