package mpsc

import (
	"context"
	"fmt"
	"reflect"
)

// needContext panics for a nil ctx given by a caller: Go's convention for
// a function that takes a Context, which would otherwise wait with no way
// to give up.
func needContext(call string, ctx context.Context) {
	if ctx == nil {
		panic("mpsc: " + call + ": ctx is nil; pass context.Background() to wait with no deadline")
	}
}

// maxBuffer is the most, in bytes, that SyncChannel allocates for a buffer.
const maxBuffer = 1 << 40

// slotSize is the size of a buffer slot of type S, counting an empty one
// as a byte.
func slotSize[S any]() uintptr { return max(reflect.TypeFor[S]().Size(), 1) }

// checkBuffer panics when a buffer of n slots of S would take more than
// maxBuffer bytes: a bound meant as "no bound", which would otherwise end
// in the runtime's "makeslice: len out of range" or an out-of-memory crash.
func checkBuffer[S any](n int) {
	if uint64(n) > maxBuffer/uint64(slotSize[S]()) {
		panic(fmt.Sprintf("mpsc: SyncChannel: the bound %d needs a buffer of more than 1 TiB, allocated up front; pass a smaller bound, or use Channel for a channel with no bound", n))
	}
}
