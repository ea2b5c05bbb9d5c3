// runtime.LockOSThread and UnlockOSThread, in a file that uses package
// runtime for nothing else: the explorer runs goroutines on its own, so
// they become gort's, and the import stays for its side effects only.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		runtime.Gosched()
		done <- true
	}()
	fmt.Println("locked goroutine done:", <-done)
}
