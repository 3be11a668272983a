package batch

import (
	"fmt"
	"time"
)

// Summary counts what a Run did.
type Summary struct {
	// Converted is the number of jobs that succeeded.
	Converted int
	// Failed is the number of jobs that returned an error (including
	// panics and jobs abandoned after cancellation).
	Failed int
	// Skipped is the number of jobs never started because the context was
	// cancelled.
	Skipped int
	// Elapsed is the time Run took, by Options.Now.
	Elapsed time.Duration
}

// OK reports whether every job ran and succeeded.
func (s Summary) OK() bool { return s.Failed == 0 && s.Skipped == 0 }

// String sums up in one line, for example "converted 38, failed 2 in 1.2s"
// or "converted 3, failed 0, skipped 197 in 420ms".
func (s Summary) String() string {
	str := fmt.Sprintf("converted %d, failed %d", s.Converted, s.Failed)
	if s.Skipped > 0 {
		str += fmt.Sprintf(", skipped %d", s.Skipped)
	}
	return str + " in " + roundDuration(s.Elapsed).String()
}

// roundDuration rounds d to what a person reads: milliseconds under a
// second, tenths of a second above.
func roundDuration(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}
