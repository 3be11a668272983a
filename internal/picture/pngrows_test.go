package picture

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

// rawPNG describes a PNG for makePNG, which writes any colour type and bit
// depth (image/png's encoder writes only some), filtering row y with
// filter y%5, or Adam7-interlaced without filtering.
type rawPNG struct {
	w, h, depth, colorType int
	plte, trns             []byte
	interlaced             bool
	// sample returns channel c of pixel x, y, below 1<<depth.
	sample func(x, y, c int) int
}

func (r rawPNG) channels() int {
	return map[int]int{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[r.colorType]
}

// rowBytes packs the samples of pixels x0, x0+dx, … of row y.
func (r rawPNG) rowBytes(y, x0, dx int) []byte {
	var bits []int
	for x := x0; x < r.w; x += dx {
		for c := 0; c < r.channels(); c++ {
			bits = append(bits, r.sample(x, y, c))
		}
	}
	var out []byte
	if r.depth == 16 {
		for _, v := range bits {
			out = binary.BigEndian.AppendUint16(out, uint16(v))
		}
		return out
	}
	acc, n := 0, 0
	for _, v := range bits {
		acc, n = acc<<r.depth|v, n+r.depth
		if n == 8 {
			out, acc, n = append(out, byte(acc)), 0, 0
		}
	}
	if n > 0 {
		out = append(out, byte(acc<<(8-n)))
	}
	return out
}

func makePNG(t testing.TB, r rawPNG) []byte {
	t.Helper()
	var raw bytes.Buffer
	bpp := max(1, r.channels()*r.depth/8)
	if r.interlaced {
		for _, p := range [7][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}} {
			if p[0] >= r.w {
				continue
			}
			for y := p[1]; y < r.h; y += p[3] {
				raw.WriteByte(0)
				raw.Write(r.rowBytes(y, p[0], p[2]))
			}
		}
	} else {
		var prev []byte
		for y := 0; y < r.h; y++ {
			cur := r.rowBytes(y, 0, 1)
			if prev == nil {
				prev = make([]byte, len(cur))
			}
			f := byte(y % 5)
			raw.WriteByte(f)
			raw.Write(filter(f, cur, prev, bpp))
			prev = cur
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	out := []byte("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, body []byte) {
		out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
		c := append([]byte(typ), body...)
		out = append(out, c...)
		out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(c))
	}
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(r.w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(r.h))
	il := byte(0)
	if r.interlaced {
		il = 1
	}
	chunk("IHDR", append(ihdr, byte(r.depth), byte(r.colorType), 0, 0, il))
	if r.plte != nil {
		chunk("PLTE", r.plte)
	}
	if r.trns != nil {
		chunk("tRNS", r.trns)
	}
	data := z.Bytes()
	chunk("IDAT", data[:len(data)/2]) // two IDAT chunks
	chunk("IDAT", data[len(data)/2:])
	chunk("IEND", nil)
	return out
}

// filter applies PNG filter f to row cur.
func filter(f byte, cur, prev []byte, bpp int) []byte {
	out := make([]byte, len(cur))
	for i := range cur {
		var a, c int
		if i >= bpp {
			a, c = int(cur[i-bpp]), int(prev[i-bpp])
		}
		b := int(prev[i])
		var pred int
		switch f {
		case 1:
			pred = a
		case 2:
			pred = b
		case 3:
			pred = (a + b) / 2
		case 4:
			pa, pb, pc := abs(b-c), abs(a-c), abs(a+b-2*c)
			switch {
			case pa <= pb && pa <= pc:
				pred = a
			case pb <= pc:
				pred = b
			default:
				pred = c
			}
		}
		out[i] = cur[i] - byte(pred)
	}
	return out
}

// pngCases are PNGs of every colour type and bit depth.
func pngCases(t testing.TB) map[string][]byte {
	const w, h = 37, 11 // odd sizes: partial bytes at the end of rows
	pattern := func(depth int) func(x, y, c int) int {
		return func(x, y, c int) int { return (x*7 + y*13 + c*29 + x*y) % (1 << depth) }
	}
	plte := make([]byte, 3*12)
	for i := range plte {
		plte[i] = byte(i * 7)
	}
	cases := map[string][]byte{}
	for _, depth := range []int{1, 2, 4, 8, 16} {
		d := string(rune('0'+depth/10)) + string(rune('0'+depth%10))
		cases["gray "+d] = makePNG(t, rawPNG{w: w, h: h, depth: depth, colorType: 0, sample: pattern(depth)})
		trns := []byte{0, 1}
		if depth == 16 {
			trns = []byte{0x01, 0x02}
		}
		cases["gray tRNS "+d] = makePNG(t, rawPNG{w: w, h: h, depth: depth, colorType: 0, trns: trns,
			sample: func(x, y, c int) int {
				if depth == 16 && x%3 == 0 {
					return 0x0102
				}
				return pattern(depth)(x, y, c)
			}})
		if depth <= 8 { // at depths 4 and 8, indexes past the 12 colours too
			plte := plte[:min(len(plte), 3<<depth)]
			cases["palette "+d] = makePNG(t, rawPNG{w: w, h: h, depth: depth, colorType: 3, plte: plte, sample: pattern(depth)})
			cases["palette tRNS "+d] = makePNG(t, rawPNG{w: w, h: h, depth: depth, colorType: 3, plte: plte,
				trns: []byte{0, 128, 255, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 99}, sample: pattern(depth)})
		}
		if depth >= 8 {
			cases["RGB "+d] = makePNG(t, rawPNG{w: w, h: h, depth: depth, colorType: 2, sample: pattern(depth)})
			trns := []byte{0, 7, 0, 36, 0, 65}
			if depth == 16 {
				trns = []byte{0, 7, 0, 36, 0, 65}
			}
			cases["RGB tRNS "+d] = makePNG(t, rawPNG{w: w, h: h, depth: depth, colorType: 2, trns: trns,
				sample: func(x, y, c int) int {
					if x == y {
						return []int{7, 36, 65}[c]
					}
					return pattern(depth)(x, y, c)
				}})
			cases["gray alpha "+d] = makePNG(t, rawPNG{w: w, h: h, depth: depth, colorType: 4, sample: pattern(depth)})
			cases["RGBA "+d] = makePNG(t, rawPNG{w: w, h: h, depth: depth, colorType: 6, sample: pattern(depth)})
		}
	}
	// image/png's own encoder, with its adaptive filters.
	for name, m := range map[string]image.Image{
		"go NRGBA": alphaGradient(300, 40), "go RGBA": gradient(300, 40, true),
		"go paletted": paletted(300, 40), "go gray16": image.NewGray16(image.Rect(0, 0, 30, 4)),
	} {
		var b bytes.Buffer
		if err := png.Encode(&b, m); err != nil {
			t.Fatal(err)
		}
		cases[name] = b.Bytes()
	}
	return cases
}

// alphaGradient returns a w×h image of varying colour and transparency.
func alphaGradient(w, h int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.SetNRGBA(x, y, color.NRGBA{uint8(x), uint8(y * 6), uint8(x + y), uint8(x * y)})
		}
	}
	return m
}

// TestPNGRows checks that pngRows reads every PNG as image/png decodes it
// and image/draw draws it onto an RGBA image.
func TestPNGRows(t *testing.T) {
	for name, data := range pngCases(t) {
		t.Run(name, func(t *testing.T) {
			want, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			b := want.Bounds()
			wantRGBA := image.NewRGBA(b)
			draw.Draw(wantRGBA, b, want, b.Min, draw.Src)
			r, err := newPNGRows(data)
			if err != nil {
				t.Fatal(err)
			}
			if w, h := r.size(); w != b.Dx() || h != b.Dy() {
				t.Fatalf("size %d×%d, want %v", w, h, b)
			}
			row := make([]byte, 4*b.Dx())
			for y := 0; y < b.Dy(); y++ {
				if err := r.next(row); err != nil {
					t.Fatalf("row %d: %v", y, err)
				}
				if w := wantRGBA.Pix[y*wantRGBA.Stride:][:len(row)]; !bytes.Equal(row, w) {
					t.Fatalf("row %d:\n got %v\nwant %v", y, row[:min(len(row), 24)], w[:min(len(w), 24)])
				}
			}
			if err := r.next(row); err == nil {
				t.Error("a row past the last")
			}
		})
	}
}

func TestPNGRowsErrors(t *testing.T) {
	good := makePNG(t, rawPNG{w: 20, h: 20, depth: 8, colorType: 2, sample: func(x, y, c int) int { return x * y }})
	idat := bytes.Index(good, []byte("IDAT"))
	badCRC := bytes.Clone(good)
	badCRC[idat+6] ^= 0xFF
	noPalette := makePNG(t, rawPNG{w: 4, h: 4, depth: 8, colorType: 3, sample: func(x, y, c int) int { return 0 }})
	var short bytes.Buffer // IDAT for 3 rows of 20
	zw := zlib.NewWriter(&short)
	zw.Write(make([]byte, 3*(1+60)))
	zw.Close()
	shortData := spliceIDAT(good, short.Bytes())
	var badFilter bytes.Buffer
	zw = zlib.NewWriter(&badFilter)
	zw.Write(append([]byte{9}, make([]byte, 60)...))
	zw.Close()
	for _, tt := range []struct {
		name string
		data []byte
		err  string // from newPNGRows or, when it succeeds, from reading the rows
	}{
		{"signature", []byte("\x89PNX\r\n\x1a\n"), "not a PNG"},
		{"cut in the chunks", good[:idat+10], "truncated chunk"},
		{"checksum", badCRC, "invalid checksum"},
		{"no palette", noPalette, "no palette"},
		{"bad depth", pngHeaderDepth(4, 4, 3, 2), "bad bit depth"},
		{"interlaced", makePNG(t, rawPNG{w: 9, h: 9, depth: 8, colorType: 0, interlaced: true, sample: func(x, y, c int) int { return x }}), "interlaced"},
		{"bomb", pngHeaderDepth(30000, 30000, 8, 6), "30000×30000 pixels"},
		{"short pixel data", shortData, "not enough pixel data"},
		{"bad filter", spliceIDAT(good, badFilter.Bytes()), "bad filter type"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := newPNGRows(tt.data)
			if err == nil {
				row := make([]byte, 4*r.width)
				for err == nil {
					err = r.next(row)
				}
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("error %v, want …%s…", err, tt.err)
			}
		})
	}
	if _, err := newPNGRows(makePNG(t, rawPNG{w: 9, h: 9, depth: 8, colorType: 0, interlaced: true, sample: func(x, y, c int) int { return x }})); !errors.Is(err, errInterlaced) {
		t.Errorf("interlaced: %v", err)
	}
}

// pngHeaderDepth returns a PNG signature and IHDR chunk, then IEND.
func pngHeaderDepth(w, h uint32, depth, colorType byte) []byte {
	b := pngHeader(w, h)
	ihdr := b[12:29]
	ihdr[12], ihdr[13] = depth, colorType
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(ihdr))
	return append(b, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82)
}

// spliceIDAT returns a PNG with the IDAT chunks of data replaced by one
// holding z.
func spliceIDAT(data, z []byte) []byte {
	first := bytes.Index(data, []byte("IDAT")) - 4
	end := bytes.Index(data, []byte("IEND")) - 4
	out := bytes.Clone(data[:first])
	out = binary.BigEndian.AppendUint32(out, uint32(len(z)))
	c := append([]byte("IDAT"), z...)
	out = append(out, c...)
	out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(c))
	return append(out, data[end:]...)
}

// TestFitInterlaced checks that an interlaced PNG, which pngRows does not
// stream, is decoded whole and fitted all the same.
func TestFitInterlaced(t *testing.T) {
	data := makePNG(t, rawPNG{w: 300, h: 200, depth: 8, colorType: 2, interlaced: true,
		sample: func(x, y, c int) int { return []int{x * 255 / 300, y, 100}[c] }})
	if _, err := png.DecodeConfig(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	img := &article.Image{Data: data}
	if err := Fit(img, Options{MaxEdge: 150}); err != nil {
		t.Fatal(err)
	}
	if img.MediaType != "image/png" || img.Width != 150 || img.Height != 100 {
		t.Errorf("got %s %d×%d", img.MediaType, img.Width, img.Height)
	}
}
