package lazyre

import (
	"sync"
	"testing"
)

func TestNew(t *testing.T) {
	re := New(`^a+b$`)
	if !re().MatchString("aaab") || re().MatchString("b") {
		t.Error("wrong matches")
	}
	var wg sync.WaitGroup
	got := make([]any, 8)
	for i := range got {
		wg.Go(func() { got[i] = re() })
	}
	wg.Wait()
	for _, g := range got {
		if g != got[0] {
			t.Fatal("compiled more than once")
		}
	}
}

func TestInvalidPanicsOnUse(t *testing.T) {
	re := New(`(`) // no panic here
	defer func() {
		if recover() == nil {
			t.Error("invalid expression did not panic on first use")
		}
	}()
	re()
}
