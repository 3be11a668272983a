package picture

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

func TestCheck(t *testing.T) {
	small := gradient(64, 48, false)
	pngData := encoded(t, "png", small)
	gifZero := []byte("GIF89a\x00\x00\x00\x00\x00\x00\x00;") // a logical screen of 0×0
	tests := []struct {
		name      string
		data      []byte
		maxBytes  int64
		mediaType string
		w, h      int
		err       string // a part of the error; empty: accepted
	}{
		{"png", pngData, 0, "image/png", 64, 48, ""},
		{"jpeg", encoded(t, "jpeg", small), 1 << 20, "image/jpeg", 64, 48, ""},
		{"gif", encoded(t, "gif", paletted(5, 7)), 0, "image/gif", 5, 7, ""},
		{"webp lossy", testFile(t, "blue-purple-pink.lossy.webp"), 0, "image/webp", 150, 100, ""},
		{"webp lossless", testFile(t, "gopher-doc.with-alpha.lossless.webp"), 0, "image/webp", 75, 100, ""},
		{"48 MP photograph (header)", pngHeader(8064, 6048), 0, "image/png", 8064, 6048, ""},
		{"at the byte limit", pngData, int64(len(pngData)), "image/png", 64, 48, ""},

		{"empty", nil, 0, "", 0, 0, "empty"},
		{"over the byte limit", pngData, int64(len(pngData)) - 1, "", 0, 0, "over the limit of"},
		{"text", []byte("just text, not an image\n"), 0, "", 0, 0, "text/plain is not an image format offprint embeds"},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`), 0, "", 0, 0, "SVG is not an image format"},
		{"binary", []byte{0, 1, 2, 3, 4, 5}, 0, "", 0, 0, "the data is not an image format"},
		{"bmp", []byte("BM\x1e\x00\x00\x00\x00\x00\x00\x00\x1a\x00\x00\x00\x0c\x00\x00\x00\x01\x00\x01\x00\x01\x00\x18\x00\xff\xff\xff\x00"), 0, "", 0, 0, "image/bmp is not an image format"},
		{"truncated header", pngData[:20], 0, "", 0, 0, "not a readable PNG image"},
		{"png bomb 30000×30000", pngHeader(30000, 30000), 0, "", 0, 0, "30000×30000 pixels, over the limit of 50 megapixels"},
		{"png bomb 10000×10000", pngHeader(10000, 10000), 0, "", 0, 0, "10000×10000 pixels, over the limit of 50 megapixels"},
		{"one pixel over", pngHeader(MaxPixels+1, 1), 0, "", 0, 0, "over the limit of 50 megapixels"},
		{"no pixels", gifZero, 0, "", 0, 0, "0×0 pixels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Check(tt.data, tt.maxBytes)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want …%s…", err, tt.err)
				}
				if img.Data != nil {
					t.Error("data returned with an error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if img.MediaType != tt.mediaType || img.Width != tt.w || img.Height != tt.h || !bytes.Equal(img.Data, tt.data) {
				t.Errorf("got %s %d×%d, want %s %d×%d", img.MediaType, img.Width, img.Height, tt.mediaType, tt.w, tt.h)
			}
		})
	}
}

// TestCheckReadsHeaderOnly checks that a bomb is refused without its
// pixels being decoded: almost nothing is allocated.
func TestCheckReadsHeaderOnly(t *testing.T) {
	data := pngHeader(30000, 30000)
	if a := testing.AllocsPerRun(10, func() { _, _ = Check(data, 0) }); a > 50 {
		t.Errorf("%v allocations", a)
	}
	// A 2×2 PNG whose pixel data is that of a 1×1 image passes: Check
	// does not decode. Fit, which reads every image it keeps to its end,
	// refuses it.
	var img = image.NewNRGBA(image.Rect(0, 0, 1, 1))
	d := encoded(t, "png", img)
	copy(d, pngHeader(2, 2)) // same length: signature and IHDR chunk
	if _, err := Check(d, 0); err != nil {
		t.Error(err)
	}
	if err := Fit(&article.Image{Data: d}, Options{}); err == nil || !strings.Contains(err.Error(), "not enough pixel data") {
		t.Errorf("Fit: %v", err)
	}
}

func TestSupported(t *testing.T) {
	for mt, want := range map[string]bool{
		"image/png": true, "image/jpeg": true, "image/gif": true, "image/webp": true,
		" Image/WebP ": true, "image/png; q=1": true,
		"image/avif": false, "image/svg+xml": false, "image/bmp": false, "": false, "text/html": false,
	} {
		if got := Supported(mt); got != want {
			t.Errorf("Supported(%q) = %v", mt, got)
		}
	}
}
