package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEdgeInputsConvert converts every edge-case corpus file and checks that
// its text arrives intact and escaped in the EPUB (whose XHTML must parse;
// typographic refinement folded back)
// and that both outputs were written.
func TestEdgeInputsConvert(t *testing.T) {
	tests := []struct {
		file string
		want []string // texts that must appear in the EPUB's XHTML text
	}{
		{"injection.txt", []string{`</p><p class="evil">`, `<![CDATA[ x ]]>`, `&amp; &nbsp; &#x41;`, `< 3`, `backslash \`, `100%`}},
		{"longword.txt", []string{strings.Repeat("x", 20000)}},
		{"crlf-bom.txt", []string{"Outcomes of the CSTO Summit in Bishkek", "Наталья Маркова"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			dir := t.TempDir()
			if code, _, stderr := offprint(t, "", "-q", "-o", dir, filepath.Join(corpus, "edge", tt.file)); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			epubs, _ := filepath.Glob(filepath.Join(dir, "*.epub"))
			pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
			if len(epubs) != 1 || len(pdfs) != 1 {
				t.Fatalf("want one epub and one pdf, got %v %v", epubs, pdfs)
			}
			if st, err := os.Stat(pdfs[0]); err != nil || st.Size() == 0 {
				t.Fatalf("empty PDF: %v", err)
			}
			text := strings.Join(strings.Fields(typographic.Replace(epubText(t, epubs[0]))), " ")
			for _, w := range tt.want {
				if !strings.Contains(text, typographic.Replace(w)) {
					t.Errorf("EPUB text lacks %.60q", w)
				}
			}
		})
	}
}
