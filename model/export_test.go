package model

// NoReduction turns partial-order reduction and sleep sets off: the
// depth-first search then tries every thread at every decision. Tests use
// it as the oracle the reduced search must agree with.
func NoReduction() Option { return func(c *config) { c.noReduction = true } }

// SetReportHook makes f run while the driver makes a failure's report, and
// returns a function that removes it.
func SetReportHook(f func()) (restore func()) {
	testHookReport = f
	return func() { testHookReport = nil }
}
