//go:build unix

package pdf

import "syscall"

// cpuTime returns the process's user and system CPU time in nanoseconds:
// benchmarks report it beside wall time, which a busy machine inflates.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
