package par

// needFunc panics, on the caller and before any work, for a nil function: a
// programming error that Rust's compiler would have rejected, and that a
// split would otherwise turn into a nil dereference in some goroutine, or
// never notice for a short input.
func needFunc(call, param string, isNil bool) {
	if isNil {
		panic("par: " + call + ": " + param + " is nil; pass the function to apply")
	}
}
