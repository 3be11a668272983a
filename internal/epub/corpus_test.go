package epub

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offprint/offprint/internal/reader"
)

// TestCorpus writes every article of the corpus that must convert (all but
// bad/) and checks that the book is well-formed and that every word of the
// article's body reaches the text page.
func TestCorpus(t *testing.T) {
	const dir = "../../testdata/corpus"
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "bad" {
			return filepath.SkipDir
		}
		switch filepath.Ext(p) {
		case ".txt", ".md", ".html":
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("only %d corpus files", len(files))
	}
	for _, f := range files {
		name, _ := filepath.Rel(dir, f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := reader.Read(filepath.Base(f), data, reader.Options{BaseDir: filepath.Dir(f)})
			if err != nil {
				t.Skipf("the reader refuses it: %v", err)
			}
			var buf bytes.Buffer
			if err := Write(&buf, a, Options{Date: testDate}); err != nil {
				t.Fatal(err)
			}
			_, content := entries(t, buf.Bytes())
			for entry, data := range content {
				if strings.HasSuffix(entry, ".xhtml") || strings.HasSuffix(entry, ".opf") || strings.HasSuffix(entry, ".ncx") {
					if err := wellFormed(data); err != nil {
						t.Errorf("%s: %v", entry, err)
					}
				}
			}
			text := xmlText(t, content["EPUB/xhtml/text.xhtml"])
			missing := 0
			for _, word := range strings.Fields(cleanText(a.BodyText())) {
				if !strings.Contains(text, word) {
					if missing++; missing <= 5 {
						t.Errorf("word %q of the article is not on the text page", word)
					}
				}
			}
		})
	}
}

// xmlText returns the character data of an XML document.
func xmlText(t *testing.T, doc []byte) string {
	t.Helper()
	var b strings.Builder
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		if c, ok := tok.(xml.CharData); ok {
			b.Write(c)
		}
	}
}
