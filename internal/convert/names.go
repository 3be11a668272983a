package convert

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"
)

// Names assigns output names for one run of several conversions, so that
// articles whose titles slug alike get distinct files (title, title-2,
// title-3, …) instead of overwriting each other, whatever order they
// finish reading in. Each conversion has a turn (Options.Turn, its input's
// index): turn i claims its name only after turns 0..i-1 have claimed
// theirs or been released, so the names depend on the input order alone.
// Reading still runs in parallel; rendering starts after the claim.
//
// A run creates one with NewNames and passes it in Options.Names to every
// conversion; a nil *Names claims nothing (each conversion takes its
// title's stem as it is). Every turn of the run must end with a claim or a
// Release, or later turns wait for it until their context is done.
type Names struct {
	mu      sync.Mutex
	next    int              // lowest turn not yet ended
	ended   map[int]bool     // turns above next that have ended
	wake    chan struct{}    // closed and replaced whenever next moves
	taken   map[string]bool  // claimed stems, as paths without extension
	cleaned map[string]bool  // folders swept of stale temporary files
	start   time.Time        // when the run began, for the sweep
	swept   func(dir string) // test hook: called after a sweep
}

// NewNames returns the name registry of a run that begins now.
func NewNames() *Names {
	return &Names{
		ended:   map[int]bool{},
		wake:    make(chan struct{}),
		taken:   map[string]bool{},
		cleaned: map[string]bool{},
		start:   time.Now(),
	}
}

// Release ends turn without claiming a name (its input failed), letting
// later turns claim. Releasing a turn twice, or one that claimed, does
// nothing; Release on a nil *Names does nothing.
func (n *Names) Release(turn int) {
	if n == nil {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	n.end(turn)
}

// end marks turn ended and advances next; n.mu is held.
func (n *Names) end(turn int) {
	if turn < n.next || n.ended[turn] {
		return
	}
	n.ended[turn] = true
	moved := false
	for n.ended[n.next] {
		delete(n.ended, n.next)
		n.next++
		moved = true
	}
	if moved {
		close(n.wake)
		n.wake = make(chan struct{})
	}
}

// claim waits for turn, then claims the first stem of base, base-2,
// base-3, … (each a path without extension) that no earlier turn claimed,
// and ends turn. It fails only when ctx is done first; the turn is then
// released.
func (n *Names) claim(ctx context.Context, turn int, base string) (string, error) {
	for {
		n.mu.Lock()
		if turn <= n.next {
			break // n.mu stays locked
		}
		wake := n.wake
		n.mu.Unlock()
		select {
		case <-wake:
		case <-ctx.Done():
			n.Release(turn)
			return "", fmt.Errorf("convert: %w", context.Cause(ctx))
		}
	}
	defer n.mu.Unlock()
	stem := base
	for i := 2; n.taken[stem]; i++ {
		stem = fmt.Sprintf("%s-%d", base, i)
	}
	n.taken[stem] = true
	n.end(turn)
	return stem, nil
}

// sweepOnce removes stale temporary files from dir the first time a
// conversion of this run writes there.
func (n *Names) sweepOnce(dir string) {
	n.mu.Lock()
	key := filepath.Clean(dir)
	first := !n.cleaned[key]
	n.cleaned[key] = true
	start := n.start
	n.mu.Unlock()
	if first {
		sweep(dir, start)
		if n.swept != nil {
			n.swept(dir)
		}
	}
}
