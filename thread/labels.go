package thread

import (
	"context"
	"runtime/pprof"
)

// labelKey is the pprof label that carries a named thread's name, so that
// CPU and goroutine profiles (and tracebacks that print labels) show it.
const labelKey = "thread"

// labelGoroutine gives the calling goroutine the one label thread=name. It
// replaces the labels inherited from the spawning goroutine: Go has no way
// to read a goroutine's labels back and add to them.
func labelGoroutine(name string) {
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels(labelKey, name)))
}
