package sessionsquares

import (
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/internal/testout"
	"github.com/fearlessgo/fearless/session"
)

func TestRun(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	Run(&out)
	// Each side prints only between its own steps, so the order is fixed:
	// the server squares before it replies, the client prints after.
	var want []string
	for n := 1; n <= 5; n++ {
		want = append(want, fmt.Sprintf("server: squaring %d", n), fmt.Sprintf("client: %d squared is %d", n, n*n))
	}
	want = append(want, "client: stop", "the server answered 5 requests")
	if got := out.Lines(); !slices.Equal(got, want) {
		t.Fatalf("printed\n%q\nwant\n%q", got, want)
	}
}

func TestNoNumbers(t *testing.T) {
	leak.Check(t)
	var out testout.Buffer
	c, s := session.New[Client, Server]()
	done := make(chan int)
	go func() { done <- server(&out, s) }()
	client(&out, c, nil)
	if n := <-done; n != 0 {
		t.Fatalf("the server answered %d requests, want 0", n)
	}
}

func Example() {
	Run(os.Stdout)
	// Output:
	// server: squaring 1
	// client: 1 squared is 1
	// server: squaring 2
	// client: 2 squared is 4
	// server: squaring 3
	// client: 3 squared is 9
	// server: squaring 4
	// client: 4 squared is 16
	// server: squaring 5
	// client: 5 squared is 25
	// client: stop
	// the server answered 5 requests
}
