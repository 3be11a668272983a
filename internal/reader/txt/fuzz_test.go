package txt

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader/limits"
)

// FuzzRead checks that Read never panics, that an article it returns
// validates, that it fails only with its sentinel errors, and that it is
// deterministic.
func FuzzRead(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil {
		f.Fatal(err)
	}
	for _, dir := range []string{"edge", "bad"} {
		more, _ := filepath.Glob(filepath.Join(corpus, dir, "*"))
		files = append(files, more...)
	}
	for _, name := range files {
		data := readFile(f, strings.TrimPrefix(name, corpus))
		if len(data) > 1<<10 {
			// Small seeds keep the fuzzer quick: it minimizes every input
			// that finds new code, for up to a minute each, and with 64 kB
			// seeds spent its whole run doing so (14 inputs in 20 s).
			data = data[:1<<10]
		}
		f.Add(data)
	}
	f.Add([]byte("Title\n\n> > > > > > > > deep\n\n- a\n- b\n\n1. x\n2. y"))
	f.Add([]byte("T\n\nhttps://a.b/(x) http://"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read(data)
		if err != nil {
			if a != nil {
				t.Fatal("an article with an error")
			}
			for _, e := range []error{ErrEmpty, ErrBinary, ErrEncoding, ErrNoBody, ErrBoilerplate, limits.ErrTooComplex} {
				if errors.Is(err, e) {
					return
				}
			}
			t.Fatalf("unexpected error %v", err)
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("Read returned an invalid article: %v", err)
		}
		for _, s := range []string{a.Meta.Title, a.BodyText()} {
			if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\x00") {
				t.Fatalf("bad text %q", s)
			}
		}
		b, _ := Read(bytes.Clone(data))
		if describeAll(a) != describeAll(b) {
			t.Fatal("Read is not deterministic")
		}
	})
}

func describeAll(a *article.Article) string {
	m := a.Meta
	return strings.Join(append([]string{m.Title, m.Subtitle, m.SiteName, m.Section, m.Language, m.Date.String(),
		strings.Join(m.Authors, "|")}, describe(a.Blocks)...), "\n")
}

func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"csto-summit-bishkek.txt", "night-library.txt", "edge/longword.txt"} {
		data := readFile(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadPathological reads inputs built to find work that grows
// faster than the input: each should take time in proportion to its size.
func BenchmarkReadPathological(b *testing.B) {
	const n = 20000
	cases := []struct{ name, doc string }{
		{"related heads", "T\n\n" + strings.Repeat("Related\n", n) + "A sentence."},
		{"share column", "T\n\nBody.\n" + strings.Repeat("Facebook\n", n) + "Share"},
		{"schemes", "T\n\n" + strings.Repeat("http://", n) + "\n\n" + strings.Repeat("http://a ", n)},
		{"dialogue", "T\n\n" + strings.Repeat("— a — b\n", n)},
		{"headings", "T\n\n" + strings.Repeat("Short line\n\n", n)},
		{"continued lines", "T\n\n" + strings.Repeat("a,\n", n)},
		{"wrapped lines", "T\n\n" + strings.Repeat("the quick brown fox jumps over the lazy dog again and\n", n)},
		{"teasers", "T\n\nText.\n\n" + strings.Repeat("Read also:\nHeadline\n", n) + "Text."},
		{"quotes", "T\n\n" + strings.Repeat("> ", n) + "x"},
	}
	for _, c := range cases {
		data := []byte(c.doc)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Read(data)
			}
		})
	}
}
