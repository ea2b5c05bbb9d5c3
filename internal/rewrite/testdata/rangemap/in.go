// for range over maps: keys, keys and values, no variables, named map
// types, deletion during the loop.
package main

import (
	"fmt"
	"sort"
)

type scores map[string]int

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	sum := 0
	for _, v := range m {
		sum += v
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(sum, keys)

	n := 0
	for range m {
		n++
	}
	fmt.Println(n)

	s := scores{"x": 10, "y": 20}
	total := 0
	for k, v := range s {
		total += v + len(k)
	}
	fmt.Println(total)

	// Deleting every entry as the loop goes visits each once.
	visits := 0
	for k := range m {
		delete(m, k)
		visits++
	}
	fmt.Println(visits, len(m))

	// Ranging over slices, strings and integers stays as it is.
	for i, r := range "hé" {
		fmt.Println(i, string(r))
	}
	for i := range []int{5, 6} {
		fmt.Println(i)
	}
}
