package epub

import (
	"bytes"
	"errors"
	"image"
	"testing"
)

// TestPrepareImage checks the book's use of picture.Fit (tested there):
// core types of at most MaxImageEdge pixels are kept as they are, the rest
// is scaled to MaxImageEdge and converted to PNG or JPEG.
func TestPrepareImage(t *testing.T) {
	imgs := testImages(t)
	for _, c := range []struct {
		kind          string
		mediaType     string
		width, height int
		same          bool // the original bytes are kept
	}{
		{"png", "image/png", 64, 48, true},
		{"jpeg", "image/jpeg", 64, 48, true},
		{"gif", "image/gif", 64, 48, true},
		{"big", "image/jpeg", 1600, 800, false},
		{"webp", "image/jpeg", 150, 100, false},
		{"webp-lossless", "image/png", 75, 100, false},
	} {
		data, mediaType, w, h, err := prepareImage(imgs[c.kind], MaxImageEdge)
		if err != nil {
			t.Errorf("%s: %v", c.kind, err)
			continue
		}
		if mediaType != c.mediaType || w != c.width || h != c.height || bytes.Equal(data, imgs[c.kind]) != c.same {
			t.Errorf("%s: %s %d×%d (same bytes %v), want %s %d×%d (%v)", c.kind, mediaType, w, h,
				bytes.Equal(data, imgs[c.kind]), c.mediaType, c.width, c.height, c.same)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || "image/"+format != mediaType || cfg.Width != w || cfg.Height != h {
			t.Errorf("%s: output is %s %d×%d (%v)", c.kind, format, cfg.Width, cfg.Height, err)
		}
	}
	for _, bad := range [][]byte{nil, []byte("<svg/>"), []byte("GIF89a"), imgs["png"][:20]} {
		if _, _, _, _, err := prepareImage(bad, MaxImageEdge); !errors.Is(err, errUnsupportedImage) {
			t.Errorf("%q: error %v", bad, err)
		}
	}
}
