package par

import (
	"fmt"
	"strings"
	"testing"
)

func TestMisusePanicsAtOnce(t *testing.T) {
	add := func(a, b int) int { return a + b }
	for _, c := range []struct {
		name string
		f    func()
		want string
	}{
		{"Map nil f", func() { Map[int, int]([]int{1, 2, 3}, nil) }, "par: Map: f is nil; pass the function to apply"},
		{"Map nil f, empty input", func() { Map[int, int](nil, nil) }, "par: Map: f is nil"},
		{"ForEach nil f", func() { ForEach[int]([]int{1}, nil) }, "par: ForEach: f is nil"},
		{"Reduce nil fold", func() { Reduce([]int{1}, 0, nil, add) }, "par: Reduce: fold is nil"},
		{"Reduce nil combine", func() { Reduce([]int{1}, 0, add, nil) }, "par: Reduce: combine is nil"},
		{"Reduce nil combine, long input", func() { Reduce(make([]int, 1<<16), 0, add, nil) }, "par: Reduce: combine is nil"},
		{"Sum of nil", func() { Sum[int](nil) }, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := func() (msg string) {
				defer func() {
					if r := recover(); r != nil {
						msg = fmt.Sprint(r)
					}
				}()
				c.f()
				return ""
			}()
			if c.want == "" && got != "" || !strings.HasPrefix(got, c.want) {
				t.Fatalf("panicked with %q; want %q", got, c.want)
			}
		})
	}
}
