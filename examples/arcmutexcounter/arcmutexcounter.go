// Package arcmutexcounter is the seeds' shared counter: ten threads each
// add one to a Mutex they share through an Arc.
//
// In Go a pointer can be shared without an Arc; shared.Arc is here because
// the seeds use one, and because it counts its handles (StrongCount) and can
// run a release function when the last one is dropped.
package arcmutexcounter

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// Run prints "Result: 10".
func Run(w io.Writer) {
	counter := shared.NewArc(shared.NewMutex(0), nil)
	var handles []*thread.JoinHandle[struct{}]
	for range 10 {
		counter := counter.Clone()
		handles = append(handles, thread.Go(func() {
			defer counter.Drop()
			num, _ := counter.Value().Lock()
			defer num.Unlock()
			*num.Get() += 1
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	result, _ := counter.Value().Load()
	fmt.Fprintf(w, "Result: %d\n", result)
}
