package thread

// misuse panics with a message that names the package, the call, what was
// wrong and the fix, for a programming error that Rust's compiler would
// have rejected.
func misuse(call, wrong, fix string) {
	panic("thread: " + call + ": " + wrong + "; " + fix)
}

func needFunc(call string, isNil bool) {
	if isNil {
		misuse(call, "the function is nil", "pass the function the thread should run")
	}
}

// needHandle panics for a handle that no spawn made: nil, or a zero value
// declared by hand, which has no thread behind it and would never finish.
func needHandle(call string, id uint64) {
	if id == 0 {
		misuse(call, "the handle is nil or a zero value", "use the handle that Spawn, Go, SpawnWith or ScopedSpawn returned")
	}
}
