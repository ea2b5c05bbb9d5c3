package sendsync

import (
	"os"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	Example()
}

func Example() {
	Run(os.Stdout)
	// Output:
	// Who stops a data race?
	//   Rust compiler: Send/Sync reject sharing Rc<T>, Cell<T>, raw pointers between threads.
	//   Go compiler:   nothing; a goroutine may capture anything (channel element types are checked).
	//   go vet:        copylocks flags a copied lock, shared.Mutex included (it carries a noCopy marker).
	//   go test -race: reports racing accesses, on the interleavings that happened to run.
	//   fearless:      data reachable only through a lock's guard, values handed back by channels,
	//                  protocols checked by the compiler, deadlock detection, the schedule explorer.
	// 8 threads x 1000 increments through Mutex[int]: Mutex { data: 8000 }
	// send to a closed receiver: the value "report.txt" comes back in the error
	// Arc shared by 5 handles: released 1 time(s), after the last Drop
}
