// runtime.Gosched, under the file's own name for package runtime; other
// functions of runtime stay as they are.
package main

import (
	"fmt"
	rt "runtime"
	"sync/atomic"
)

func main() {
	var flag atomic.Bool
	go func() { flag.Store(true) }()
	for !flag.Load() {
		rt.Gosched()
	}
	fmt.Println("saw the flag", rt.NumCPU() > 0)
}
