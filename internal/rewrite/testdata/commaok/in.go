// The comma-ok receive in :=, = and var, before and after a close.
package main

import "fmt"

func main() {
	c := make(chan string, 2)
	c <- "a"
	c <- "b"
	close(c)

	v, ok := <-c
	fmt.Println(v, ok)

	var w string
	var more bool
	w, more = <-c
	fmt.Println(w, more)

	var u, open = <-c
	fmt.Printf("%q %v\n", u, open)

	_, ok = <-c
	fmt.Println(ok)

	// Into a map entry and a struct field.
	m := map[string]bool{}
	var s struct{ v string }
	s.v, m["ok"] = <-c
	fmt.Printf("%q %v\n", s.v, m["ok"])
}
