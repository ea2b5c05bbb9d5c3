// sync.Map, sync.Pool, and the OnceFunc, OnceValue and OnceValues family.
package main

import (
	"fmt"
	"sort"
	"sync"
)

var config = sync.OnceValue(func() map[string]string {
	fmt.Println("loading config")
	return map[string]string{"mode": "fast"}
})

func main() {
	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	v, ok := m.Load("a")
	fmt.Println(v, ok)
	actual, loaded := m.LoadOrStore("a", 10)
	fmt.Println(actual, loaded)
	actual, loaded = m.LoadOrStore("c", 3)
	fmt.Println(actual, loaded)
	m.Delete("b")
	prev, loaded := m.Swap("c", 30)
	fmt.Println(prev, loaded, m.CompareAndSwap("c", 30, 31), m.CompareAndDelete("a", 2))
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	got, loaded := m.LoadAndDelete("a")
	fmt.Println(got, loaded)
	m.Clear()
	_, ok = m.Load("c")
	fmt.Println("after Clear", ok)

	// A Pool always gives a value: New's, when nothing was put back.
	made := 0
	pool := sync.Pool{New: func() any { made++; return new([]byte) }}
	buf := pool.Get().(*[]byte)
	*buf = append((*buf)[:0], "hello"...)
	fmt.Println(string(*buf), made >= 1)
	pool.Put(buf)

	greet := sync.OnceFunc(func() { fmt.Println("greeting once") })
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			greet()
		}()
	}
	wg.Wait()
	fmt.Println(config()["mode"], config()["mode"])

	pair := sync.OnceValues(func() (int, error) {
		fmt.Println("computing pair")
		return 42, nil
	})
	n, err := pair()
	n2, _ := pair()
	fmt.Println(n, err, n2)
}
