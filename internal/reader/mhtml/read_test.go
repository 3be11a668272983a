package mhtml

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/png"
	"mime/quotedprintable"
	"strings"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader/limits"
)

func pngBytes(t testing.TB, w, h int) []byte {
	t.Helper()
	m := image.NewGray(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = uint8(i * w)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// part is one part of a test archive.
type part struct {
	header string // header lines, each ending in \r\n
	body   string
}

// archive builds an MHTML file as Chrome writes one.
func archive(snapshot string, parts ...part) []byte {
	var b strings.Builder
	b.WriteString("From: <Saved by Blink>\r\n")
	if snapshot != "" {
		b.WriteString("Snapshot-Content-Location: " + snapshot + "\r\n")
	}
	b.WriteString("Subject: A page\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B--\"\r\n\r\n\r\n")
	for _, p := range parts {
		b.WriteString("------B--\r\n" + p.header + "\r\n" + p.body + "\r\n")
	}
	b.WriteString("------B----\r\n")
	return []byte(b.String())
}

func qp(s string) string {
	var b bytes.Buffer
	w := quotedprintable.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

func b64(data []byte) string {
	s := base64.StdEncoding.EncodeToString(data)
	var b strings.Builder
	for len(s) > 76 {
		b.WriteString(s[:76] + "\r\n")
		s = s[76:]
	}
	b.WriteString(s)
	return b.String()
}

const story = `<p>The ferry crosses the river twice an hour, and the pier is busy all day long with people going to work.</p>` +
	`<p>In the evening the last boat leaves at ten, and the lights along the water stay on until midnight.</p>`

func page(body string) string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The ferry</title></head><body><article>` +
		`<h1>The ferry</h1>` + story + body + story + `</article></body></html>`
}

func images(a *article.Article) []*article.Image {
	var out []*article.Image
	article.WalkBlocks(a.Blocks, func(b article.Block) bool {
		if img, ok := b.(*article.Image); ok {
			out = append(out, img)
		}
		return true
	})
	return out
}

// TestRead reads archives as browsers write them: the page
// quoted-printable, pictures in base64 by address (absolute, relative to
// the page, protocol-relative) and by Content-ID, an iframe's document
// after the page, and pictures the archive lacks fetched only through
// LoadImage.
func TestRead(t *testing.T) {
	pier, quay, bridge := pngBytes(t, 40, 30), pngBytes(t, 50, 30), pngBytes(t, 60, 30)
	const loc = "https://news.example.org/2026/ferry"
	body := `<figure><img src="https://img.example.org/pier.png" alt="The pier at dawn"><figcaption>Pier</figcaption></figure>` +
		`<figure><img src="quay.png" alt="The quay"><figcaption>Quay</figcaption></figure>` +
		`<figure><img src="cid:bridge@mhtml.blink" alt="The bridge"><figcaption>Bridge</figcaption></figure>` +
		`<figure><img src="https://img.example.org/missing.png" alt="Missing"><figcaption>Missing</figcaption></figure>`
	data := archive(loc,
		part{"Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: " + loc + "\r\n", qp(page(body))},
		part{"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://img.example.org/pier.png\r\n", b64(pier)},
		part{"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://news.example.org/2026/quay.png\r\n", b64(quay)},
		part{"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <bridge@mhtml.blink>\r\n", b64(bridge)},
		part{"Content-Type: text/css\r\nContent-Location: https://news.example.org/site.css\r\n", "p{}"},
		part{"Content-Type: text/html\r\nContent-ID: <frame-2@mhtml.blink>\r\nContent-Location: cid:frame-2@mhtml.blink\r\n", "<p>an advertisement</p>"},
	)
	for _, offline := range []bool{true, false} {
		t.Run(fmt.Sprint("offline=", offline), func(t *testing.T) {
			var asked []string
			var warnings []string
			opt := Options{Warn: func(m string) { warnings = append(warnings, m) }}
			if !offline {
				opt.LoadImage = func(u string) ([]byte, error) {
					asked = append(asked, u)
					return nil, errors.New("404 Not Found")
				}
			}
			a, err := Read(data, opt)
			if err != nil {
				t.Fatal(err)
			}
			if a.Meta.SourceURL != loc || a.Meta.Title != "The ferry" {
				t.Errorf("source %q, title %q", a.Meta.SourceURL, a.Meta.Title)
			}
			var widths []int
			for _, img := range images(a) {
				widths = append(widths, img.Width)
			}
			if fmt.Sprint(widths) != "[40 50 60]" {
				t.Errorf("pictures %v, want [40 50 60]", widths)
			}
			if strings.Contains(a.BodyText(), "advertisement") {
				t.Error("an iframe's document was read as the page")
			}
			if offline && len(warnings) != 1 || !offline && (len(asked) != 1 || asked[0] != "https://img.example.org/missing.png") {
				t.Errorf("fetched %q, warnings %q", asked, warnings)
			}
		})
	}
}

// TestParseRoot checks which HTML part is the page: the one at the
// snapshot location, the multipart's start, else the first.
func TestParseRoot(t *testing.T) {
	first := part{"Content-Type: text/html\r\nContent-Location: https://a.example/frame\r\n", "<p>frame</p>"}
	second := part{"Content-Type: text/html; charset=windows-1251\r\nContent-Location: https://a.example/page\r\nContent-ID: <root>\r\n", "<p>page</p>"}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"snapshot location", archive("https://a.example/page", first, second), "<p>page</p>"},
		{"first without a snapshot", archive("", first, second), "<p>frame</p>"},
		{"start parameter", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"x\"; start=\"<root>\"\r\n\r\n" +
			"--x\r\n" + first.header + "\r\n" + first.body + "\r\n--x\r\n" + second.header + "\r\n" + second.body + "\r\n--x--\r\n"), "<p>page</p>"},
		{"nested alternative, LF line ends", []byte("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=out\n\n--out\n" +
			"Content-Type: multipart/alternative; boundary=in\n\n--in\nContent-Type: text/html\n\n<p>inner</p>\n--in--\n--out--\n"), "<p>inner</p>"},
		{"single part", []byte("MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
			base64.StdEncoding.EncodeToString([]byte("<p>alone</p>"))), "<p>alone</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(tt.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if string(a.HTML) != tt.want {
				t.Errorf("HTML %q, want %q", a.HTML, tt.want)
			}
		})
	}
}

// TestParseErrors checks that what is no archive, or too large a one, is
// refused with the package's errors.
func TestParseErrors(t *testing.T) {
	many := []part{{"Content-Type: text/html\r\n", "<p>x</p>"}}
	for i := range 20 {
		many = append(many, part{fmt.Sprintf("Content-Type: image/png\r\nContent-Location: https://a.example/%d.png\r\n", i), "x"})
	}
	tests := []struct {
		name string
		data []byte
		opt  Options
		want error
	}{
		{"plain HTML", []byte("<html><body><p>x</p></body></html>"), Options{}, ErrNotMHTML},
		{"no header end", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related"), Options{}, ErrNotMHTML},
		{"no boundary", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n--x\r\n"), Options{}, ErrNotMHTML},
		{"no HTML part", archive("", part{"Content-Type: image/png\r\nContent-Location: a.png\r\n", "x"}), Options{}, ErrNoHTML},
		{"too many parts", archive("", many...), Options{MaxParts: 10}, limits.ErrTooComplex},
		{"nested too deeply", func() []byte {
			d := "<p>x</p>"
			for i := range 10 {
				b := fmt.Sprint("b", i)
				d = "Content-Type: multipart/related; boundary=" + b + "\r\n\r\n--" + b + "\r\n" + d + "\r\n--" + b + "--\r\n"
			}
			return []byte("MIME-Version: 1.0\r\n" + d)
		}(), Options{}, ErrNoHTML},
		{"header too long", append([]byte("MIME-Version: 1.0\r\nX: "), bytes.Repeat([]byte("a"), 70<<10)...), Options{}, ErrNotMHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse(tt.data, tt.opt); !errors.Is(err, tt.want) || !strings.HasPrefix(err.Error(), "mhtml: ") {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

// TestResourceLimits checks that a picture over the size limit is left
// out with a warning, and that a resource's name never reaches the file
// system: "../../etc/passwd" is only a key.
func TestResourceLimits(t *testing.T) {
	var warnings []string
	a, err := Parse(archive("https://a.example/page",
		part{"Content-Type: text/html\r\nContent-Location: https://a.example/page\r\n", "<p>x</p>"},
		part{"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://a.example/big.png\r\n", b64(make([]byte, 2000))},
		part{"Content-Type: image/png\r\nContent-Location: ../../etc/passwd\r\n", "fake"},
	), Options{MaxImageBytes: 1000, Warn: func(m string) { warnings = append(warnings, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Resource("https://a.example/big.png"); ok {
		t.Error("an image over the limit was kept")
	}
	if d, ok := a.Resource("../../etc/passwd"); !ok || string(d) != "fake" {
		t.Errorf("resource by its odd name: %q %v", d, ok)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "big.png left out: more than 1000 bytes") {
		t.Errorf("warnings %q", warnings)
	}
}

// TestParseLinear checks that parsing time grows linearly: an archive of
// many small parts and one of a single huge part take time in proportion
// to their sizes.
func TestParseLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	build := func(n int) []byte {
		parts := []part{{"Content-Type: text/html\r\n", "<p>x</p>"}}
		for i := range n {
			parts = append(parts, part{fmt.Sprintf("Content-Type: image/png\r\nContent-Location: https://a.example/%d.png\r\n", i), "xxxxxxxxxxxxxxxx"})
		}
		return archive("", parts...)
	}
	measure := func(data []byte) time.Duration {
		start := time.Now()
		if _, err := Parse(data, Options{MaxParts: -1}); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	}
	small, large := build(1000), build(8000)
	measure(small)
	ts, tl := measure(small), measure(large)
	// 8 times the input: allow 30 times the time for a noisy machine,
	// far below the 64 times a quadratic parse would take.
	if tl > 30*ts+50*time.Millisecond {
		t.Errorf("1000 parts %v, 8000 parts %v: not linear", ts, tl)
	}
}
