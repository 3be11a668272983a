//go:build unix

package convert

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive advisory lock on a temporary file for as long
// as it stays open; failure is ignored (the sweep then relies on age).
func lockFile(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// unlocked reports whether no process holds a lock on the file at path.
func unlocked(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
