//go:build unix

package convert

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
)

// stageAt stages data as final.
func stageAt(t *testing.T, final, data string) pending {
	t.Helper()
	p, err := stage(final, func(w io.Writer) error { _, err := io.WriteString(w, data); return err })
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// dirState reads every entry of dir: files by content, folders as "<dir>".
func dirState(t *testing.T, dir string) map[string]string {
	t.Helper()
	st := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			st[e.Name()] = "<dir>"
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		st[e.Name()] = string(b)
	}
	return st
}

func sameState(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestForceFailureChangesNothing: a --force commit that cannot place every
// output leaves every old file as it was, and no temporary file.
func TestForceFailureChangesNothing(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(dir string)
		failAt  int    // the rename that fails (1-based), 0 for none
		wantErr string // in the message
	}{
		{"pdf is a folder", func(dir string) {
			os.WriteFile(filepath.Join(dir, "t.epub"), []byte("old epub"), 0o644)
			os.Mkdir(filepath.Join(dir, "t.pdf"), 0o755)
		}, 0, "t.pdf: is a directory"},
		{"epub is a folder", func(dir string) {
			os.Mkdir(filepath.Join(dir, "t.epub"), 0o755)
			os.WriteFile(filepath.Join(dir, "t.pdf"), []byte("old pdf"), 0o644)
		}, 0, "t.epub: is a directory"},
		{"second rename fails", func(dir string) {
			os.WriteFile(filepath.Join(dir, "t.epub"), []byte("old epub"), 0o644)
			os.WriteFile(filepath.Join(dir, "t.pdf"), []byte("old pdf"), 0o644)
		}, 2, "t.pdf: read-only file system"},
		{"second rename fails, first new", func(dir string) {
			os.WriteFile(filepath.Join(dir, "t.pdf"), []byte("old pdf"), 0o644)
		}, 2, "t.pdf: read-only file system"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(dir)
			before := dirState(t, dir)
			if tt.failAt > 0 {
				n := 0
				rename = func(from, to string) error {
					if n++; n == tt.failAt {
						return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EROFS}
					}
					return os.Rename(from, to)
				}
				defer func() { rename = os.Rename }()
			}
			ps := []pending{stageAt(t, filepath.Join(dir, "t.epub"), "new epub"), stageAt(t, filepath.Join(dir, "t.pdf"), "new pdf")}
			err := commit(ps, true)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("commit: %v, want an error with %q", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), ".tmp") {
				t.Errorf("message names a temporary file: %v", err)
			}
			if after := dirState(t, dir); !sameState(before, after) {
				t.Errorf("folder changed:\n before %v\n after  %v", before, after)
			}
		})
	}
}

// TestErrorsNameOutputs: a failure to create or write an output names the
// output, never its temporary file.
func TestErrorsNameOutputs(t *testing.T) {
	dir := t.TempDir()
	final := filepath.Join(dir, "missing", "t.epub")
	_, err := stage(final, func(io.Writer) error { return nil })
	if err == nil || err.Error() != final+": no such file or directory" {
		t.Errorf("stage in a missing folder: %v, want %q", err, final+": no such file or directory")
	}
	final = filepath.Join(dir, "t.epub")
	_, err = stage(final, func(w io.Writer) error {
		return &os.PathError{Op: "write", Path: w.(*os.File).Name(), Err: syscall.ENOSPC}
	})
	if err == nil || err.Error() != final+": no space left on device" {
		t.Errorf("stage that cannot write: %v", err)
	}
	if left := dirState(t, dir); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestOutputMode: a new output gets 0666 less the umask; a replaced one
// keeps its mode.
func TestOutputMode(t *testing.T) {
	tests := []struct {
		umask    int
		existing os.FileMode // 0: none
		want     os.FileMode
	}{
		{0o022, 0, 0o644},
		{0o077, 0, 0o600},
		{0o002, 0, 0o664},
		{0o022, 0o600, 0o600},
		{0o077, 0o640, 0o640},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		final := filepath.Join(dir, "t.epub")
		if tt.existing != 0 {
			os.WriteFile(final, []byte("old"), tt.existing)
			os.Chmod(final, tt.existing)
		}
		old := syscall.Umask(tt.umask)
		p := stageAt(t, final, "new")
		syscall.Umask(old)
		if err := commit([]pending{p}, true); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(final)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got != tt.want {
			t.Errorf("umask %03o, existing %03o: mode %03o, want %03o", tt.umask, tt.existing, got, tt.want)
		}
	}
}

// TestSweep: the first write of a run into a folder removes offprint's
// own stale temporary files, old pattern and new, and nothing else.
func TestSweep(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	files := map[string]bool{ // name: removed
		".t.epub.123456.tmp":                  true,
		".t.pdf.offprint-0a1b2c3d4e5f.tmp":    true,
		".notes.txt.123.tmp":                  false, // not an output's
		".t.epub.tmp":                         false,
		"t.epub.123.tmp":                      false, // not hidden
		".t.epub.offprint-zz.tmp":             false,
		".fresh.epub.offprint-00aa.tmp":       false, // newer than the run
		".locked.epub.offprint-00bb.tmp":      false, // a run under way holds it
		".other-tool.pdf.offprint-beef.other": false,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("x"), 0o644)
		if !strings.HasPrefix(name, ".fresh") {
			os.Chtimes(p, old, old)
		}
	}
	lock, err := os.Open(filepath.Join(dir, ".locked.epub.offprint-00bb.tmp"))
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	lockFile(lock)
	n := NewNames()
	n.start = time.Now().Add(-time.Minute)
	n.sweepOnce(dir)
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := errors.Is(err, os.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
}

// TestLoadRefusesNonRegular: a named pipe, a device or a socket fails at
// once with a one-line reason instead of blocking; "-" and /dev/stdin
// read the given standard input.
func TestLoadRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "s.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	tests := []struct{ name, want string }{
		{fifo, "named pipe"},
		{sock, "socket"},
		{"/dev/null", "device"},
		{dir, "is a directory"},
	}
	for _, tt := range tests {
		errc := make(chan error, 1)
		go func() {
			_, err := Load(tt.name, LoadOptions{})
			errc <- err
		}()
		select {
		case err := <-errc:
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load(%s): %v, want %q", tt.name, err, tt.want)
			}
		case <-time.After(20 * time.Second): // hang detector
			t.Fatalf("Load(%s) blocked", tt.name)
		}
	}
	for _, name := range []string{"-", "/dev/stdin"} {
		in, err := Load(name, LoadOptions{Stdin: strings.NewReader("Title\n\nBody.\n")})
		if err != nil || string(in.Data) != "Title\n\nBody.\n" {
			t.Errorf("Load(%s): %q, %v", name, in.Data, err)
		}
	}
}

// TestCancelled: a cancelled context stops reading standard input that
// never ends, and a conversion before it writes anything.
func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	defer pw.Close()
	errc := make(chan error, 1)
	go func() {
		_, err := Load("-", LoadOptions{Stdin: pr, Context: ctx})
		errc <- err
	}()
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Load: %v, want context.Canceled", err)
		}
	case <-time.After(20 * time.Second): // hang detector
		t.Fatal("Load of a silent standard input ignored the cancellation")
	}
	dir := t.TempDir()
	if _, err := Convert(Sample(), Options{OutDir: dir, Context: ctx}); !errors.Is(err, context.Canceled) {
		t.Errorf("Convert: %v, want context.Canceled", err)
	}
	if left := dirState(t, dir); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestRenderersCancelled: each renderer stops when its context is done
// part-way (here: already done when it starts), and nothing is written.
func TestRenderersCancelled(t *testing.T) {
	a, err := Read(Sample(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range KnownFormats {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		opt := Options{Context: ctx, NoCover: true}
		w := &countWriter{}
		c := article.Single(a)
		book := sharedEPUB(c, opt, []string{f}, make([][]string, 1))
		single, err := collectionRenderer(f, c, opt, book)
		if err != nil {
			t.Fatal(err)
		}
		if err := single(w); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v, want context.Canceled", f, err)
		}
		if w.n != 0 {
			t.Errorf("%s: wrote %d bytes after cancellation", f, w.n)
		}
	}
}

type countWriter struct{ n int }

func (w *countWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }
