package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestOffline checks that --offline reaches no network: a URL input fails
// with one line and no output, and a saved page whose picture is on a
// (loopback, allowed) server converts without it, with one warning.
func TestOffline(t *testing.T) {
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		http.NotFound(w, r)
	}))
	defer srv.Close()
	page := `<html><head><title>The ferry</title></head><body><article><p>` +
		strings.Repeat("The ferry crosses the river twice an hour, and the pier is busy all day. ", 6) +
		`</p><figure><img src="` + srv.URL + `/pier.jpg" alt="The pier"><figcaption>The pier at dawn</figcaption></figure></article></body></html>`
	dir := t.TempDir()
	name := filepath.Join(dir, "page.html")
	if err := os.WriteFile(name, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		stderr  string
		outputs int
	}{
		{"URL", []string{"--offline", "--allow-private", srv.URL + "/story"}, exitInput, "offline: a URL needs the network (--offline)", 0},
		{"saved page", []string{"--offline", "--allow-private", name}, exitOK, "1 remote image(s) left out: not fetched (offline)", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			code, _, stderr := offprint(t, "", append([]string{"-o", out}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want %d and one line with %q", code, stderr, tt.code, tt.stderr)
			}
			if n := len(outputs(t, out)); n != tt.outputs {
				t.Errorf("%d outputs, want %d", n, tt.outputs)
			}
		})
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("%d requests with --offline", n)
	}
	// Without --offline the saved page's picture is asked for.
	if code, _, stderr := offprint(t, "", "-q", "--allow-private", "-o", t.TempDir(), name); code != exitOK || requests.Load() != 1 {
		t.Errorf("exit %d (%s), %d requests; want the picture asked for once", code, stderr, requests.Load())
	}
}
