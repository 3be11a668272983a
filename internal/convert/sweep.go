package convert

import (
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// tempPattern matches the names of offprint's temporary files: today's
// ".NAME.offprint-XXXX.tmp" and the ".NAME.DIGITS.tmp" of older versions,
// NAME being an output (.epub or .pdf).
var tempPattern = regexp.MustCompile(`^\..+\.(epub|pdf)\.(offprint-[0-9a-f]+|[0-9]+)\.tmp$`)

// sweep removes from dir the temporary files a killed run left behind:
// only names of tempPattern, only regular files last modified before start
// (the beginning of this run), and only those no process holds locked (a
// run under way locks its temporary files where the system allows).
func sweep(dir string, start time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !tempPattern.MatchString(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.ModTime().Before(start) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if !unlocked(path) {
			continue
		}
		os.Remove(path)
	}
}
