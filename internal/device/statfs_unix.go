//go:build unix

package device

import "syscall"

// freeSpace returns the bytes an unprivileged user may still write in the
// file system holding dir (syscall.Statfs); ok is false when it cannot be
// told.
func freeSpace(dir string) (free uint64, ok bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return uint64(st.Bavail) * uint64(st.Bsize), true
}
