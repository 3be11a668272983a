package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSameNames: inputs whose titles slug alike (the same title, or
// emoji- and punctuation-only titles, which all become "article") get one
// EPUB and one PDF each, named in input order, with --force and without;
// the summary counts the files on disk, stdout lists them, and a second
// run into a fresh folder gives the same names and bytes.
func TestSameNames(t *testing.T) {
	in := t.TempDir()
	titles := []string{"Same Title", "😚😚", "Same, Title!", "!!!", "same title"}
	var inputs []string
	for i, title := range titles {
		p := filepath.Join(in, fmt.Sprintf("a%d.txt", i))
		os.WriteFile(p, fmt.Appendf(nil, "%s\n\nThe body of input %d says which input it is.\n", title, i), 0o644)
		inputs = append(inputs, p)
	}
	stems := []string{"same-title", "article", "same-title-2", "article-2", "same-title-3"}
	for _, force := range []bool{false, true} {
		t.Run(fmt.Sprintf("force=%v", force), func(t *testing.T) {
			var first map[string][]byte
			for run := 0; run < 3; run++ {
				dir := t.TempDir()
				args := []string{"-o", dir}
				if force {
					args = append(args, "--force")
				}
				code, stdout, stderr := offprint(t, "", append(args, inputs...)...)
				if code != exitOK {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				var want []string
				for _, s := range stems {
					want = append(want, filepath.Join(dir, s+".epub"), filepath.Join(dir, s+".pdf"))
				}
				if got := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n"); !slices.Equal(got, want) {
					t.Errorf("stdout %q, want %q", got, want)
				}
				if !strings.Contains(stderr, fmt.Sprintf("converted %d, failed 0", len(inputs))) {
					t.Errorf("stderr %q", stderr)
				}
				files := map[string][]byte{}
				for _, name := range outputs(t, dir) {
					files[name], _ = os.ReadFile(filepath.Join(dir, name))
				}
				if len(files) != 2*len(inputs) {
					t.Errorf("%d files on disk, want %d: %v", len(files), 2*len(inputs), outputs(t, dir))
				}
				if first == nil {
					first = files
					continue
				}
				for name, data := range first {
					if !bytes.Equal(data, files[name]) {
						t.Errorf("run %d: %s differs from the first run's", run, name)
					}
				}
			}
		})
	}
}

// TestForceFailureKeepsOld: a --force run that cannot replace the PDF (a
// folder has its name) fails, names the output, and leaves the old EPUB.
func TestForceFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := offprint(t, "", "-q", "-o", dir); code != exitOK {
		t.Fatalf("first run: %s", stderr)
	}
	names := outputs(t, dir)
	epub := filepath.Join(dir, names[0])
	old, _ := os.ReadFile(epub)
	os.WriteFile(epub, append(old, "old"...), 0o600)
	os.Chmod(epub, 0o600)
	pdf := filepath.Join(dir, names[1])
	os.Remove(pdf)
	os.Mkdir(pdf, 0o755)
	code, stdout, stderr := offprint(t, "", "--force", "-o", dir)
	if code != exitInput || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	if !strings.Contains(stderr, pdf+": is a directory") || strings.Contains(stderr, ".tmp") {
		t.Errorf("stderr %q, want one naming %s", stderr, pdf)
	}
	if now, _ := os.ReadFile(epub); !bytes.Equal(now, append(old, "old"...)) {
		t.Error("the old EPUB was replaced")
	}
	if st, _ := os.Stat(epub); st.Mode().Perm() != 0o600 {
		t.Errorf("EPUB mode %v", st.Mode())
	}
	if left := outputs(t, dir); !slices.Equal(left, names) {
		t.Errorf("files %v, want %v", left, names)
	}
}

// TestQuietAndPaths: a successful run lists the files it wrote on stdout;
// -q prints nothing.
func TestQuietAndPaths(t *testing.T) {
	tests := []struct {
		flags []string
		paths bool
	}{
		{nil, true},
		{[]string{"-v"}, true},
		{[]string{"-q"}, false},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		code, stdout, stderr := offprint(t, "", append(tt.flags, "-o", dir)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", tt.flags, code, stderr)
		}
		var want string
		if tt.paths {
			for _, name := range outputs(t, dir) {
				want += filepath.Join(dir, name) + "\n"
			}
		}
		if stdout != want {
			t.Errorf("%v: stdout %q, want %q", tt.flags, stdout, want)
		}
		if slices.Contains(tt.flags, "-q") && stderr != "" {
			t.Errorf("-q: stderr %q", stderr)
		}
	}
}
