package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exportOne converts args into a fresh folder and returns the bytes of each
// output by extension.
func exportOne(t *testing.T, stdin string, args ...string) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	code, _, stderr := offprint(t, stdin, append([]string{"-q", "-o", dir}, args...)...)
	if code != exitOK {
		t.Fatalf("offprint %v: exit %d: %s", args, code, stderr)
	}
	out := map[string][]byte{}
	for _, name := range outputs(t, dir) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Ext(name)] = data
	}
	if len(out) != 2 {
		t.Fatalf("want an .epub and a .pdf, got %v", outputs(t, dir))
	}
	return out
}

func sameOutputs(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	for ext, data := range a {
		if !bytes.Equal(data, b[ext]) {
			t.Errorf("%s outputs differ (%d vs %d bytes)", ext, len(data), len(b[ext]))
		}
	}
}

// TestURLInputMatchesFile serves a saved page over HTTP on localhost and
// checks that it converts to the same bytes as the file it came from.
func TestURLInputMatchesFile(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(corpus, "river-tram-cp1251.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.UserAgent(), "offprint/") {
			t.Errorf("User-Agent %q", r.UserAgent())
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	}))
	defer srv.Close()
	fromFile := exportOne(t, "", filepath.Join(corpus, "river-tram-cp1251.html"))
	fromURL := exportOne(t, "", "--allow-private", srv.URL+"/river-tram.html") // the server is on loopback
	sameOutputs(t, fromFile, fromURL)
}

func TestStdinMatchesFile(t *testing.T) {
	for _, f := range []string{"night-library.txt", "reading-offline.md", "river-tram-cp1251.html"} {
		t.Run(f, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(corpus, f))
			if err != nil {
				t.Fatal(err)
			}
			fromFile := exportOne(t, "", filepath.Join(corpus, f))
			// Sniffed, then told: both must give the file's result. The
			// Markdown image resolves against the working folder for
			// standard input, so run from the corpus folder.
			wd, _ := os.Getwd()
			if err := os.Chdir(corpus); err != nil {
				t.Fatal(err)
			}
			defer os.Chdir(wd)
			sameOutputs(t, fromFile, exportOne(t, string(data), "-"))
			sameOutputs(t, fromFile, exportOne(t, string(data), "--from", strings.TrimPrefix(filepath.Ext(f), "."), "-"))
		})
	}
}

func TestEncodingFlag(t *testing.T) {
	f := filepath.Join(corpus, "bad", "latin1.txt")
	code, _, stderr := offprint(t, "", "-o", t.TempDir(), f)
	if code != exitInput || !strings.Contains(stderr, "at byte 3") || !strings.Contains(stderr, "--encoding") {
		t.Errorf("without --encoding: exit %d, %q", code, stderr)
	}
	dir := t.TempDir()
	if code, _, stderr := offprint(t, "", "-o", dir, "--encoding", "iso-8859-1", f); code != exitOK {
		t.Fatalf("with --encoding: exit %d: %s", code, stderr)
	}
	epubs, _ := filepath.Glob(filepath.Join(dir, "*.epub"))
	if len(epubs) != 1 {
		t.Fatalf("outputs: %v", outputs(t, dir))
	}
	if text := epubText(t, epubs[0]); !strings.Contains(text, "Café society in Lisbon") || !strings.Contains(text, "The cafés of the Baixa") {
		t.Errorf("Latin-1 text not converted:\n%s", text)
	}
}

func TestOverrides(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := offprint(t, "", "-v", "-o", dir, "-f", "epub",
		"--title", "Another Title", "--author", "Ann One", "--author", "Bob Two",
		"--lang", "de", "--section", "Kultur", "--date", "2024-02-29", "--rights", "CC0",
		"--source", "https://example.org/a", filepath.Join(corpus, "night-library.txt"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := filepath.Join(dir, "another-title.epub") + "\n"; stdout != want {
		t.Fatalf("stdout %q, want %q", stdout, want)
	}
	opf := epubEntry(t, filepath.Join(dir, "another-title.epub"), ".opf")
	for _, want := range []string{">Another Title<", ">Ann One<", ">Bob Two<", ">de<", ">CC0<", "https://example.org/a", "2024-02-29"} {
		if !strings.Contains(opf, want) {
			t.Errorf("package document lacks %q", want)
		}
	}
}
