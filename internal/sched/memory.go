package sched

// Orderings, numbered as shared.Ordering numbers them.
const (
	Relaxed = iota
	Release
	Acquire
	AcqRel
	SeqCst
)

// Memory is implemented by a Scheduler that models weak memory orderings.
// While one is installed, every atomic operation of package shared goes
// through it instead of sync/atomic. A location is identified by the
// atomic's address (loc); its value is carried as any. On the first
// operation on a location, the model takes its value from initial.
type Memory interface {
	// Load returns a value that a load with ordering ord may observe.
	Load(loc any, ord int, initial any) any
	// Store stores v with ordering ord.
	Store(loc any, ord int, v any, initial any)
	// Update is an atomic read-modify-write: it reads the latest value,
	// calls f with it and, when f reports ok, stores f's result with
	// ordering success, else treats the read as a load with ordering
	// failure. It returns the value read.
	Update(loc any, success, failure int, initial any, f func(old any) (new any, ok bool)) (old any)
}

// ActiveMemory returns the installed scheduler's memory model, or nil when
// atomics should use the hardware's (sequentially consistent) operations.
func ActiveMemory() Memory {
	if b := installed.Load(); b != nil {
		if m, ok := b.s.(Memory); ok {
			return m
		}
	}
	return nil
}
