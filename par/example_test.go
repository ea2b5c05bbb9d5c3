package par_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/fearlessgo/fearless/par"
	"github.com/fearlessgo/fearless/thread"
)

func ExampleMap() {
	words := strings.Fields("the quick brown fox")
	fmt.Println(par.Map(words, strings.ToUpper))
	// Output: [THE QUICK BROWN FOX]
}

func ExampleForEach() {
	lengths := make([]int, 3)
	par.ForEach([]string{"a", "bb", "ccc"}, func(i int, s string) {
		lengths[i] = len(s) // each call writes only its own index: no race
	})
	fmt.Println(lengths)
	// Output: [1 2 3]
}

func ExampleReduce() {
	// The longest word; ties go to the first, as combine keeps slice order.
	words := strings.Fields("a bb ccc dd eee f")
	longest := par.Reduce(words, "",
		func(best, w string) string {
			if len(w) > len(best) {
				return w
			}
			return best
		},
		func(left, right string) string {
			if len(right) > len(left) {
				return right
			}
			return left
		})
	fmt.Println(longest)
	// Output: ccc
}

func ExampleSum() {
	data := make([]int64, 1_000_000)
	for i := range data {
		data[i] = int64(i + 1)
	}
	fmt.Println(par.Sum(data))
	// Output: 500000500000
}

func Example_panic() {
	defer func() {
		e := recover().(*thread.PanicError) // always a *thread.PanicError
		fmt.Println(e.Value, errors.Is(e, errBad))
	}()
	par.ForEach(make([]int, 5000), func(i, _ int) {
		if i == 4321 {
			panic(errBad)
		}
	})
	// Output: bad element true
}

var errBad = errors.New("bad element")
