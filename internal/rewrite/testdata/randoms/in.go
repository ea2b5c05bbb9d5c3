// math/rand and math/rand/v2: the top-level functions, a renamed import,
// and the types and constructors, which stay math/rand's own.
package main

import (
	"fmt"
	"math/rand"
	randv2 "math/rand/v2"
	"slices"
)

func main() {
	n := rand.Intn(10)
	m := randv2.IntN(10)
	k := randv2.N(int64(5))
	fmt.Println(n >= 0 && n < 10, m >= 0 && m < 10, k >= 0 && k < 5)

	p := randv2.Perm(4)
	slices.Sort(p)
	fmt.Println(p)

	s := []string{"a", "b", "c"}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	slices.Sort(s)
	fmt.Println(s)

	// A Rand of its own, seeded: the same numbers natively and rewritten.
	r := rand.New(rand.NewSource(1))
	fmt.Println(r.Intn(1000), r.Intn(1000))
	r2 := randv2.New(randv2.NewPCG(1, 2))
	fmt.Println(r2.IntN(1000), r2.IntN(1000))

	f := randv2.Float64()
	fmt.Println(f >= 0 && f < 1)
}
