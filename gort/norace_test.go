//go:build !race

package gort_test

const raceEnabled = false
