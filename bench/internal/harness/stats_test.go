package harness

import (
	"math"
	"testing"
	"time"
)

func TestSummarize(t *testing.T) {
	ms := func(xs ...int) []time.Duration {
		var ds []time.Duration
		for _, x := range xs {
			ds = append(ds, time.Duration(x)*time.Millisecond)
		}
		return ds
	}
	cases := []struct {
		name          string
		runs          []time.Duration
		n             int
		med, min, max float64
		mad           float64
	}{
		{"odd", ms(30, 10, 20), 1000, 20e3, 10e3, 30e3, 50},
		{"even", ms(10, 40, 20, 30), 1000, 25e3, 10e3, 40e3, 40},
		{"one", ms(7), 7, 1e6, 1e6, 1e6, 0},
		{"outlier", ms(10, 10, 10, 10, 1000), 10, 1e6, 1e6, 100e6, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Summarize(c.runs, c.n)
			if s.Runs != len(c.runs) || s.MedianNs != c.med || s.MinNs != c.min || s.MaxNs != c.max {
				t.Errorf("Summarize = %+v, want runs %d median %v min %v max %v", s, len(c.runs), c.med, c.min, c.max)
			}
			if math.Abs(s.MADPct-c.mad) > 1e-9 {
				t.Errorf("MADPct = %v, want %v", s.MADPct, c.mad)
			}
		})
	}
	if s := Summarize(nil, 10); s != (Stats{}) {
		t.Errorf("Summarize(nil) = %+v, want zero", s)
	}
	if s := Summarize(ms(1), 0); s != (Stats{}) {
		t.Errorf("Summarize(n=0) = %+v, want zero", s)
	}
}

func TestRatio(t *testing.T) {
	base := Stats{Runs: 3, MedianNs: 20}
	if r := Ratio(Stats{Runs: 3, MedianNs: 10}, base); r != 0.5 {
		t.Errorf("Ratio = %v, want 0.5", r)
	}
	if r := Ratio(Stats{}, base); r != 0 {
		t.Errorf("Ratio(missing side) = %v, want 0", r)
	}
	if r := Ratio(base, Stats{}); r != 0 {
		t.Errorf("Ratio(missing baseline) = %v, want 0", r)
	}
}

func TestFormatNs(t *testing.T) {
	for in, want := range map[float64]string{
		0.27:   "0.27ns",
		12.34:  "12.3ns",
		123.4:  "123ns",
		999.96: "1000ns",
		1234:   "1.23µs",
		56789:  "56.8µs",
		2.5e6:  "2.50ms",
		3.21e9: "3.21s",
	} {
		if got := FormatNs(in); got != want {
			t.Errorf("FormatNs(%v) = %q, want %q", in, got, want)
		}
	}
}
