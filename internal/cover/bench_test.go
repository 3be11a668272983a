package cover

import (
	"fmt"
	"io"
	"testing"
)

// BenchmarkRender measures a whole cover, drawn and encoded, for the
// sample at the default size, in both formats and at a smaller size.
func BenchmarkRender(b *testing.B) {
	for _, opt := range []Options{
		{},
		{Width: 1200, Height: 1920},
		{Format: "jpeg"},
		{Format: "jpeg", Width: 1200, Height: 1920},
	} {
		w, h := opt.size()
		b.Run(fmt.Sprintf("%s-%dx%d", opt.format(), w, h), func(b *testing.B) {
			m := &metas[0].meta
			b.ReportAllocs()
			for b.Loop() {
				if err := Render(io.Discard, m, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImage measures drawing alone, for every test cover.
func BenchmarkImage(b *testing.B) {
	for _, tc := range metas {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Image(&tc.meta, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
