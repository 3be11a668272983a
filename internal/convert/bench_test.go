package convert

import (
	"io"
	"testing"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/benchdata"
)

// benchCase is a benchmark input: the embedded sample, and the long article
// (the sample's body repeated benchdata.LongRepeat times) as Markdown.
type benchCase struct {
	name string
	in   Input
}

func benchCases(b *testing.B) []benchCase {
	long, err := benchdata.Markdown(benchdata.LongRepeat)
	if err != nil {
		b.Fatal(err)
	}
	return []benchCase{
		{"sample", Sample()},
		{"long", Input{Name: "long.md", Data: long}},
	}
}

// BenchmarkRead reads each input into the model (reader, overrides,
// typographic refinement, validation).
func BenchmarkRead(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.in.Data)))
			for b.Loop() {
				if _, err := Read(c.in, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEPUB renders each article as an EPUB with its generated cover,
// into memory.
func BenchmarkEPUB(b *testing.B) {
	benchRender(b, EPUB)
}

// BenchmarkPDF renders each article as an A4 PDF, into memory.
func BenchmarkPDF(b *testing.B) {
	benchRender(b, PDF)
}

func benchRender(b *testing.B, format string) {
	for _, c := range benchCases(b) {
		a, err := Read(c.in, Options{})
		if err != nil {
			b.Fatal(err)
		}
		coll := article.Single(a)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				render, err := collectionRenderer(format, coll, Options{}, nil)
				if err == nil {
					err = render(io.Discard)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkConvert is the whole conversion of each input: reading, then
// both formats with a cover rendered at the same time and written to disk.
func BenchmarkConvert(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			opt := Options{OutDir: b.TempDir(), Force: true}
			for b.Loop() {
				if _, err := Convert(c.in, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
