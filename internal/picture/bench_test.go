package picture

import (
	"testing"

	"github.com/offprint/offprint/article"
)

// BenchmarkFit measures fitting images to the default 2400 pixels. B/op
// is all the memory a fitting allocates; peak-MB the most of it live at
// once (sampled every millisecond on a first run).
func BenchmarkFit(b *testing.B) {
	for _, bc := range []struct {
		name string
		data func(b *testing.B) []byte
	}{
		{"jpeg-6000x4000", func(b *testing.B) []byte { return encoded(b, "jpeg", gradient(6000, 4000, true)) }},
		{"jpeg-6000x4000-orientation-6", func(b *testing.B) []byte {
			return withOrientation(encoded(b, "jpeg", gradient(6000, 4000, true)), 6, false)
		}},
		{"png-rgb-3000x2000", func(b *testing.B) []byte { return encoded(b, "png", gradient(3000, 2000, true)) }},
		{"png-flood-6000x6000", func(b *testing.B) []byte { return pngFlood(b, 6000, 6000) }},
		{"webp-lossy-400x301", func(b *testing.B) []byte { return testFile(b, "yellow_rose.lossy-with-alpha.webp") }},
		{"jpeg-kept-1600x1000", func(b *testing.B) []byte { return encoded(b, "jpeg", gradient(1600, 1000, true)) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			data := bc.data(b)
			_, peak, _ := fitMemory(b, data)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				img := &article.Image{Data: data}
				if err := Fit(img, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}
