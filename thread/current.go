package thread

import (
	"bytes"
	"reflect"
	"runtime"
	"strconv"
	"sync"
	"weak"

	"github.com/fearlessgo/fearless/internal/goid"
)

// Current returns the calling thread: inside a function started by Spawn,
// Go, SpawnWith or a Scope, that thread's own *Thread; in the goroutine that
// runs main, a thread named "main" with id 1; in any other goroutine an
// unnamed thread whose id is derived from the goroutine and stays the same
// for its life.
//
// Go keeps no goroutine-local storage, so Current reads the calling
// goroutine's trace (runtime.Stack): it costs a few microseconds, more on
// deep stacks. Call it once and keep the result rather than on a hot path.
// For goroutines not started by this package, the same *Thread is returned
// only while some goroutine still holds it; Park and Unpark between such
// goroutines need the *Thread kept alive by the goroutine that parks.
func Current() *Thread {
	trace := ownTrace()
	if id, ok := spawnedID(trace); ok {
		if t := running.load(id); t != nil {
			return t
		}
	}
	return foreign(goid.Parse(trace))
}

// enterName is the function name that every spawned thread's trace shows
// at its base, with the thread id as its first argument.
var enterName = runtime.FuncForPC(reflect.ValueOf(enter).Pointer()).Name() + "("

func ownTrace() []byte {
	buf := make([]byte, 4096)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// spawnedID finds the frame of enter in a trace and reads the thread id
// the runtime prints as its first argument. A value the runtime marks as
// possibly stale ("0x2a?") is not trusted.
func spawnedID(trace []byte) (uint64, bool) {
	i := bytes.LastIndex(trace, []byte(enterName))
	if i < 0 {
		return 0, false
	}
	arg := trace[i+len(enterName):]
	end := bytes.IndexAny(arg, ",)")
	if end < 0 {
		return 0, false
	}
	id, err := strconv.ParseUint(string(arg[:end]), 0, 64)
	return id, err == nil
}

// foreignBase sets apart the ids of goroutines not started by this package
// from the ids this package hands out, so neither is ever reused.
const foreignBase = 1 << 62

var mainThread = &Thread{id: mainThreadID, config: &config{name: "main"}}

var foreigners struct {
	sync.Mutex
	m map[uint64]weak.Pointer[Thread]
}

func foreign(g uint64) *Thread {
	if g == 1 {
		return mainThread
	}
	foreigners.Lock()
	defer foreigners.Unlock()
	if t := foreigners.m[g].Value(); t != nil {
		return t
	}
	if foreigners.m == nil {
		foreigners.m = map[uint64]weak.Pointer[Thread]{}
	}
	t := &Thread{id: foreignBase + g}
	foreigners.m[g] = weak.Make(t)
	runtime.AddCleanup(t, forget, g)
	return t
}

func forget(g uint64) {
	foreigners.Lock()
	defer foreigners.Unlock()
	if foreigners.m[g].Value() == nil {
		delete(foreigners.m, g)
	}
}
