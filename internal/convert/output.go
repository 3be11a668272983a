package convert

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned (wrapped) when an output file exists already and
// overwriting was not allowed.
var ErrExists = errors.New("output exists (use --force to overwrite)")

// pending is an output rendered into a temporary file in its target folder,
// not yet renamed into place.
type pending struct {
	tmp, final string
}

// stage renders one output with render into a temporary file beside final.
// The file is synced before it is returned. On error nothing is left behind.
func stage(final string, render func(io.Writer) error) (p pending, err error) {
	dir := filepath.Dir(final)
	f, err := os.CreateTemp(dir, "."+filepath.Base(final)+".*.tmp")
	if err != nil {
		return p, err
	}
	done := false
	defer func() {
		// Also on a panic in render: no temporary file is left behind.
		if !done {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = render(f); err != nil {
		return p, err
	}
	if err = f.Sync(); err != nil {
		return p, err
	}
	if err = f.Close(); err != nil {
		return p, err
	}
	if err = os.Chmod(f.Name(), 0o644); err != nil {
		return p, err
	}
	done = true
	return pending{tmp: f.Name(), final: final}, nil
}

// commit moves staged outputs into place. With force it renames them over
// whatever is there. Without force it links each one to its final name,
// which fails atomically when the name exists (so two conversions racing
// for one name cannot overwrite each other); on failure the outputs this
// call placed are removed again and every staged file is discarded.
func commit(ps []pending, force bool) error {
	if force {
		for i, p := range ps {
			if err := os.Rename(p.tmp, p.final); err != nil {
				discard(ps[i:])
				return err
			}
		}
	} else {
		for i, p := range ps {
			if err := placeNew(p); err != nil {
				for _, q := range ps[:i] {
					os.Remove(q.final)
				}
				discard(ps)
				return err
			}
		}
		discard(ps)
	}
	if len(ps) > 0 {
		syncDir(filepath.Dir(ps[0].final))
	}
	return nil
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
		return err
	}
	return os.Rename(p.tmp, p.final)
}

// discard removes staged temporary files.
func discard(ps []pending) {
	for _, p := range ps {
		os.Remove(p.tmp)
	}
}

// syncDir makes a rename durable; errors are ignored as some file systems
// cannot sync directories.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
