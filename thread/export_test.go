package thread

// FormatPanic is what the default panic hook prints for e, given the value
// of FEARLESS_BACKTRACE: for tests outside the package, whose frames are
// not fearless's own.
var FormatPanic = formatPanic
