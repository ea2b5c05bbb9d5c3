package goid

import "testing"

func TestCurrentDiffersAcrossGoroutines(t *testing.T) {
	here := Current()
	if here == 0 {
		t.Fatal("Current() = 0: the runtime's trace header changed")
	}
	if again := Current(); again != here {
		t.Fatalf("Current() changed within one goroutine: %d then %d", here, again)
	}
	other := make(chan uint64)
	go func() { other <- Current() }()
	if id := <-other; id == here || id == 0 {
		t.Fatalf("other goroutine id = %d, this one %d", id, here)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]uint64{
		"goroutine 1 [running]:":           1,
		"goroutine 18446744073709551615 [": 18446744073709551615,
		"goroutine":                        0,
		"":                                 0,
		"thread 7":                         0,
	} {
		if got := Parse([]byte(in)); got != want {
			t.Errorf("Parse(%q) = %d, want %d", in, got, want)
		}
	}
}
