package epub

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

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

func TestFit(t *testing.T) {
	for _, c := range [][6]int{
		{100, 50, 1600, 100, 50, 0},
		{1600, 1600, 1600, 1600, 1600, 0},
		{3200, 1600, 1600, 1600, 800, 0},
		{1000, 5000, 1600, 320, 1600, 0},
		{10000, 1, 1600, 1600, 1, 0},
	} {
		w, h := fit(c[0], c[1], c[2])
		if w != c[3] || h != c[4] {
			t.Errorf("fit(%d, %d, %d) = %d, %d, want %d, %d", c[0], c[1], c[2], w, h, c[3], c[4])
		}
	}
}

func TestWebPLossless(t *testing.T) {
	imgs := testImages(t)
	if webpLossless(imgs["webp"]) || !webpLossless(imgs["webp-lossless"]) || webpLossless([]byte("RIFF")) {
		t.Error("webpLossless")
	}
}

// withOrientation returns JPEG data with an EXIF APP1 segment giving
// orientation o, in big- or little-endian TIFF.
func withOrientation(jpegData []byte, o int, bigEndian bool) []byte {
	var bo binary.AppendByteOrder = binary.LittleEndian
	tiff := []byte("II*\x00")
	if bigEndian {
		bo, tiff = binary.BigEndian, []byte("MM\x00*")
	}
	tiff = bo.AppendUint32(tiff, 8)
	tiff = bo.AppendUint16(tiff, 1)      // one entry
	tiff = bo.AppendUint16(tiff, 0x0112) // orientation
	tiff = bo.AppendUint16(tiff, 3)      // SHORT
	tiff = bo.AppendUint32(tiff, 1)
	tiff = bo.AppendUint16(tiff, uint16(o))
	tiff = append(tiff, 0, 0, 0, 0, 0, 0) // value padding, next IFD
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xFF, 0xE1}, binary.BigEndian.AppendUint16(nil, uint16(len(seg)+2))...)
	out := append([]byte{0xFF, 0xD8}, app1...)
	out = append(out, seg...)
	return append(out, jpegData[2:]...)
}

func TestOrientation(t *testing.T) {
	// A 40×20 image, blue but for its red top-left quadrant.
	m := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for y := 0; y < 20; y++ {
		for x := 0; x < 40; x++ {
			c := color.RGBA{0, 0, 255, 255}
			if x < 20 && y < 10 {
				c = color.RGBA{255, 0, 0, 255}
			}
			m.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	red := func(c color.Color) bool { r, _, b, _ := c.RGBA(); return r > 0xC000 && b < 0x4000 }
	// Where the red quadrant is once the image is shown the right way.
	const (
		topLeft = iota
		topRight
		bottomRight
		bottomLeft
	)
	corner := map[int]int{1: topLeft, 2: topRight, 3: bottomRight, 4: bottomLeft,
		5: topLeft, 6: topRight, 7: bottomRight, 8: bottomLeft}
	for o := 1; o <= 8; o++ {
		for _, be := range []bool{false, true} {
			data := withOrientation(buf.Bytes(), o, be)
			if got := jpegOrientation(data); got != o {
				t.Errorf("orientation %d: read %d", o, got)
			}
			out, _, w, h, err := prepareImage(data, 30) // also scaled: long edge 40 → 30
			if err != nil {
				t.Fatal(err)
			}
			img, err := jpeg.Decode(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			wantW, wantH := 30, 15
			if o >= 5 {
				wantW, wantH = 15, 30
			}
			if w != wantW || h != wantH || img.Bounds().Dx() != w || img.Bounds().Dy() != h {
				t.Errorf("orientation %d: %d×%d, want %d×%d", o, w, h, wantW, wantH)
				continue
			}
			at := func(c int) color.Color {
				x, y := w/4, h/4
				if c == topRight || c == bottomRight {
					x = w - 1 - w/4
				}
				if c == bottomLeft || c == bottomRight {
					y = h - 1 - h/4
				}
				return img.At(x, y)
			}
			for c := topLeft; c <= bottomLeft; c++ {
				if red(at(c)) != (c == corner[o]) {
					t.Errorf("orientation %d (big-endian %v): corner %d red %v", o, be, c, red(at(c)))
				}
			}
		}
	}
	if jpegOrientation(testImages(t)["jpeg"]) != 1 || jpegOrientation([]byte("xx")) != 1 {
		t.Error("orientation of a JPEG without EXIF")
	}
}

// BenchmarkPrepareImage measures scaling a 3000×2000 photograph down to
// MaxImageEdge.
func BenchmarkPrepareImage(b *testing.B) {
	m := image.NewRGBA(image.Rect(0, 0, 3000, 2000))
	for y := 0; y < 2000; y++ {
		for x := 0; x < 3000; x++ {
			i := m.PixOffset(x, y)
			m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = uint8(x/12), uint8(y/8), uint8((x+y)/20), 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 85}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, _, _, err := prepareImage(buf.Bytes(), MaxImageEdge); err != nil {
			b.Fatal(err)
		}
	}
}

func TestShrink(t *testing.T) {
	// 5×3 pixels, reduced by 2: blocks of 2×2, 1×2, 2×1 and 1×1 pixels.
	src := image.NewRGBA(image.Rect(0, 0, 5, 3))
	for i := range src.Pix {
		src.Pix[i] = uint8(i)
	}
	got := shrink(src, 2)
	if got.Rect.Dx() != 3 || got.Rect.Dy() != 2 {
		t.Fatalf("size %v", got.Rect)
	}
	avg := func(x0, y0, x1, y1, c int) uint8 {
		sum, n := 0, 0
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				sum += int(src.Pix[src.PixOffset(x, y)+c])
				n++
			}
		}
		return uint8((sum + n/2) / n)
	}
	for y := 0; y < 2; y++ {
		for x := 0; x < 3; x++ {
			for c := 0; c < 4; c++ {
				want := avg(2*x, 2*y, min(2*x+2, 5), min(2*y+2, 3), c)
				if g := got.Pix[got.PixOffset(x, y)+c]; g != want {
					t.Errorf("pixel %d,%d channel %d: %d, want %d", x, y, c, g, want)
				}
			}
		}
	}
	// scale takes a factor of 2 or more by shrinking, the rest bilinearly.
	if s := scale(src, 2, 1); s.Rect.Dx() != 2 || s.Rect.Dy() != 1 {
		t.Errorf("scale: %v", s.Rect)
	}
}
