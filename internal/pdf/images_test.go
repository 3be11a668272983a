package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

func encoded(t *testing.T, enc func(*bytes.Buffer, image.Image) error, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := enc(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImages embeds every image type gofpdf can take, converts the others,
// scales a tall image to the page, and replaces an unreadable one with a
// box and a warning.
func TestImages(t *testing.T) {
	webp, err := os.ReadFile("testdata/tiny.webp")
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	deep := image.NewRGBA64(image.Rect(0, 0, 40, 30))
	tall := image.NewGray(image.Rect(0, 0, 50, 3000))
	for y := range 30 {
		for x := range 40 {
			rgba.Set(x, y, color.NRGBA{uint8(x * 6), uint8(y * 8), 128, 200})
			deep.Set(x, y, color.RGBA64{uint16(x * 1600), 0, 40000, 65535})
		}
	}
	pal := image.NewPaletted(image.Rect(0, 0, 20, 20), []color.Color{color.White, color.Black})
	pngEnc := func(b *bytes.Buffer, i image.Image) error { return png.Encode(b, i) }
	cases := []struct {
		name, typ string
		data      []byte
		ok        bool
	}{
		{"alpha.png", "image/png", encoded(t, pngEnc, rgba), true},
		{"16bit.png", "image/png", encoded(t, pngEnc, deep), true},
		{"tall.png", "image/png", encoded(t, pngEnc, tall), true},
		{"photo.jpg", "image/jpeg", encoded(t, func(b *bytes.Buffer, i image.Image) error { return jpeg.Encode(b, i, nil) }, rgba), true},
		{"anim.gif", "image/gif", encoded(t, func(b *bytes.Buffer, i image.Image) error { return gif.Encode(b, i, nil) }, pal), true},
		{"tiny.webp", "image/webp", webp, true},
		{"drawing.svg", "image/svg+xml", []byte("<svg xmlns='http://www.w3.org/2000/svg'/>"), false},
		{"broken.png", "image/png", []byte("\x89PNG\r\n\x1a\nnot really"), false},
	}
	a := &article.Article{Meta: article.Meta{Title: "Pictures", Language: "en"}}
	for _, c := range cases {
		a.Blocks = append(a.Blocks, &article.Image{Data: c.data, MediaType: c.typ, Alt: "alt of " + c.name,
			Caption: article.Plain("Caption of " + c.name), Source: c.name})
	}
	var warns []string
	opt := Options{Paper: EReader, Warn: func(s string) { warns = append(warns, s) }}
	l, err := layoutRecorded(a, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.images) != 6 {
		t.Errorf("%d images laid out, want 6", len(l.images))
	}
	for _, pg := range l.pages {
		for _, it := range pg.items {
			if it.kind == kImage && (it.h > l.g.height()+0.01 || it.w > l.g.width()+0.01 || it.x < l.g.left-0.01) {
				t.Errorf("image %s is %.1f × %.1f, beyond the text block", it.image.name, it.w, it.h)
			}
		}
	}
	path, _ := renderFile(t, a, opt)
	if d := os.Getenv("OFFPRINT_PDF_OUT"); d != "" {
		data, _ := os.ReadFile(path)
		os.WriteFile(d+"/images.pdf", data, 0o644)
	}
	if len(warns) != 2 || !strings.Contains(warns[0], "drawing.svg") || !strings.Contains(warns[1], "broken.png") {
		t.Errorf("warnings: %q", warns)
	}
	run(t, "qpdf", "--check", path)
	text := fold(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for _, c := range cases {
		if !strings.Contains(text, "Caption of "+c.name) {
			t.Errorf("caption of %s missing", c.name)
		}
		if !c.ok && !strings.Contains(text, "[alt of "+c.name+"]") {
			t.Errorf("alt text of the missing %s not shown", c.name)
		}
	}
	if imgs := run(t, "pdfimages", "-list", path); strings.Count(imgs, "\n") < 2+6 {
		t.Errorf("pdfimages lists too few images:\n%s", imgs)
	}
}
