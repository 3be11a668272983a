package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func FuzzRead(f *testing.F) {
	for _, path := range goldenInputs(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	others, _ := filepath.Glob(filepath.Join(corpus, "*", "*.txt")) // edge and bad cases
	for _, path := range others {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		// Small seeds keep the fuzzer quick: it minimizes every input that
		// finds new code, for up to a minute each.
		f.Add(data[:min(len(data), 1<<10)])
	}
	f.Add([]byte("---\ntitle: [unclosed\n---\n\nx\n"))
	f.Add([]byte("> a\n> — b\n\n* [ ] c\n\n| x |\n|---|\n| y |\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read(data, Options{BaseDir: "testdata/cases"})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "markdown: ") {
				t.Errorf("error without prefix: %v", err)
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Errorf("Read returned an invalid article: %v", err)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(corpus, "reading-offline.md"))
	if err != nil {
		b.Fatal(err)
	}
	// A long article: the corpus body forty times over, with a table and
	// raw HTML in every round.
	_, body, _ := bytes.Cut(data[4:], []byte("\n---\n"))
	long := append([]byte(nil), data...)
	for range 40 {
		long = append(long, body...)
		long = append(long, "\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n<div><p>raw <b>html</b></p></div>\n\n"...)
	}
	for _, bc := range []struct {
		name string
		data []byte
	}{{"corpus", data}, {"long", long}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(bc.data, Options{BaseDir: corpus}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
