// A go statement evaluates the function value and its arguments where it
// is, and runs the call in a new goroutine.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type counter struct {
	name string
	wg   *sync.WaitGroup
	out  chan string
}

func (c counter) report(n int) {
	defer c.wg.Done()
	c.out <- fmt.Sprintf("%s %d", c.name, n)
}

func show(wg *sync.WaitGroup, out chan string, prefix string, xs ...int) {
	defer wg.Done()
	out <- fmt.Sprint(prefix, xs)
}

const answer = 42

var calls int

type flag bool

func flagged(wg *sync.WaitGroup, out chan string, f flag) {
	defer wg.Done()
	out <- fmt.Sprint("flag ", f)
}

func shifted(wg *sync.WaitGroup, out chan string, x int64) {
	defer wg.Done()
	out <- fmt.Sprint("shifted ", x)
}

func two() (string, int) { calls++; return "two", calls }

func pair(wg *sync.WaitGroup, out chan string) func(string, int) {
	return func(s string, n int) {
		defer wg.Done()
		out <- fmt.Sprint(s, n)
	}
}

func main() {
	var wg sync.WaitGroup
	out := make(chan string, 20)

	// A function value: f is taken at the statement, changed after.
	f := func(s string) { defer wg.Done(); out <- "f " + s }
	wg.Add(1)
	go f("first")
	f = func(s string) { defer wg.Done(); out <- "g " + s }

	// A method value: the receiver is copied at the statement.
	c := counter{name: "alpha", wg: &wg, out: out}
	wg.Add(1)
	go c.report(1)
	c.name = "beta"

	// Arguments are evaluated at the statement.
	i := 1
	wg.Add(1)
	go show(&wg, out, "i", i)
	i = 2

	// Constants, nil and function literals.
	wg.Add(1)
	go func(n int, p *int, g func() string) {
		defer wg.Done()
		out <- fmt.Sprint("lit ", n, p == nil, g())
	}(answer, nil, func() string { return "called" })

	// Variadic calls, spread and not.
	xs := []int{7, 8}
	wg.Add(2)
	go show(&wg, out, "spread", xs...)
	go show(&wg, out, "list", 1, 2, i)

	// Untyped arguments: a comparison passed as a named boolean type, a
	// shift of a constant passed as an int64.
	wg.Add(2)
	a, b := 1, 1
	go flagged(&wg, out, a == b)
	go shifted(&wg, out, 1<<i)

	// A call whose results are the arguments, evaluated at the statement.
	wg.Add(1)
	go pair(&wg, out)(two())

	// A builtin: go close(c).
	done := make(chan struct{})
	go close(done)
	<-done

	wg.Add(1)
	f("second")

	wg.Wait()
	close(out)
	var got []string
	for s := range out {
		got = append(got, s)
	}
	sort.Strings(got)
	fmt.Println(strings.Join(got, "\n"))
}
