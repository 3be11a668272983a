package device

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func mkdirs(t *testing.T, root string, dirs ...string) string {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name     string
		dirs     []string
		kind     Kind
		koreader bool
		books    string
		formats  string
	}{
		{"Kobo", []string{".kobo"}, Kobo, false, "", "kepub epub"},
		{"Kobo with KOReader", []string{".kobo", ".adds/koreader"}, Kobo, true, "", "kepub epub"},
		{"Kindle", []string{"documents", "system"}, Kindle, false, "documents", "pdf"},
		{"Kindle with KOReader", []string{"documents", "system", "koreader"}, Kindle, true, "documents", "epub pdf"},
		{"PocketBook", []string{"system/explorer-3"}, PocketBook, false, "", "epub pdf"},
		{"PocketBook with Books", []string{"system/explorer-2", "Books"}, PocketBook, false, "Books", "epub pdf"},
		{"KOReader", []string{"koreader", "books"}, KOReader, true, "books", "epub pdf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := mkdirs(t, t.TempDir(), tc.dirs...)
			d, err := Detect(root)
			if err != nil {
				t.Fatal(err)
			}
			if d.Kind != tc.kind || d.KOReader != tc.koreader || d.Books != filepath.Join(root, tc.books) || strings.Join(d.Formats(), " ") != tc.formats {
				t.Errorf("got %+v %v", d, d.Formats())
			}
		})
	}
	if _, err := Detect(mkdirs(t, t.TempDir(), "system", "music")); !errors.Is(err, ErrNotDevice) {
		t.Errorf("plain folder: %v, want ErrNotDevice", err)
	}
	if _, err := Detect(filepath.Join(t.TempDir(), "gone")); err == nil {
		t.Error("a missing folder is a device")
	}
}

func TestFind(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	mkdirs(t, filepath.Join(a, "KOBOeReader"), ".kobo")
	mkdirs(t, filepath.Join(a, "stick"), "photos")
	mkdirs(t, filepath.Join(b, "Kindle"), "documents", "system")
	devs, err := Find([]string{filepath.Join(a, "missing"), a, b, a})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range devs {
		got = append(got, d.Describe())
	}
	want := []string{"Kobo at " + filepath.Join(a, "KOBOeReader"), "Kindle at " + filepath.Join(b, "Kindle")}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("found %q, want %q", got, want)
	}
	roots := MountRoots(func(k string) string { return map[string]string{"USER": "ann"}[k] })
	if strings.Join(roots, " ") != "/media/ann /run/media/ann /media /Volumes" {
		t.Errorf("roots %q", roots)
	}
	if roots := MountRoots(func(string) string { return "../x" }); strings.Join(roots, " ") != "/media /Volumes" {
		t.Errorf("a user name with a slash gave %q", roots)
	}
}

func TestChoose(t *testing.T) {
	kobo := &Device{Kind: Kobo}
	if f, err := kobo.Choose([]string{"epub", "kepub", "pdf"}); f != "kepub" || err != nil {
		t.Errorf("Kobo: %q %v", f, err)
	}
	kindle := &Device{Kind: Kindle}
	if _, err := kindle.Choose([]string{"epub", "kepub"}); !errors.Is(err, ErrNoFormat) || !strings.Contains(err.Error(), "--send-to") {
		t.Errorf("Kindle: %v", err)
	}
	if f, err := (&Device{Kind: PocketBook}).Choose([]string{"pdf"}); f != "pdf" || err != nil {
		t.Errorf("PocketBook: %q %v", f, err)
	}
}

func source(t *testing.T, size int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "night-library.kepub.epub")
	if err := os.WriteFile(p, bytes.Repeat([]byte("k"), size), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCopy(t *testing.T) {
	root := mkdirs(t, t.TempDir(), ".kobo")
	d, _ := Detect(root)
	src := source(t, 5000)
	dest, err := d.Copy(src, CopyOptions{})
	if err != nil || dest != filepath.Join(root, "night-library.kepub.epub") {
		t.Fatalf("%q %v", dest, err)
	}
	if b, _ := os.ReadFile(dest); len(b) != 5000 {
		t.Errorf("copied %d bytes", len(b))
	}
	if _, err := d.Copy(src, CopyOptions{}); !errors.Is(err, ErrExists) {
		t.Errorf("again: %v, want ErrExists", err)
	}
	os.WriteFile(src, []byte("new"), 0o644)
	if _, err := d.Copy(src, CopyOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dest); string(b) != "new" {
		t.Errorf("--force left %q", b)
	}
	// A failed rename leaves the old book and no temporary file.
	rename = func(string, string) error { return os.ErrPermission }
	defer func() { rename = os.Rename }()
	os.WriteFile(src, []byte("newer"), 0o644)
	if _, err := d.Copy(src, CopyOptions{Force: true}); err == nil {
		t.Fatal("a failed rename succeeded")
	}
	checkOnly(t, root, ".kobo", "night-library.kepub.epub")
	if b, _ := os.ReadFile(dest); string(b) != "new" {
		t.Errorf("the old book became %q", b)
	}
}

// checkOnly fails unless dir holds exactly names.
func checkOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

// tmpfs mounts a small tmpfs at a new folder, or skips the test with the
// reason.
func tmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// TestFull: a book larger than the free space is refused before anything
// is written.
func TestFull(t *testing.T) {
	root := mkdirs(t, tmpfs(t, "256k"), "documents", "system")
	d, err := Detect(root)
	if err != nil {
		t.Fatal(err)
	}
	_, err = d.Copy(source(t, 400_000), CopyOptions{})
	if !errors.Is(err, ErrFull) || !strings.Contains(err.Error(), "free") {
		t.Fatalf("err %v, want ErrFull", err)
	}
	checkOnly(t, filepath.Join(root, "documents"))
	if _, err := d.Copy(source(t, 10_000), CopyOptions{}); err != nil {
		t.Errorf("a small book: %v", err)
	}
}

// TestReadOnly: a device mounted read-only is said to be so; nothing is
// left on it.
func TestReadOnly(t *testing.T) {
	root := mkdirs(t, tmpfs(t, "1m"), ".kobo")
	if out, err := exec.Command("mount", "-o", "remount,ro", root).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only (%v: %s)", err, out)
	}
	d, err := Detect(root)
	if err != nil {
		t.Fatal(err)
	}
	_, err = d.Copy(source(t, 100), CopyOptions{})
	if err == nil || !strings.Contains(err.Error(), "mounted read-only") {
		t.Fatalf("err %v, want read-only", err)
	}
	checkOnly(t, root, ".kobo")
}
