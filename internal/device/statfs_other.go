//go:build !unix

package device

// freeSpace cannot tell the free space here; a full device is then found
// when the copy fails (and the temporary file is removed).
func freeSpace(dir string) (free uint64, ok bool) { return 0, false }
