package markdown

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/picture"
)

// tinyWebP is a 1×1 lossless WebP.
var tinyWebP = []byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00")

func encoded(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	var buf bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&buf, img)
	case "jpeg":
		err = jpeg.Encode(&buf, img, nil)
	case "gif":
		err = gif.Encode(&buf, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngHeader is the start of a PNG that claims to be w×h pixels: enough
// for image.DecodeConfig, nothing to decode.
func pngHeader(w, h uint32) []byte {
	var ihdr bytes.Buffer
	ihdr.WriteString("IHDR")
	_ = binary.Write(&ihdr, binary.BigEndian, [2]uint32{w, h})
	ihdr.Write([]byte{8, 2, 0, 0, 0})
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	_ = binary.Write(&b, binary.BigEndian, uint32(13))
	b.Write(ihdr.Bytes())
	_ = binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(ihdr.Bytes()))
	return b.Bytes()
}

// imageDir makes a base directory of images, and a file outside it.
func imageDir(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	base := filepath.Join(root, "base")
	files := map[string][]byte{
		"base/ok.png":             encoded(t, "png", 4, 3),
		"base/photo.jpg":          encoded(t, "jpeg", 8, 6),
		"base/anim.gif":           encoded(t, "gif", 5, 5),
		"base/tiny.webp":          tinyWebP,
		"base/bomb.png":           pngHeader(20000, 20000),
		"base/fake.png":           []byte("just text, not an image\n"),
		"base/vector.svg":         []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`),
		"base/sub/dir/nested.png": encoded(t, "png", 2, 2),
		"base/my photo.png":       encoded(t, "png", 3, 3),
		"base/big.png":            encoded(t, "png", 300, 300),
		"outside/secret.png":      encoded(t, "png", 1, 1),
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../outside/secret.png", filepath.Join(base, "escape.png")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink("ok.png", filepath.Join(base, "inside.png")); err != nil {
		t.Fatal(err)
	}
	return base
}

func TestImages(t *testing.T) {
	base := imageDir(t)
	secret := filepath.Join(filepath.Dir(base), "outside", "secret.png")
	dataURL := "data:image/png;base64," + base64.StdEncoding.EncodeToString(encoded(t, "png", 7, 7))
	loader := func(url string) ([]byte, error) {
		if url == "https://img.example/remote.gif" {
			return encoded(t, "gif", 9, 9), nil
		}
		return nil, errors.New("HTTP 404")
	}
	tests := []struct {
		name     string
		md       string
		opt      Options
		want     string // the images as "type WxH", space-separated
		warnings []string
		body     string // expected body text, when set
	}{
		{"png figure", "![Alt *text*](ok.png \"The title\")", Options{}, "image/png 4x3", nil, "The title"},
		{"figure caption from alt", "![Alt *text*](ok.png)", Options{}, "image/png 4x3", nil, "Alt text"},
		{"jpeg gif webp", "![j](photo.jpg) ![g](anim.gif)\n![w](tiny.webp)", Options{}, "image/jpeg 8x6 image/gif 5x5 image/webp 1x1", nil, ""},
		{"linked image", "[![badge](ok.png)](https://example.org)", Options{}, "image/png 4x3", nil, ""},
		{"nested path", "![n](sub/dir/nested.png)", Options{}, "image/png 2x2", nil, ""},
		{"percent-encoded path", "![p](my%20photo.png)", Options{}, "image/png 3x3", nil, ""},
		{"angle-bracket path with space", "![p](<my photo.png>)", Options{}, "image/png 3x3", nil, ""},
		{"symlink inside", "![i](inside.png)", Options{}, "image/png 4x3", nil, ""},
		{"hoisted from text", "Before ![icon](ok.png) after.", Options{}, "image/png 4x3", nil, "Before icon after."},
		{"data URL", "![d](" + dataURL + ")", Options{}, "image/png 7x7", nil, ""},
		{"html img", "<p align=\"center\"><img src=\"ok.png\" alt=\"Logo\" width=\"20\"></p>", Options{}, "image/png 4x3", nil, "Logo"},
		{"inline html img", "Text <img src=\"anim.gif\" alt=\"a\"> more.", Options{}, "image/gif 5x5", nil, "Text a more."},
		{"remote with loader", "![r](https://img.example/remote.gif)", Options{LoadImage: loader}, "image/gif 9x9", nil, ""},
		{"relative against URL", "![r](remote.gif)", Options{BaseDir: "-", URL: "https://img.example/doc.md", LoadImage: loader}, "image/gif 9x9", nil, ""},

		{"missing", "![The alt](nope.png)", Options{}, "", []string{`"nope.png": file not found`}, "The alt"},
		{"missing in text", "See ![the chart](nope.png) here.", Options{}, "", []string{"file not found"}, "See the chart here."},
		{"missing without alt", "![](nope.png)\n\nText.", Options{}, "", []string{"file not found"}, "Text."},
		{"image bomb", "![b](bomb.png)", Options{}, "", []string{"20000×20000 pixels, over the limit of 50 megapixels"}, "b"},
		{"too many bytes", "![b](big.png)", Options{MaxImageBytes: 100}, "", []string{"over the limit of 100"}, "b"},
		{"not an image", "![f](fake.png)", Options{}, "", []string{"not an image format offprint embeds"}, "f"},
		{"svg", "![s](vector.svg)", Options{}, "", []string{"SVG is not an image format"}, "s"},
		{"dot-dot escape", "![e](../outside/secret.png)", Options{}, "", []string{"leads outside"}, "e"},
		{"symlink escape", "![e](escape.png)", Options{}, "", []string{"escape.png"}, "e"},
		{"absolute path", "![a](" + secret + ")", Options{}, "", []string{"absolute paths are not read"}, "a"},
		{"file URL", "![a](file://" + secret + ")", Options{}, "", []string{"file: addresses are not read"}, "a"},
		{"remote without loader", "![r1](https://img.example/a.png) ![r2](//img.example/b.png)", Options{}, "", []string{"2 remote image(s) not fetched"}, "r1\nr2"},
		{"remote loader error", "![r](https://img.example/missing.png)", Options{LoadImage: loader}, "", []string{"HTTP 404"}, "r"},
		{"no base directory", "![l](ok.png)", Options{BaseDir: "-"}, "", []string{"no base directory"}, "l"},
		{"NoImages", "![n](ok.png)\n\nText ![m](ok.png).", Options{NoImages: true}, "", nil, "n\nText m."},
		{"javascript src", "![j](javascript:alert(1))", Options{}, "", []string{"javascript: addresses are not read"}, "j"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			switch opt.BaseDir {
			case "":
				opt.BaseDir = base
			case "-":
				opt.BaseDir = ""
			}
			a, warnings := read(t, "# T\n\n"+tt.md+"\n\nEnd.\n", opt)
			var got []string
			article.WalkBlocks(a.Blocks, func(b article.Block) bool {
				if img, ok := b.(*article.Image); ok {
					got = append(got, img.MediaType+" "+strconv.Itoa(img.Width)+"x"+strconv.Itoa(img.Height))
				}
				return true
			})
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("images = %q, want %q", g, tt.want)
			}
			if len(warnings) != len(tt.warnings) {
				t.Errorf("warnings = %q, want %d", warnings, len(tt.warnings))
			}
			for i, w := range tt.warnings {
				if i < len(warnings) && !strings.Contains(warnings[i], w) {
					t.Errorf("warning %q does not contain %q", warnings[i], w)
				}
			}
			if tt.body != "" {
				if body := strings.TrimSuffix(a.BodyText(), "\nEnd."); body != tt.body {
					t.Errorf("body = %q, want %q", body, tt.body)
				}
			}
		})
	}
}

func TestImageCache(t *testing.T) {
	base := imageDir(t)
	a, _ := read(t, "# T\n\n![one](ok.png)\n\n![two](ok.png \"Second\")\n", Options{BaseDir: base})
	one, two := a.Blocks[0].(*article.Image), a.Blocks[1].(*article.Image)
	if one.Alt != "one" || two.Alt != "two" || article.InlineText(two.Caption) != "Second" {
		t.Errorf("alts %q %q, caption %q", one.Alt, two.Alt, article.InlineText(two.Caption))
	}
	if &one.Data[0] != &two.Data[0] {
		t.Error("the same file was read twice")
	}
}

// TestImageBudget checks the article's image budget in a Markdown
// document: past picture.DefaultBudgetImages distinct images the rest are
// left out without being fetched, and images with the same bytes under
// different names share one copy; the images left out, and those the
// loader refuses for a budget reason, get one warning together.
func TestImageBudget(t *testing.T) {
	const extra = 20
	fetched := 0
	loader := func(u string) ([]byte, error) {
		fetched++
		if strings.Contains(u, "late") {
			return nil, fmt.Errorf("fetch: %w: the time for the page's images (1m0s) ran out", picture.ErrBudget)
		}
		if strings.Contains(u, "copy") {
			return encoded(t, "png", 60, 1), nil // no other image is 60 wide
		}
		n, _ := strconv.Atoi(strings.TrimSuffix(u[strings.LastIndexByte(u, '/')+1:], ".png"))
		return encoded(t, "png", 1+n%50, 1+n/50), nil // distinct by size
	}
	var src strings.Builder
	src.WriteString("# T\n\n![late](https://img.example.org/late.png)\n\n![copy](https://img.example.org/copy-a.png)\n\n![copy](https://img.example.org/copy-b.png)\n\n")
	for i := range picture.DefaultBudgetImages + extra {
		fmt.Fprintf(&src, "![img %d](https://img.example.org/%d.png)\n\n", i, i)
	}
	a, warnings := read(t, src.String(), Options{LoadImage: loader})
	var imgs []*article.Image
	article.WalkBlocks(a.Blocks, func(b article.Block) bool {
		if img, ok := b.(*article.Image); ok {
			imgs = append(imgs, img)
		}
		return true
	})
	// The two copies count as one image; img 0 to img 498 fill the rest.
	if len(imgs) != picture.DefaultBudgetImages+1 || &imgs[0].Data[0] != &imgs[1].Data[0] {
		t.Fatalf("%d images kept (want %d), the copies share their bytes: %v", len(imgs), picture.DefaultBudgetImages+1, &imgs[0].Data[0] == &imgs[1].Data[0])
	}
	if fetched != picture.DefaultBudgetImages+2 {
		t.Errorf("%d images fetched, want %d", fetched, picture.DefaultBudgetImages+2)
	}
	want := fmt.Sprintf("markdown: %d images left out, over the article's image budget (the time for the page's images (1m0s) ran out; more than 500 images)", extra+2)
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], want) {
		t.Errorf("warnings %q, want %s…", warnings, want)
	}
}

// TestImageNotRegular checks that a FIFO or a directory named as an
// image is refused with a warning and never blocks.
func TestImageNotRegular(t *testing.T) {
	base := imageDir(t)
	if err := syscall.Mkfifo(filepath.Join(base, "pipe.png"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan []string)
	go func() {
		_, warnings := read(t, "# T\n\nText.\n\n![pipe](pipe.png)\n\n![dir](sub)\n", Options{BaseDir: base})
		done <- warnings
	}()
	select {
	case warnings := <-done:
		if len(warnings) != 2 || !strings.Contains(warnings[0], "not a regular file") || !strings.Contains(warnings[1], "not a regular file") {
			t.Errorf("warnings %q", warnings)
		}
	case <-time.After(20 * time.Second): // a hang detector, not a timing
		t.Fatal("reading a FIFO as an image blocked")
	}
}
