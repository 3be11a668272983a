//go:build !unix

package pdf

// cpuTime is not measured on this platform.
func cpuTime() int64 { return 0 }
