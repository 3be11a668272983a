package picture

import (
	"image"
	"image/draw"
)

// fitSize scales w×h down, keeping its proportions, so that its long edge
// is at most maxEdge.
func fitSize(w, h, maxEdge int) (int, int) {
	if w <= maxEdge && h <= maxEdge {
		return w, h
	}
	if w >= h {
		return maxEdge, max(1, (h*maxEdge+w/2)/w)
	}
	return max(1, (w*maxEdge+h/2)/h), maxEdge
}

// rowReader gives the rows of an image, top to bottom, as premultiplied
// RGBA, 4 bytes a pixel.
type rowReader interface {
	size() (w, h int)
	next(dst []byte) error
}

// imageRows reads the rows of a decoded image.
type imageRows struct {
	m image.Image
	y int
}

func (r *imageRows) size() (int, int) { return r.m.Bounds().Dx(), r.m.Bounds().Dy() }

func (r *imageRows) next(dst []byte) error {
	b := r.m.Bounds()
	row := &image.RGBA{Pix: dst, Stride: len(dst), Rect: image.Rect(0, 0, b.Dx(), 1)}
	draw.Draw(row, row.Rect, r.m, image.Pt(b.Min.X, b.Min.Y+r.y), draw.Src)
	r.y++
	return nil
}

// resample reads the rows of src and returns the image averaged down to
// w×h (no larger than src), with its origin at 0,0. Each pixel is the
// average of the source area it covers, fractions of pixels at its edges
// weighted by their share: an exact area (box) filter, which never aliases
// however large the factor. Averaging premultiplied RGBA is exact,
// transparency included, and integer arithmetic keeps it the same on every
// machine.
//
// Memory beyond the result is one source row and two rows of sums: the
// source is read once, top to bottom. x/image/draw's scalers need the
// whole source at hand, and its kernel scalers (CatmullRom, BiLinear) a
// buffer of 32 bytes for each pixel of destination width × source height
// besides: 460 MB and 8 seconds to bring a 6000×6000 image to 2400 pixels,
// where resample takes 23 MB and a fraction of a second.
func resample(src rowReader, w, h int) (*image.RGBA, error) {
	sw, sh := src.size()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	row := make([]byte, 4*sw)
	hsum := make([]uint64, 4*w) // one source row, averaged across
	acc := make([]uint64, 4*w)  // the output row being summed
	total := uint64(sw) * uint64(sh)
	// In units of 1/(w·h) of a source pixel's width or height, output
	// pixel x spans [x·sw, (x+1)·sw) across and source pixel i spans
	// [i·w, (i+1)·w); rows likewise with sh and h.
	y, end := 0, int64(sh) // the output row being summed and where it ends
	for j := int64(0); j < int64(sh); j++ {
		if err := src.next(row); err != nil {
			return nil, err
		}
		sumAcross(hsum, row, sw, w)
		for top, bottom := j*int64(h), (j+1)*int64(h); top < bottom; {
			part := min(bottom, end) - top
			for i, v := range hsum {
				acc[i] += v * uint64(part)
			}
			if top += part; top == end {
				out := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
				for i, v := range acc {
					out[i] = uint8((v + total/2) / total)
				}
				clear(acc)
				y++
				end += int64(sh)
			}
		}
	}
	return dst, nil
}

// sumAcross sets hsum (4 sums for each of w output pixels) to the
// samples of row (sw pixels, sw ≥ w) weighted by the width they give to
// each output pixel: in all, sw for each. A source pixel lies within one
// output pixel or straddles the border of two.
func sumAcross(hsum []uint64, row []byte, sw, w int) {
	clear(hsum)
	x, left, end := 0, int64(0), int64(sw) // the output pixel being summed, where the source pixel starts, where x ends
	s := hsum[0:4:4]
	for i := 0; i < sw; i++ {
		p := row[4*i : 4*i+4 : 4*i+4]
		r, g, b, a := uint64(p[0]), uint64(p[1]), uint64(p[2]), uint64(p[3])
		right := left + int64(w)
		if right < end {
			n := uint64(w)
			s[0] += r * n
			s[1] += g * n
			s[2] += b * n
			s[3] += a * n
			left = right
			continue
		}
		n := uint64(end - left)
		s[0] += r * n
		s[1] += g * n
		s[2] += b * n
		s[3] += a * n
		if x++; x < w {
			s = hsum[4*x : 4*x+4 : 4*x+4]
			n = uint64(right - end)
			s[0] += r * n
			s[1] += g * n
			s[2] += b * n
			s[3] += a * n
		}
		left, end = right, end+int64(sw)
	}
}
