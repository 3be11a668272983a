package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrNoInputs is returned (wrapped) by Expand for a folder that holds no
// file with a supported extension.
var ErrNoInputs = errors.New("no input files")

// Expand turns command-line inputs into the list of inputs to convert.
// Folders are walked, in lexical order and recursively, for files whose
// extension is one of exts (compared without case; ".md" and "md" are the
// same); hidden files and folders (".git", ".draft.md") are skipped, and so
// is a symbolic link unless it leads to a regular file inside the folder
// given (a link to /etc/passwd is not converted; linked folders are not
// walked). Files named directly, links or not, "-" (standard input) and URLs pass through unchanged, as does a name that
// does not exist, for the job to report. Duplicates are removed, keeping
// the first occurrence; two spellings of one path ("a.md", "./a.md") are
// duplicates.
//
// Expand fails when a folder cannot be read or holds no input file: a
// folder given by mistake should not quietly convert nothing.
func Expand(args []string, exts []string) ([]string, error) {
	want := make(map[string]bool, len(exts))
	for _, e := range exts {
		e = strings.ToLower(e)
		if !strings.HasPrefix(e, ".") {
			e = "." + e
		}
		want[e] = true
	}
	var out []string
	seen := make(map[string]bool)
	add := func(name, key string) {
		if !seen[key] {
			seen[key] = true
			out = append(out, name)
		}
	}
	for _, arg := range args {
		if arg == "-" || isURL(arg) {
			add(arg, arg)
			continue
		}
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			add(arg, pathKey(arg))
			continue
		}
		realRoot, err := realPath(arg)
		if err != nil {
			return nil, fmt.Errorf("batch: %w", err)
		}
		walkRoot := arg
		if lst, err := os.Lstat(arg); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			// A link to a folder, named by the user: walk the folder.
			walkRoot = arg + string(filepath.Separator)
		}
		found := 0
		err = filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != walkRoot && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !want[strings.ToLower(filepath.Ext(path))] {
				return nil
			}
			if !d.Type().IsRegular() && !insideFile(path, realRoot) {
				return nil
			}
			found++
			add(path, pathKey(path))
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("batch: %w", err)
		}
		if found == 0 {
			return nil, fmt.Errorf("batch: %s: %w (%s)", arg, ErrNoInputs, strings.Join(extList(exts), ", "))
		}
	}
	return out, nil
}

// realPath returns the absolute path of p with every symbolic link
// resolved.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// insideFile reports whether path, met in the walk of the folder whose
// real path is realRoot, is a symbolic link (or a chain of them) that
// leads to a regular file inside that folder. A link out of the folder
// (to /etc/passwd, to ../other) is not followed: the folder is what the
// user chose to convert. Devices, pipes and sockets are never inputs.
func insideFile(path, realRoot string) bool {
	target, err := realPath(path)
	if err != nil {
		return false // broken, a loop, or unreadable
	}
	rel, err := filepath.Rel(realRoot, target)
	if err != nil || !filepath.IsLocal(rel) {
		return false
	}
	st, err := os.Stat(target)
	return err == nil && st.Mode().IsRegular()
}

// isURL reports whether s looks like scheme://…, which Expand leaves to
// the job.
func isURL(s string) bool {
	i := strings.Index(s, "://")
	if i <= 0 {
		return false
	}
	for j, c := range s[:i] {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case j > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// pathKey is the key duplicate paths share.
func pathKey(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// extList normalises extensions for a message.
func extList(exts []string) []string {
	out := make([]string, len(exts))
	for i, e := range exts {
		if !strings.HasPrefix(e, ".") {
			e = "." + e
		}
		out[i] = e
	}
	return out
}
