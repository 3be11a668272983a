package picture

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
)

func TestFit(t *testing.T) {
	small := gradient(64, 48, false)
	photo := encoded(t, "jpeg", gradient(300, 200, true))
	alpha := image.NewNRGBA(image.Rect(0, 0, 300, 300))
	for i := 3; i < len(alpha.Pix); i += 4 {
		alpha.Pix[i-3], alpha.Pix[i] = 200, uint8(i/4%300) // red, fading in from left to right
	}
	deep := image.NewRGBA64(image.Rect(0, 0, 300, 150))
	for i := range deep.Pix {
		deep.Pix[i] = 0xFF
	}
	gray := image.NewGray(image.Rect(0, 0, 300, 150))
	tests := []struct {
		name      string
		data      []byte
		opt       Options
		mediaType string
		w, h      int
		same      bool // the original bytes are kept
	}{
		{"small png", encoded(t, "png", small), Options{}, "image/png", 64, 48, true},
		{"small jpeg", encoded(t, "jpeg", small), Options{}, "image/jpeg", 64, 48, true},
		{"small gif", encoded(t, "gif", paletted(64, 48)), Options{}, "image/gif", 64, 48, true},
		{"at the edge", encoded(t, "png", paletted(100, 30)), Options{MaxEdge: 100}, "image/png", 100, 30, true},
		{"jpeg orientation 1", withOrientation(encoded(t, "jpeg", small), 1, false), Options{}, "image/jpeg", 64, 48, true},

		{"wide png", encoded(t, "png", gradient(3000, 100, false)), Options{}, "image/png", 2400, 80, false},
		{"tall png", encoded(t, "png", gradient(30, 300, false)), Options{MaxEdge: 100}, "image/png", 10, 100, false},
		{"big jpeg", photo, Options{MaxEdge: 100}, "image/jpeg", 100, 67, false},
		{"big gif", encoded(t, "gif", paletted(300, 150)), Options{MaxEdge: 100}, "image/png", 100, 50, false},
		{"big png with alpha", encoded(t, "png", alpha), Options{MaxEdge: 100}, "image/png", 100, 100, false},
		{"big 16-bit png", encoded(t, "png", deep), Options{MaxEdge: 100}, "image/png", 100, 50, false},
		{"big gray jpeg", encoded(t, "jpeg", gray), Options{MaxEdge: 100}, "image/jpeg", 100, 50, false},
		{"jpeg orientation 6", withOrientation(encoded(t, "jpeg", small), 6, true), Options{}, "image/jpeg", 48, 64, false},
		{"jpeg orientation 8, scaled", withOrientation(photo, 8, false), Options{MaxEdge: 100}, "image/jpeg", 67, 100, false},
		{"webp lossy", testFile(t, "blue-purple-pink.lossy.webp"), Options{}, "image/jpeg", 150, 100, false},
		{"webp lossless with alpha", testFile(t, "gopher-doc.with-alpha.lossless.webp"), Options{}, "image/png", 75, 100, false},
		{"webp lossy with alpha", testFile(t, "yellow_rose.lossy-with-alpha.webp"), Options{}, "image/png", 400, 301, false},
		{"webp lossy with alpha, scaled", testFile(t, "yellow_rose.lossy-with-alpha.webp"), Options{MaxEdge: 200}, "image/png", 200, 151, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := &article.Image{Data: tt.data, MediaType: "image/x-wrong", Alt: "alt", Source: "src"}
			if err := Fit(img, tt.opt); err != nil {
				t.Fatal(err)
			}
			if img.MediaType != tt.mediaType || img.Width != tt.w || img.Height != tt.h {
				t.Errorf("got %s %d×%d, want %s %d×%d", img.MediaType, img.Width, img.Height, tt.mediaType, tt.w, tt.h)
			}
			if same := bytes.Equal(img.Data, tt.data); same != tt.same {
				t.Errorf("original bytes kept: %v, want %v", same, tt.same)
			}
			if img.Alt != "alt" || img.Source != "src" {
				t.Errorf("alt %q source %q changed", img.Alt, img.Source)
			}
			cfg, format, err := image.DecodeConfig(bytes.NewReader(img.Data))
			if err != nil || "image/"+format != img.MediaType || cfg.Width != img.Width || cfg.Height != img.Height {
				t.Errorf("the data is %s %d×%d (%v)", format, cfg.Width, cfg.Height, err)
			}
			// A fitted image needs no second fitting.
			again := *img
			if err := Fit(&again, tt.opt); err != nil || !bytes.Equal(again.Data, img.Data) {
				t.Errorf("fitted twice: changed again (%v)", err)
			}
		})
	}
}

func TestFitRefuses(t *testing.T) {
	big := encoded(t, "png", gradient(300, 300, true))
	for _, tt := range []struct {
		name string
		data []byte
		err  string
	}{
		{"empty", nil, "not a readable image"},
		{"text", []byte("not an image"), "not a readable image"},
		{"bomb", pngHeader(30000, 30000), "30000×30000 pixels, over the limit"},
		{"no pixels", []byte("GIF89a\x00\x00\x00\x00\x00\x00\x00;"), "0×0 pixels"},
		// Large enough to need scaling, so decoded: the cut shows.
		{"truncated", big[:len(big)/2], "not a readable PNG image"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			img := &article.Image{Data: tt.data, MediaType: "image/png", Width: 7, Height: 9}
			err := Fit(img, Options{MaxEdge: 100})
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("error %v, want …%s…", err, tt.err)
			}
			if !bytes.Equal(img.Data, tt.data) || img.MediaType != "image/png" || img.Width != 7 || img.Height != 9 {
				t.Error("the image was changed")
			}
		})
	}
}

// TestFitPixels checks what a scaled image looks like: the colours of a
// smooth gradient are kept, and so is transparency.
func TestFitPixels(t *testing.T) {
	src := gradient(500, 300, false)
	alpha := image.NewNRGBA(image.Rect(0, 0, 500, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 500; x++ {
			alpha.SetNRGBA(x, y, color.NRGBA{0, 0, 255, uint8(x / 2)})
		}
	}
	for _, tt := range []struct {
		name string
		src  image.Image
		edge int // reductions by 4, 3.3 and 1.4
	}{
		{"opaque by 4", src, 125}, {"opaque by 3.3", src, 150}, {"opaque by 1.4", src, 350},
		{"alpha by 4", alpha, 125}, {"alpha by 3.3", alpha, 150}, {"alpha by 1.4", alpha, 350},
	} {
		t.Run(tt.name, func(t *testing.T) {
			img := &article.Image{Data: encoded(t, "png", tt.src)}
			if err := Fit(img, Options{MaxEdge: tt.edge}); err != nil {
				t.Fatal(err)
			}
			out, err := png.Decode(bytes.NewReader(img.Data))
			if err != nil {
				t.Fatal(err)
			}
			b := out.Bounds()
			worst := 0
			for y := b.Min.Y; y < b.Max.Y; y += 3 {
				for x := b.Min.X; x < b.Max.X; x += 3 {
					// The source pixel under the centre of this one.
					sx, sy := (2*x+1)*500/(2*b.Dx()), (2*y+1)*300/(2*b.Dy())
					want := color.NRGBAModel.Convert(tt.src.At(sx, sy)).(color.NRGBA)
					got := color.NRGBAModel.Convert(out.At(x, y)).(color.NRGBA)
					for _, d := range []int{int(got.R) - int(want.R), int(got.G) - int(want.G), int(got.B) - int(want.B), int(got.A) - int(want.A)} {
						if want.A > 16 || d == int(got.A)-int(want.A) { // colour of nearly transparent pixels is noise
							worst = max(worst, d, -d)
						}
					}
				}
			}
			if worst > 3 {
				t.Errorf("a channel is off by %d", worst)
			}
		})
	}
}

func TestFitDeterministic(t *testing.T) {
	for _, data := range [][]byte{
		encoded(t, "jpeg", gradient(500, 300, true)),
		encoded(t, "png", gradient(500, 300, true)),
		withOrientation(encoded(t, "jpeg", gradient(90, 50, true)), 5, false),
		testFile(t, "yellow_rose.lossy-with-alpha.webp"),
	} {
		a, b := &article.Image{Data: data}, &article.Image{Data: bytes.Clone(data)}
		if err := Fit(a, Options{MaxEdge: 222}); err != nil {
			t.Fatal(err)
		}
		if err := Fit(b, Options{MaxEdge: 222}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Data, b.Data) || bytes.Equal(a.Data, data) {
			t.Errorf("%s: two fittings differ (or none changed the data)", a.MediaType)
		}
	}
}

func TestFitSize(t *testing.T) {
	for _, c := range [][5]int{
		{100, 50, 1600, 100, 50},
		{1600, 1600, 1600, 1600, 1600},
		{3200, 1600, 1600, 1600, 800},
		{1000, 5000, 1600, 320, 1600},
		{10000, 1, 1600, 1600, 1},
		{1, 10000, 2400, 1, 2400},
	} {
		if w, h := fitSize(c[0], c[1], c[2]); w != c[3] || h != c[4] {
			t.Errorf("fitSize(%d, %d, %d) = %d, %d, want %d, %d", c[0], c[1], c[2], w, h, c[3], c[4])
		}
	}
}

func TestWebPLossless(t *testing.T) {
	if webpLossless(testFile(t, "blue-purple-pink.lossy.webp")) || !webpLossless(testFile(t, "gopher-doc.with-alpha.lossless.webp")) ||
		webpLossless(testFile(t, "yellow_rose.lossy-with-alpha.webp")) || webpLossless([]byte("RIFF")) {
		t.Error("webpLossless")
	}
}

// fitMemory fits data with the default options and returns the bytes
// allocated and the peak of live heap objects above what was live before
// (sampled every millisecond), with the result.
func fitMemory(tb testing.TB, data []byte) (alloc, peak uint64, img *article.Image) {
	tb.Helper()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	base := heap()
	var top uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			top = max(top, heap())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	img = &article.Image{Data: data}
	err := Fit(img, Options{})
	close(done)
	wg.Wait()
	runtime.ReadMemStats(&after)
	if err != nil {
		tb.Fatal(err)
	}
	return after.TotalAlloc - before.TotalAlloc, top - min(top, base), img
}

// TestFitMemory bounds the memory of fitting a 6000×6000 RGBA PNG (150 KB
// of transparent pixels, 144 MB decoded) to 2400×2400: read a row at a
// time, it costs the 23 MB of its result and little more.
func TestFitMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("a second or two")
	}
	const side = 6000
	data := pngFlood(t, side, side)
	alloc, peak, img := fitMemory(t, data)
	t.Logf("%d KB in, %d MB allocated, %d MB peak live heap", len(data)>>10, alloc>>20, peak>>20)
	if img.Width != DefaultMaxEdge || img.Height != DefaultMaxEdge || img.MediaType != "image/png" {
		t.Errorf("got %s %d×%d", img.MediaType, img.Width, img.Height)
	}
	result := uint64(4 * DefaultMaxEdge * DefaultMaxEdge)
	if limit := result + 8<<20; alloc > limit {
		t.Errorf("allocated %d MB, want at most %d MB", alloc>>20, limit>>20)
	}
	if limit := result + 8<<20; peak > limit {
		t.Errorf("peak live heap %d MB, want at most %d MB", peak>>20, limit>>20)
	}
}

// TestFitVerifiesKept checks that an image kept byte for byte (small
// enough, upright) is decoded to its end first: a cut or damaged one is
// refused, so that no renderer embeds data that fails to inflate.
func TestFitVerifiesKept(t *testing.T) {
	pngData := encoded(t, "png", gradient(200, 150, true))
	jpegData := encoded(t, "jpeg", gradient(200, 150, true))
	gifData := encoded(t, "gif", paletted(200, 150))
	badSum := bytes.Clone(pngData)
	// The zlib stream's Adler-32 checksum ends the last IDAT chunk's
	// body, just before its CRC and the 12-byte IEND chunk; damage it and
	// fix the chunk's CRC so that only the zlib stream is wrong.
	end := len(badSum) - 12 - 4
	badSum[end-1] ^= 0xFF
	idat := bytes.LastIndex(badSum[:end], []byte("IDAT"))
	binary.BigEndian.PutUint32(badSum[end:], crc32.ChecksumIEEE(badSum[idat:end]))
	for _, tt := range []struct {
		name string
		data []byte
		err  string
	}{
		{"png cut at 2000 bytes", pngData[:2000], "not a readable PNG image"},
		{"png cut before IEND", pngData[:len(pngData)-12], "not a readable PNG image"},
		{"png with a bad zlib checksum", badSum, "not a readable PNG image"},
		{"jpeg cut in half", jpegData[:len(jpegData)/2], "not a readable JPEG image"},
		{"gif cut in half", gifData[:len(gifData)/2], "not a readable GIF image"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			img := &article.Image{Data: tt.data}
			err := Fit(img, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("error %v, want …%s…", err, tt.err)
			}
			if !bytes.Equal(img.Data, tt.data) {
				t.Error("the image was changed")
			}
		})
	}
	for _, data := range [][]byte{pngData, jpegData, gifData} {
		img := &article.Image{Data: data}
		if err := Fit(img, Options{}); err != nil || !bytes.Equal(img.Data, data) {
			t.Errorf("a whole image: %v, kept %v", err, bytes.Equal(img.Data, data))
		}
	}
}

// TestFitVerifyMemory checks that verifying a kept PNG reads its rows
// without decoding it whole: a 2400×2400 RGBA PNG (23 MB decoded) costs
// a small part of that.
func TestFitVerifyMemory(t *testing.T) {
	data := pngFlood(t, DefaultMaxEdge, DefaultMaxEdge)
	alloc, _, img := fitMemory(t, data)
	if !bytes.Equal(img.Data, data) {
		t.Fatal("not kept")
	}
	if alloc > 2<<20 {
		t.Errorf("verifying allocated %d KB", alloc>>10)
	}
}

func TestVerify(t *testing.T) {
	pngData := encoded(t, "png", gradient(3000, 100, true)) // larger than MaxEdge: Fit would scale it
	jpegData := encoded(t, "jpeg", gradient(200, 150, true))
	for _, tt := range []struct {
		name string
		data []byte
		err  string
	}{
		{"png", pngData, ""},
		{"jpeg", jpegData, ""},
		{"webp", testFile(t, "blue-purple-pink.lossy.webp"), ""},
		{"png cut", pngData[:len(pngData)/2], "not a readable PNG image"},
		{"jpeg cut", jpegData[:len(jpegData)/2], "not a readable JPEG image"},
		{"webp cut", testFile(t, "blue-purple-pink.lossy.webp")[:300], "not a readable WEBP image"},
		{"bomb", pngHeader(30000, 30000), "over the limit of 50 megapixels"},
		{"text", []byte("text"), "not a readable image"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := Verify(tt.data)
			if tt.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("error %v, want …%s…", err, tt.err)
			}
		})
	}
}
