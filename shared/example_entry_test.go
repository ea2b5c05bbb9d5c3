package shared_test

import (
	"errors"
	"fmt"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// Lock returns a guard; the value is reached through it until Unlock. A
// deferred Unlock poisons the Mutex if the goroutine panics meanwhile.
func ExampleMutex_Lock() {
	balance := shared.NewMutex(100)
	withdraw := func(n int) error {
		g, err := balance.Lock()
		defer g.Unlock()
		if err != nil {
			return err // poisoned: a holder panicked
		}
		if *g.Get() < n {
			return errors.New("insufficient funds")
		}
		*g.Get() -= n
		return nil
	}
	fmt.Println(withdraw(30), withdraw(80))
	fmt.Println(balance)
	// Output:
	// <nil> insufficient funds
	// Mutex { data: 70 }
}

// TryLock does not wait: ErrWouldBlock while another goroutine holds the lock.
func ExampleMutex_TryLock() {
	m := shared.NewMutex("config")
	held, _ := m.Lock()
	_, err := m.TryLock()
	fmt.Println(errors.Is(err, shared.ErrWouldBlock))
	held.Unlock()
	g, err := m.TryLock()
	fmt.Println(*g.Get(), err)
	g.Unlock()
	// Output:
	// true
	// config <nil>
}

// Named gives a lock the name that deadlock reports and the explorer use.
func ExampleMutex_Named() {
	accounts := shared.NewMutex(map[string]int{}).Named("accounts")
	fmt.Println(accounts.SchedLabel())
	// Output: accounts (Mutex[map[string]int])
}

// Many readers at once, or one writer.
func ExampleRwLock_Read() {
	config := shared.NewRwLock(map[string]string{"mode": "fast"})
	readers := make([]*thread.JoinHandle[string], 3)
	for i := range readers {
		readers[i] = thread.Spawn(func() string {
			g, _ := config.Read()
			defer g.Unlock()
			return (*g.Get())["mode"]
		})
	}
	for _, h := range readers {
		fmt.Println(h.Join())
	}
	// Output:
	// fast <nil>
	// fast <nil>
	// fast <nil>
}

// Write takes the lock alone, waiting for readers to leave.
func ExampleRwLock_Write() {
	counts := shared.NewRwLock([]int{})
	g, _ := counts.Write()
	*g.Get() = append(*g.Get(), 1, 2, 3)
	g.Unlock()
	r, _ := counts.Read()
	fmt.Println(*r.Get())
	r.Unlock()
	// Output: [1 2 3]
}

// WaitWhile waits, releasing the lock, until the condition is false.
func ExampleCondvar_WaitWhile() {
	ready := shared.NewMutex(false)
	cv := shared.NewCondvar[bool]()
	thread.Go(func() {
		ready.Set(true)
		cv.NotifyAll()
	})
	g, _ := ready.Lock()
	cv.WaitWhile(g, func(ready *bool) bool { return !*ready })
	fmt.Println("ready:", *g.Get())
	g.Unlock()
	// Output: ready: true
}

// The last handle dropped runs the release function, once.
func ExampleNewArc() {
	file := shared.NewArc("report.txt", func(name string) { fmt.Println("closing", name) })
	reader := file.Clone()
	thread.Go(func() {
		defer reader.Drop()
		fmt.Println("reading", *reader.Get())
	}).Join()
	fmt.Println("handles left:", file.StrongCount())
	file.Drop()
	// Output:
	// reading report.txt
	// handles left: 1
	// closing report.txt
}
