package html

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/picture"
)

// pngBytes encodes a w×h PNG.
func pngBytes(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.NRGBA{200, 30, 30, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// bombPNG is a small PNG whose header claims w×h pixels.
func bombPNG(t testing.TB, w, h uint32) []byte {
	data := pngBytes(t, 1, 1)
	// The IHDR chunk starts at byte 8: length, "IHDR", width, height, …, CRC.
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}

func images_(blocks []article.Block) []*article.Image {
	var out []*article.Image
	article.WalkBlocks(blocks, func(b article.Block) bool {
		if img, ok := b.(*article.Image); ok {
			out = append(out, img)
		}
		return true
	})
	return out
}

func TestLocalImages(t *testing.T) {
	dir := t.TempDir()
	files := filepath.Join(dir, "page_files")
	if err := os.Mkdir(files, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(files, "ferry one.png"), pngBytes(t, 40, 30))
	write(filepath.Join(files, "bomb.png"), bombPNG(t, 20000, 20000))
	write(filepath.Join(files, "notes.txt"), []byte("not an image"))
	write(filepath.Join(files, "big.png"), pngBytes(t, 300, 300))
	write(filepath.Join(dir, "..", filepath.Base(dir)+"-secret.png"), pngBytes(t, 2, 2))

	var warnings []string
	opt := Options{BaseDir: dir, MaxImageBytes: 1000, Warn: func(m string) { warnings = append(warnings, m) }}
	blocks := mapBody(t, `<body>
		<figure><img src="./page_files/ferry%20one.png" alt="Ferry"><figcaption>At the pier</figcaption></figure>
		<img src="page_files/bomb.png" alt="Bomb">
		<img src="page_files/notes.txt" alt="Notes">
		<img src="page_files/big.png" alt="Big">
		<img src="page_files/missing.png" alt="Missing">
		<img src="../`+filepath.Base(dir)+`-secret.png" alt="Escape">
		<img src="/etc/passwd" alt="Absolute">
		</body>`, opt)
	imgs := images_(blocks)
	if len(imgs) != 1 {
		t.Fatalf("%d images, want 1:\n%s", len(imgs), dumped(blocks))
	}
	img := imgs[0]
	if img.MediaType != "image/png" || img.Width != 40 || img.Height != 30 || img.Alt != "Ferry" ||
		article.InlineText(img.Caption) != "At the pier" || img.Source != "page_files/ferry one.png" {
		t.Errorf("image %s %dx%d alt %q caption %q source %q", img.MediaType, img.Width, img.Height, img.Alt, article.InlineText(img.Caption), img.Source)
	}
	// An image left out takes its alt text with it: none of it is body text.
	text := article.BlockText(&article.Quote{Blocks: blocks})
	for _, alt := range []string{"Bomb", "Notes", "Big", "Missing", "Escape", "Absolute"} {
		if strings.Contains(text, alt) {
			t.Errorf("alt text %q of an image left out is in the text:\n%s", alt, dumped(blocks))
		}
	}
	// missing.png is not in page_files/, and /etc/passwd is on the page's
	// site: both would be fetched from the page's address.
	want := []string{"20000×20000 pixels, over the limit of 50 megapixels", "text/plain is not an image format", "more than the limit of 1000",
		"outside the page's directory", "2 remote image(s) left out: not fetched"}
	if len(warnings) != len(want) {
		t.Fatalf("warnings %q, want %d", warnings, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(warnings[i], "html: ") || !strings.Contains(warnings[i], w) {
			t.Errorf("warning %d = %q, want …%s…", i, warnings[i], w)
		}
	}
}

func TestRemoteImages(t *testing.T) {
	small, large := pngBytes(t, 8, 8), pngBytes(t, 16, 16)
	var mu sync.Mutex
	var asked []string
	load := func(u string) ([]byte, error) {
		mu.Lock()
		asked = append(asked, u)
		mu.Unlock()
		switch {
		case strings.Contains(u, "w1600"):
			return large, nil
		case strings.Contains(u, "broken"):
			return nil, errors.New("404 Not Found")
		}
		return small, nil
	}
	var warnings []string
	opt := Options{LoadImage: load, Warn: func(m string) { warnings = append(warnings, m) }}
	blocks := mapBody(t, `<body>
		<img src="/img/w800.png" srcset="/img/w400.png 400w, /img/w1600.png 1600w, /img/w3200.png 3200w" alt="Srcset">
		<picture><source type="image/avif" srcset="/img/a.avif"><source type="image/webp" srcset="//cdn.example.org/img/broken.webp 1x, //cdn.example.org/img/broken2x.webp 2x"><img src="/img/fallback.png" alt="The fallback"></picture>
		<img src="/img/broken.png" alt="Gone">
		<img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" data-src="/img/lazy.png" alt="A lazy one">
		</body>`, opt)
	imgs := images_(blocks)
	if len(imgs) != 3 {
		t.Fatalf("%d images:\n%s", len(imgs), dumped(blocks))
	}
	wantSrc := []string{"https://example.org/img/w1600.png", "https://example.org/img/fallback.png", "https://example.org/img/lazy.png"}
	for i, img := range imgs {
		if img.Source != wantSrc[i] {
			t.Errorf("image %d source %q, want %q", i, img.Source, wantSrc[i])
		}
	}
	if imgs[0].Width != 16 {
		t.Errorf("srcset image is %dpx wide, want the 1600w candidate", imgs[0].Width)
	}
	slices.Sort(asked)
	for _, u := range asked {
		if strings.Contains(u, "avif") || strings.Contains(u, "w3200") {
			t.Errorf("fetched %s", u)
		}
	}
	if strings.Contains(dumped(blocks), "Gone") {
		t.Errorf("a failed image left its alt text:\n%s", dumped(blocks))
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "broken.png: 404 Not Found") {
		t.Errorf("warnings %q", warnings)
	}
}

func TestImagesWithoutLoader(t *testing.T) {
	var warnings []string
	blocks := mapBody(t, `<body><img src="https://a.example/1.png" alt="One"><img src="https://a.example/2.png" alt="Two"></body>`,
		Options{Warn: func(m string) { warnings = append(warnings, m) }})
	if got := dumped(blocks); got != "" {
		t.Errorf("got\n%s", got)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "2 remote image(s) left out") {
		t.Errorf("warnings %q", warnings)
	}
}

func TestNoImages(t *testing.T) {
	called := false
	var warnings []string
	gif := "data:image/gif;base64," + base64.StdEncoding.EncodeToString(pngBytes(t, 2, 2))
	blocks := mapBody(t, `<body><figure><img src="`+gif+`" alt="Alt"><figcaption>Caption</figcaption></figure><img src="https://a.example/x.png" alt="Other"></body>`,
		Options{NoImages: true, LoadImage: func(string) ([]byte, error) { called = true; return nil, nil },
			Warn: func(m string) { warnings = append(warnings, m) }})
	if got := dumped(blocks); got != "P Caption\n" {
		t.Errorf("got\n%s", got)
	}
	if called || len(warnings) > 0 {
		t.Errorf("NoImages loaded images (%v) or warned %q", called, warnings)
	}
}

func TestDataURIs(t *testing.T) {
	var warnings []string
	p := base64.StdEncoding.EncodeToString(pngBytes(t, 30, 20))
	blocks := mapBody(t, `<body>
		<img src="data:image/png;base64,`+p+`" alt="PNG">
		<img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E" alt="SVG">
		<img src="data:image/png;base64,!!!" alt="Broken">
		</body>`, Options{Warn: func(m string) { warnings = append(warnings, m) }})
	imgs := images_(blocks)
	if len(imgs) != 1 || imgs[0].Width != 30 || imgs[0].Height != 20 || imgs[0].MediaType != "image/png" {
		t.Fatalf("got\n%s", dumped(blocks))
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], "data:image/png,…") || !strings.Contains(warnings[1], "1 SVG image(s) left out: SVG is not an image format") {
		t.Errorf("warnings %q", warnings)
	}
}

// TestSavedPage reads a saved page through readability with its images in
// page_files/.
func TestSavedPage(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "page_files"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "page_files", "photo.png"), pngBytes(t, 64, 48), 0o644); err != nil {
		t.Fatal(err)
	}
	para := "<p>" + strings.Repeat("The ferry crosses the river twice an hour, and the pier is busy all day. ", 4) + "</p>"
	page := `<html><head><title>Ferry</title></head><body><article>` + para +
		`<figure><img src="page_files/photo.png" alt="The pier"><figcaption>The pier at dawn</figcaption></figure>` + para + `</article></body></html>`
	a, err := Read([]byte(page), Options{BaseDir: dir, URL: "https://example.org/ferry"})
	if err != nil {
		t.Fatal(err)
	}
	imgs := images_(a.Blocks)
	if len(imgs) != 1 || imgs[0].Width != 64 || article.InlineText(imgs[0].Caption) != "The pier at dawn" {
		t.Fatalf("got\n%s", dump(a))
	}
}

func TestBestSrcset(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a.jpg 400w, b.jpg 1600w, c.jpg 2400w", "c.jpg"},
		{"c.jpg 2400w, d.jpg 3000w", "c.jpg"},
		{"a.jpg 640w, d.jpg 3000w, b.jpg 1280w", "b.jpg"},
		{"e.jpg 4000w, d.jpg 3000w", "d.jpg"},     // all too wide: the narrowest
		{"a.jpg 1x, b.jpg 2x, c.jpg 3x", "c.jpg"}, // 800 px at 1x
		{"a.jpg 1x, b.jpg 2x, c.jpg 4x", "b.jpg"},
		{"a.jpg, b.jpg 1.5x", "b.jpg"},
		{"a.jpg", "a.jpg"},
		{"https://x.org/img,v=1.jpg 800w, https://x.org/img,v=2.jpg 1200w", "https://x.org/img,v=2.jpg"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := bestSrcset(tt.in); got != tt.want {
			t.Errorf("bestSrcset(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestImagesLoadedOnce checks that an image named many times is loaded
// and checked once, and that images with the same bytes under different
// names share one copy of them.
func TestImagesLoadedOnce(t *testing.T) {
	dir := t.TempDir()
	data := pngBytes(t, 40, 30)
	for _, name := range []string{"a.png", "b.png"} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	calls := map[string]int{}
	load := func(u string) ([]byte, error) {
		mu.Lock()
		calls[u]++
		mu.Unlock()
		return bytes.Clone(data), nil
	}
	var page strings.Builder
	page.WriteString("<body>")
	for i := range 10 {
		fmt.Fprintf(&page, `<p>Paragraph %d.</p><img src="a.png" alt="local %d"><img src="https://cdn.example.org/x.png" alt="remote %d">`, i, i, i)
	}
	page.WriteString(`<img src="b.png" alt="same bytes"></body>`)
	var warnings []string
	opt := Options{BaseDir: dir, LoadImage: load, Warn: func(m string) { warnings = append(warnings, m) }}
	imgs := images_(mapBody(t, page.String(), opt))
	if len(imgs) != 21 || len(warnings) != 0 {
		t.Fatalf("%d images, warnings %q", len(imgs), warnings)
	}
	for i, img := range imgs {
		if &img.Data[0] != &imgs[0].Data[0] {
			t.Errorf("image %d (%s) has a copy of its own", i, img.Alt)
		}
	}
	if calls["https://cdn.example.org/x.png"] != 1 || len(calls) != 1 {
		t.Errorf("loader calls %v, want one", calls)
	}
}

// TestImageBudget checks the article's image budget: past
// picture.DefaultBudgetImages distinct images, the rest are left out in
// document order, most of them without being fetched, with one warning;
// and an image the loader refuses for a budget reason (the time for the
// page's images ran out) is counted in that warning, not warned about
// alone.
func TestImageBudget(t *testing.T) {
	const extra = 100
	var fetched atomic.Int64
	load := func(u string) ([]byte, error) {
		fetched.Add(1)
		if strings.Contains(u, "late") {
			return nil, fmt.Errorf("fetch: %w: the time for the page's images (1m0s) ran out", picture.ErrBudget)
		}
		var n int
		fmt.Sscanf(u[strings.LastIndexByte(u, '/')+1:], "%d.png", &n)
		return pngBytes(t, minSide+n%50, minSide+n/50), nil // distinct by size
	}
	var page strings.Builder
	page.WriteString("<body>")
	for i := range picture.DefaultBudgetImages + extra {
		fmt.Fprintf(&page, `<img src="https://img.example.org/%d.png" alt="img %d">`, i, i)
	}
	page.WriteString(`<img src="https://img.example.org/late-1.png" alt="late"><img src="https://img.example.org/late-2.png" alt="later"></body>`)
	var warnings []string
	opt := Options{LoadImage: load, Warn: func(m string) { warnings = append(warnings, m) }}
	blocks := mapBody(t, page.String(), opt)
	imgs := images_(blocks)
	if len(imgs) != picture.DefaultBudgetImages {
		t.Fatalf("%d images kept, want %d", len(imgs), picture.DefaultBudgetImages)
	}
	for i, img := range imgs {
		if img.Alt != fmt.Sprint("img ", i) {
			t.Fatalf("image %d is %q: not the first ones in document order", i, img.Alt)
		}
	}
	if n := fetched.Load(); n > picture.DefaultBudgetImages+2*imageWorkers+2 {
		t.Errorf("%d images fetched for %d kept", n, picture.DefaultBudgetImages)
	}
	want := fmt.Sprintf("html: %d images left out, over the article's image budget", extra+2)
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], want) || !strings.Contains(warnings[0], "more than 500 images") {
		t.Errorf("warnings %q, want one: %s…", warnings, want)
	}
	if strings.Contains(dumped(blocks), "img 599") {
		t.Error("an image left out left its alt text")
	}
}

// TestImageBudgetTime checks that images the loader refuses for a
// budget reason are reported in one warning.
func TestImageBudgetTime(t *testing.T) {
	load := func(u string) ([]byte, error) {
		return nil, fmt.Errorf("fetch: %w: the time for the page's images (1m0s) ran out", picture.ErrBudget)
	}
	var page strings.Builder
	page.WriteString("<body>")
	for i := range 40 {
		fmt.Fprintf(&page, `<img src="https://img.example.org/%d.png" alt="img %d">`, i, i)
	}
	page.WriteString("</body>")
	var warnings []string
	opt := Options{LoadImage: load, Warn: func(m string) { warnings = append(warnings, m) }}
	if imgs := images_(mapBody(t, page.String(), opt)); len(imgs) != 0 {
		t.Errorf("%d images", len(imgs))
	}
	want := "html: 40 images left out, over the article's image budget (the time for the page's images (1m0s) ran out)"
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], want) {
		t.Errorf("warnings %q, want %s…", warnings, want)
	}
}

// TestLocalImageNotRegular checks that a FIFO (or any file that is not a
// regular file) beside a saved page is refused with a warning instead of
// blocking the reader for ever.
func TestLocalImageNotRegular(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.png"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.png"), 0o755); err != nil {
		t.Fatal(err)
	}
	var warnings []string
	opt := Options{BaseDir: dir, Warn: func(m string) { warnings = append(warnings, m) }}
	done := make(chan []article.Block)
	go func() {
		done <- mapBody(t, `<body><img src="pipe.png" alt="Pipe"><img src="folder.png" alt="Folder"></body>`, opt)
	}()
	select {
	case blocks := <-done:
		if len(images_(blocks)) != 0 {
			t.Error("an image was embedded")
		}
	case <-time.After(20 * time.Second): // a hang detector, not a timing
		t.Fatal("reading a FIFO as an image blocked")
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], "pipe.png: not a regular file") || !strings.Contains(warnings[1], "folder.png: not a regular file") {
		t.Errorf("warnings %q", warnings)
	}
}
