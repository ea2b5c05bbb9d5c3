// Package testing is the drop-in package testing of test files rewritten by
// fearless test. T wraps the *testing.T of the test being explored: while
// the schedule explorer runs the test, Error, Fatal, Skip, Log, Cleanup and
// Run belong to the run in progress (a failure ends the run and is reported
// with its schedule), and the rest is the real T's. Every other name is
// package testing's own.
//
// fearless test renames each TestX of a rewritten package and adds a TestX
// that calls Run, which explores it when fearless test runs the binary and
// runs it once, as go test would, otherwise.
package testing

import stdtesting "testing"

type (
	TB                 = stdtesting.TB
	M                  = stdtesting.M
	B                  = stdtesting.B
	F                  = stdtesting.F
	PB                 = stdtesting.PB
	BenchmarkResult    = stdtesting.BenchmarkResult
	InternalTest       = stdtesting.InternalTest
	InternalExample    = stdtesting.InternalExample
	InternalFuzzTarget = stdtesting.InternalFuzzTarget
	InternalBenchmark  = stdtesting.InternalBenchmark
	Cover              = stdtesting.Cover
	CoverBlock         = stdtesting.CoverBlock
)

var (
	Short         = stdtesting.Short
	Verbose       = stdtesting.Verbose
	Testing       = stdtesting.Testing
	AllocsPerRun  = stdtesting.AllocsPerRun
	Benchmark     = stdtesting.Benchmark
	CoverMode     = stdtesting.CoverMode
	Coverage      = stdtesting.Coverage
	Init          = stdtesting.Init
	Main          = stdtesting.Main
	MainStart     = stdtesting.MainStart
	RunTests      = stdtesting.RunTests
	RunBenchmarks = stdtesting.RunBenchmarks
	RunExamples   = stdtesting.RunExamples
	RegisterCover = stdtesting.RegisterCover
)
