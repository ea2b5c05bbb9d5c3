package pool

import "fmt"

// needPool panics for a Pool that New did not make: nil, or a zero value
// declared by hand, which has no workers and no queue.
func needPool(call string, p *Pool) {
	if p == nil || p.rx == nil {
		panic("pool: " + call + ": the Pool is nil or a zero value; make one with New or NewWithOptions")
	}
}

// needOptions panics for a nil Option, which has nothing to set.
func needOptions(opts []Option) {
	for i, o := range opts {
		if o == nil {
			panic(fmt.Sprintf("pool: NewWithOptions: option %d is nil; pass options made by QueueSize, FailWhenFull, Context or OnPanic", i))
		}
	}
}
