package picture

import (
	"bytes"
	"image"
	"testing"
)

// TestResample compares resample with a direct computation of each output
// pixel as the area-weighted, rounded average of the source pixels under
// it.
func TestResample(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 13, 7))
	for i := range src.Pix {
		src.Pix[i] = uint8(i * 37 % 251)
	}
	overlap := func(a0, a1, b0, b1 int) int { return max(0, min(a1, b1)-max(a0, b0)) }
	for _, size := range [][2]int{{13, 7}, {12, 7}, {5, 3}, {6, 7}, {1, 1}, {13, 1}, {4, 2}} {
		w, h := size[0], size[1]
		got, err := resample(&imageRows{m: src}, w, h)
		if err != nil {
			t.Fatal(err)
		}
		if got.Rect != image.Rect(0, 0, w, h) {
			t.Fatalf("%d×%d: bounds %v", w, h, got.Rect)
		}
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				for c := 0; c < 4; c++ {
					var sum, total int
					for sy := 0; sy < 7; sy++ {
						for sx := 0; sx < 13; sx++ {
							a := overlap(sx*w, (sx+1)*w, x*13, (x+1)*13) * overlap(sy*h, (sy+1)*h, y*7, (y+1)*7)
							sum += a * int(src.Pix[src.PixOffset(sx, sy)+c])
							total += a
						}
					}
					want := uint8((sum + total/2) / total)
					if g := got.Pix[got.PixOffset(x, y)+c]; g != want {
						t.Errorf("%d×%d: pixel %d,%d channel %d: %d, want %d", w, h, x, y, c, g, want)
					}
				}
			}
		}
		if w == 13 && h == 7 && !bytes.Equal(got.Pix, src.Pix) {
			t.Error("resampling to the same size changed the pixels")
		}
	}
}

// TestImageRows checks the rows of a decoded image that is not at 0,0.
func TestImageRows(t *testing.T) {
	m := gradient(10, 6, true)
	sub := m.SubImage(image.Rect(2, 1, 9, 5))
	r := &imageRows{m: sub}
	if w, h := r.size(); w != 7 || h != 4 {
		t.Fatalf("size %d×%d", w, h)
	}
	row := make([]byte, 4*7)
	for y := 1; y < 5; y++ {
		if err := r.next(row); err != nil {
			t.Fatal(err)
		}
		if want := m.Pix[m.PixOffset(2, y):][:4*7]; !bytes.Equal(row, want) {
			t.Errorf("row %d differs", y)
		}
	}
}
