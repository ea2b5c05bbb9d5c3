//go:build race

package gort_test

// raceEnabled: the race detector slows the explorer down several times;
// the differential test tries fewer programs.
const raceEnabled = true
