package convert

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// ErrExists is returned (wrapped) when an output file exists already and
// overwriting was not allowed.
var ErrExists = errors.New("output exists (use --force to overwrite)")

// errIsDir is returned (wrapped) when an output's name is a folder: --force
// never replaces one.
var errIsDir = errors.New("is a directory; not replaced")

// pending is an output rendered into a temporary file in its target folder,
// not yet renamed into place. The file stays open, and locked where the
// system allows, until it is placed or discarded, so that the sweep of
// another run never takes it for a left-over.
type pending struct {
	tmp, final string
	f          *os.File
}

// rename is os.Rename; tests make it fail.
var rename = os.Rename

// tempSuffix marks offprint's temporary files: ".NAME.offprint-XXXX.tmp".
const tempMark, tempSuffix = ".offprint-", ".tmp"

// createTemp creates a new hidden temporary file beside final, named
// ".NAME.offprint-XXXXXXXXXXXX.tmp", with mode 0666 less the umask (as any
// new file), opened for writing and locked.
func createTemp(final string) (*os.File, error) {
	dir, base := filepath.Split(final)
	for try := 0; ; try++ {
		var r [6]byte
		rand.Read(r[:])
		name := filepath.Join(dir, "."+base+tempMark+hex.EncodeToString(r[:])+tempSuffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		if err != nil {
			return nil, err
		}
		lockFile(f)
		track(name)
		return f, nil
	}
}

// stage renders one output with render into a temporary file beside final.
// The file is synced before it is returned. A new output has the mode any
// new file gets (0666 less the umask); one that will replace a file keeps
// that file's mode. On error nothing is left behind, and the error names
// final, never the temporary file.
func stage(final string, render func(io.Writer) error) (p pending, err error) {
	f, err := createTemp(final)
	if err != nil {
		return p, userPath(final, err)
	}
	done := false
	defer func() {
		// Also on a panic in render: no temporary file is left behind.
		if !done {
			closeRemove(f)
		}
	}()
	if err = render(f); err != nil {
		return p, userPath(final, err)
	}
	if st, err := os.Stat(final); err == nil && st.Mode().IsRegular() {
		if err := f.Chmod(st.Mode().Perm()); err != nil {
			return p, userPath(final, err)
		}
	}
	if err = f.Sync(); err != nil {
		return p, userPath(final, err)
	}
	done = true
	return pending{tmp: f.Name(), final: final, f: f}, nil
}

// userPath names final in place of the temporary file in an error from the
// file system: "out/T.epub: read-only file system". Other errors are
// returned as they are.
func userPath(final string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return fmt.Errorf("%s: %w", final, pe.Err)
	case errors.As(err, &le):
		return fmt.Errorf("%s: %w", final, le.Err)
	}
	return err
}

// commit moves staged outputs into place, all or none: on failure every
// name is as it was before and every staged file is discarded.
//
// With force it renames them over whatever is there, after checking that
// no name is a folder; each file it replaces is first kept under a hidden
// hard link, put back if a later rename fails. Without force it links each
// one to its final name, which fails atomically when the name exists (so
// two conversions racing for one name cannot overwrite each other).
func commit(ps []pending, force bool) error {
	defer discard(ps)
	if force {
		if err := replaceAll(ps); err != nil {
			return err
		}
	} else {
		for i, p := range ps {
			if err := placeNew(p); err != nil {
				for _, q := range ps[:i] {
					os.Remove(q.final)
				}
				return err
			}
		}
	}
	if len(ps) > 0 {
		syncDir(filepath.Dir(ps[0].final))
	}
	return nil
}

// replaceAll renames every staged file over its final name, or, when one
// rename fails, puts back the files the earlier ones replaced.
func replaceAll(ps []pending) error {
	for _, p := range ps {
		if st, err := os.Lstat(p.final); err == nil && st.IsDir() {
			return fmt.Errorf("%s: %w", p.final, errIsDir)
		}
	}
	backups := make([]string, len(ps))
	defer func() {
		for _, b := range backups {
			if b != "" {
				os.Remove(b)
				untrack(b)
			}
		}
	}()
	for i, p := range ps {
		if _, err := os.Lstat(p.final); err != nil {
			continue // nothing to keep
		}
		b, err := backup(p.final)
		if err != nil {
			return userPath(p.final, err)
		}
		backups[i] = b
	}
	for i, p := range ps {
		if err := rename(p.tmp, p.final); err != nil {
			for j := i - 1; j >= 0; j-- {
				if backups[j] != "" {
					if rename(backups[j], ps[j].final) == nil {
						untrack(backups[j])
						backups[j] = ""
					}
				} else {
					os.Remove(ps[j].final)
				}
			}
			return userPath(p.final, err)
		}
		untrack(p.tmp)
	}
	return nil
}

// backup gives the file at final a second, hidden name in its folder and
// returns that name. A file system without hard links gets none: the file
// is then replaced without a way back, as before.
func backup(final string) (string, error) {
	f, err := createTemp(final)
	if err != nil {
		return "", err
	}
	name := f.Name()
	closeRemove(f)
	if err := os.Link(final, name); err != nil {
		return "", nil
	}
	track(name)
	return name, nil
}

// placeNew gives the staged file its final name unless that name exists.
func placeNew(p pending) error {
	err := os.Link(p.tmp, p.final)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s: %w", p.final, ErrExists)
	}
	// No hard links on this file system: check, then rename.
	if _, err := os.Lstat(p.final); err == nil {
		return fmt.Errorf("%s: %w", p.final, ErrExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return userPath(p.final, err)
	}
	if err := rename(p.tmp, p.final); err != nil {
		return userPath(p.final, err)
	}
	return nil
}

// discard closes staged files and removes those still under their
// temporary names.
func discard(ps []pending) {
	for _, p := range ps {
		if p.f != nil {
			closeRemove(p.f)
		}
	}
}

// closeRemove closes and removes a temporary file. Removing a name
// another file has taken since does not happen: a placed file was renamed
// away, so its temporary name no longer exists.
func closeRemove(f *os.File) {
	f.Close()
	os.Remove(f.Name())
	untrack(f.Name())
}

// syncDir makes a rename durable; errors are ignored as some file systems
// cannot sync directories.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// live holds the temporary files of this process, for RemoveTemporary.
var live struct {
	sync.Mutex
	names map[string]bool
}

func track(name string) {
	live.Lock()
	defer live.Unlock()
	if live.names == nil {
		live.names = map[string]bool{}
	}
	live.names[name] = true
}

func untrack(name string) {
	live.Lock()
	defer live.Unlock()
	delete(live.names, name)
}

// RemoveTemporary removes every temporary file this process has open for
// outputs under way, for a program about to exit at once (a second
// interrupt): no partial file is left behind. Conversions still running
// then fail.
func RemoveTemporary() {
	live.Lock()
	defer live.Unlock()
	for name := range live.names {
		os.Remove(name)
		delete(live.names, name)
	}
}
