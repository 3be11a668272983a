//go:build !unix

package convert

import "os"

// lockFile does nothing where flock is missing: the sweep relies on age.
func lockFile(*os.File) {}

// unlocked reports true: without locks, age alone decides.
func unlocked(string) bool { return true }
