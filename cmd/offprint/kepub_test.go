package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/offprint/offprint/internal/kepub"
)

// TestKEPUBFormat: -f kepub writes NAME.kepub.epub, alone or with the other
// formats, for one input and for a bundle; the KEPUB is the EPUB's,
// converted.
func TestKEPUBFormat(t *testing.T) {
	const stem = "outcomes-of-the-csto-summit-in-bishkek-through-the-lens-of"
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"kepub alone", []string{"-f", "kepub"}, []string{stem + ".kepub.epub"}},
		{"all three", []string{"-f", "epub,kepub,pdf"}, []string{stem + ".epub", stem + ".kepub.epub", stem + ".pdf"}},
		{"upper case, repeated", []string{"-f", "KEPUB,epub,kepub"}, []string{stem + ".kepub.epub", stem + ".epub"}},
		{"bundle", []string{"--bundle", "--title", "Week", "-f", "epub,kepub", filepath.Join(corpus, "night-library.txt"), filepath.Join(corpus, "reading-offline.md")},
			[]string{"week.epub", "week.kepub.epub"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			code, stdout, stderr := offprint(t, "", append([]string{"-o", dir}, tc.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var printed []string
			for _, p := range strings.Fields(stdout) {
				printed = append(printed, filepath.Base(p))
			}
			if !slices.Equal(printed, tc.want) {
				t.Errorf("printed %q, want %q", printed, tc.want)
			}
			got := outputs(t, dir)
			want := slices.Sorted(slices.Values(tc.want))
			if !slices.Equal(got, want) {
				t.Errorf("wrote %q, want %q", got, want)
			}
			var ep string
			for _, w := range tc.want {
				if strings.HasSuffix(w, ".epub") && !strings.HasSuffix(w, ".kepub.epub") {
					ep = w
				}
			}
			if ep == "" {
				return
			}
			e, err := os.ReadFile(filepath.Join(dir, ep))
			if err != nil {
				t.Fatal(err)
			}
			k, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(ep, ".epub")+".kepub.epub"))
			if err != nil {
				t.Fatal(err)
			}
			want2, err := kepub.Convert(e)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(k, want2) {
				t.Error("the KEPUB is not the EPUB written beside it, converted")
			}
		})
	}
}

// TestKEPUBFormatUsage: an unknown format is a usage error that names the
// formats, kepub among them.
func TestKEPUBFormatUsage(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := offprint(t, "", "-o", dir, "-f", "kobo")
	if code != exitUsage || !strings.Contains(stderr, "want epub, kepub, pdf") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if got := outputs(t, dir); len(got) != 0 {
		t.Errorf("wrote %q", got)
	}
}
