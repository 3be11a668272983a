package picture

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"testing"

	"github.com/offprint/offprint/article"
)

// TestOrientation fits a JPEG with each EXIF orientation, in big- and
// little-endian EXIF, and checks where its marked corner ends up.
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
	plain := encoded(t, "jpeg", m)
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
			data := withOrientation(plain, o, be)
			if got := jpegOrientation(data); got != o {
				t.Errorf("orientation %d: read %d", o, got)
			}
			for _, edge := range []int{0, 30} { // as it is, and scaled: long edge 40 → 30
				img := &article.Image{Data: data}
				if err := Fit(img, Options{MaxEdge: edge}); err != nil {
					t.Fatal(err)
				}
				out, err := jpeg.Decode(bytes.NewReader(img.Data))
				if err != nil {
					t.Fatal(err)
				}
				w, h := img.Width, img.Height
				wantW, wantH := 40, 20
				if edge == 30 {
					wantW, wantH = 30, 15
				}
				if o >= 5 {
					wantW, wantH = wantH, wantW
				}
				if w != wantW || h != wantH || out.Bounds().Dx() != w || out.Bounds().Dy() != h {
					t.Errorf("orientation %d, edge %d: %d×%d, want %d×%d", o, edge, w, h, wantW, wantH)
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
					return out.At(x, y)
				}
				for c := topLeft; c <= bottomLeft; c++ {
					if red(at(c)) != (c == corner[o]) {
						t.Errorf("orientation %d (big-endian %v, edge %d): corner %d red %v", o, be, edge, c, red(at(c)))
					}
				}
			}
		}
	}
	for _, data := range [][]byte{plain, []byte("xx"), nil, encoded(t, "png", m)} {
		if jpegOrientation(data) != 1 {
			t.Error("orientation of data without EXIF")
		}
	}
}
