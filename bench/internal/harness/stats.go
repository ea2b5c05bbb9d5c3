package harness

import (
	"math"
	"slices"
	"time"
)

// Stats summarises the timed runs of one side on one workload, per operation.
type Stats struct {
	Runs     int     `json:"runs"`
	MedianNs float64 `json:"median_ns_per_op"`
	MinNs    float64 `json:"min_ns_per_op"`
	MaxNs    float64 `json:"max_ns_per_op"`
	// MADPct is the median absolute deviation as a percentage of the
	// median: the "±" of the table, robust to one disturbed run.
	MADPct float64 `json:"mad_pct"`
}

// Summarize turns run durations of n operations each into per-operation stats.
// It returns the zero Stats for no runs or n <= 0.
func Summarize(runs []time.Duration, n int) Stats {
	if len(runs) == 0 || n <= 0 {
		return Stats{}
	}
	per := make([]float64, len(runs))
	for i, d := range runs {
		per[i] = float64(d.Nanoseconds()) / float64(n)
	}
	med := median(per)
	dev := make([]float64, len(per))
	for i, v := range per {
		dev[i] = math.Abs(v - med)
	}
	s := Stats{
		Runs:     len(per),
		MedianNs: med,
		MinNs:    slices.Min(per),
		MaxNs:    slices.Max(per),
	}
	if med > 0 {
		s.MADPct = 100 * median(dev) / med
	}
	return s
}

// median of xs (not modified); the mean of the middle two for even lengths.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// Ratio is side / baseline of two medians: below 1 means faster than the
// baseline. It is 0 when either is missing.
func Ratio(side, baseline Stats) float64 {
	if side.Runs == 0 || baseline.Runs == 0 || baseline.MedianNs <= 0 {
		return 0
	}
	return side.MedianNs / baseline.MedianNs
}
