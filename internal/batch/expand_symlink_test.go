package batch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestExpandSymlinksStayInside: a folder walk follows a symbolic link only
// when it leads to a file inside the folder given; a link out of it (to
// /etc/passwd, or to a file beside the folder) is left out, however it is
// spelt (absolute, relative, through a chain of links). A file named on the
// command line is the user's choice and passes whatever it links to.
func TestExpandSymlinksStayInside(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "in")
	for _, d := range []string{root, filepath.Join(root, "sub"), filepath.Join(base, "outside")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "a.md"))
	write(filepath.Join(root, "sub", "b.txt"))
	write(filepath.Join(base, "outside", "secret.txt"))
	write(filepath.Join(base, "in-sibling.txt")) // shares the folder's name as a prefix
	links := map[string]string{
		"passwd.txt":      "/etc/passwd",
		"abs-out.txt":     filepath.Join(base, "outside", "secret.txt"),
		"rel-out.txt":     "../outside/secret.txt",
		"prefix-out.txt":  "../in-sibling.txt",
		"sub/deep-out.md": "../../outside/secret.txt",
		"chain-out.md":    "chain-hop.lnk", // inside, then out
		"chain-hop.lnk":   "../outside/secret.txt",
		"in-abs.md":       filepath.Join(root, "sub", "b.txt"),
		"in-rel.md":       "sub/b.txt",
		"sub/in-up.txt":   "../a.md",
		"chain-in.md":     "in-rel.md",
		"dir-out.md":      "../outside",
		"outside-dir/":    "../outside", // a linked folder is not walked
		"loop.md":         "loop.md",
		"broken.md":       "nowhere.md",
	}
	for name, target := range links {
		p := filepath.Join(root, filepath.FromSlash(name))
		if name[len(name)-1] == '/' {
			p = p[:len(p)-1]
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	j := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	want := []string{j("a.md"), j("chain-in.md"), j("in-abs.md"), j("in-rel.md"), j("sub/b.txt"), j("sub/in-up.txt")}

	// The folder given directly, through a link to it, and as a relative
	// path.
	linkedRoot := filepath.Join(base, "linked")
	if err := os.Symlink(root, linkedRoot); err != nil {
		t.Fatal(err)
	}
	t.Chdir(base)
	for _, arg := range []string{root, linkedRoot, "in", "./in/"} {
		got, err := Expand([]string{arg}, inputExts)
		if err != nil {
			t.Fatal(err)
		}
		w := want
		if arg != root {
			w = make([]string, len(want))
			for i, p := range want {
				rel, _ := filepath.Rel(root, p)
				w[i] = filepath.Join(arg, rel)
			}
		}
		if !slices.Equal(got, w) {
			t.Errorf("Expand(%s):\n got %q\nwant %q", arg, got, w)
		}
	}

	// Named on the command line, links pass through for the job.
	named := []string{j("passwd.txt"), j("rel-out.txt")}
	if got, err := Expand(named, inputExts); err != nil || !slices.Equal(got, named) {
		t.Errorf("Expand(%q) = %q, %v", named, got, err)
	}
}
