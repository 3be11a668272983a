package batch

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// inputExts is the kind of list the command line passes.
var inputExts = []string{".txt", ".text", "md", ".markdown", ".HTML", ".htm"}

// tree creates files (with their folders) under a new temporary folder and
// returns it.
func tree(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if f[len(f)-1] == '/' {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestExpand(t *testing.T) {
	root := tree(t,
		"a.md", "B.TXT", "c.png", "notes", ".hidden.md", ".git/HEAD.txt",
		"sub/d.html", "sub/e.htm", "sub/.cache/f.md", "sub/deeper/g.markdown",
		"empty/", "z.text",
	)
	if err := os.Symlink(filepath.Join(root, "sub/d.html"), filepath.Join(root, "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "sub"), filepath.Join(root, "dirlink.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "nowhere.md"), filepath.Join(root, "broken.md")); err != nil {
		t.Fatal(err)
	}
	j := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }

	args := []string{
		j("a.md"), "-", "https://example.org/a?b=1", j("notes"),
		root,
		"missing.txt", "-", "https://example.org/a?b=1",
		root + "/./a.md", j("sub"), j(".hidden.md"), j("sub/.cache"),
	}
	got, err := Expand(args, inputExts)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		j("a.md"), "-", "https://example.org/a?b=1", j("notes"),
		j("B.TXT"), j("link.md"), j("sub/d.html"), j("sub/deeper/g.markdown"), j("sub/e.htm"), j("z.text"),
		"missing.txt", j(".hidden.md"), j("sub/.cache/f.md"),
	}
	if !slices.Equal(got, want) {
		t.Errorf("Expand:\n got %q\nwant %q", got, want)
	}
}

func TestExpandRelative(t *testing.T) {
	root := tree(t, "in/a.md", "in/b.txt")
	t.Chdir(root)
	got, err := Expand([]string{"in", "./in/b.txt", "in/a.md"}, inputExts)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"in/a.md", "in/b.txt"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestExpandNoInputs(t *testing.T) {
	root := tree(t, "empty/", "pictures/a.png", "pictures/.b.md")
	for _, dir := range []string{"empty", "pictures"} {
		_, err := Expand([]string{filepath.Join(root, dir)}, inputExts)
		if !errors.Is(err, ErrNoInputs) {
			t.Errorf("Expand(%s) error %v, want ErrNoInputs", dir, err)
		}
	}
	if got, err := Expand(nil, inputExts); err != nil || len(got) != 0 {
		t.Errorf("Expand(nil) = %q, %v", got, err)
	}
}

func TestExpandUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder")
	}
	root := tree(t, "a.md", "locked/b.md")
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	if _, err := Expand([]string{root}, inputExts); err == nil || !errors.Is(err, os.ErrPermission) {
		t.Errorf("error %v, want permission denied", err)
	}
}

func TestIsURL(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"https://example.org/", true},
		{"HTTP://EXAMPLE.ORG", true},
		{"git+ssh://host/x", true},
		{"://x", false},
		{"a b://x", false},
		{"1http://x", false},
		{"dir/http://x", false},
		{`C:\articles\a.md`, false},
		{"-", false},
		{"article.md", false},
	}
	for _, tt := range tests {
		if got := isURL(tt.s); got != tt.want {
			t.Errorf("isURL(%q) = %v", tt.s, got)
		}
	}
}
