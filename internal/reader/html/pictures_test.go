package html

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/offprint/offprint/article"
)

func TestMeaningfulAlt(t *testing.T) {
	tests := []struct{ alt, want string }{
		{"A ferry at the pier", "A ferry at the pier"},
		{"  Two\n cats ", "Two cats"},
		{"", ""},
		{"05-P1610099.jpg", ""},
		{"my holiday photo.JPEG", ""},
		{"IMG_1234", ""},
		{"DSC01234", ""},
		{"PXL_20230101_123456", ""},
		{"line", ""},
		{"Image", ""},
		{"photo:", ""},
		{"https://example.org/a.png", ""},
		{"—", ""},
		{"1984", "1984"}, // a number that is a title
		{"Route 66", "Route 66"},
		{"G7 summit in 2024", "G7 summit in 2024"},
		{"前のページへ戻る", "前のページへ戻る"},
	}
	for _, tt := range tests {
		if got := meaningfulAlt(tt.alt); got != tt.want {
			t.Errorf("meaningfulAlt(%q) = %q, want %q", tt.alt, got, tt.want)
		}
	}
}

func TestRepeats(t *testing.T) {
	tests := []struct {
		alt, caption string
		others       []string
		want         bool
	}{
		{"Protesters in London", "Protesters in London on Saturday. Photograph: A. Person/Agency", nil, true},
		{"Protesters in London", "", []string{"Police lines in Paris"}, false},
		{"The river tram", "Other text", []string{"The River Tram!"}, true},
		{"Obama admits US gun laws are his biggest frustration", "", []string{"Obama admits US gun laws are his 'biggest frustration'"}, true},
		{"Barack Obama", "", []string{"Obama admits US gun laws are his 'biggest frustration', says Barack Obama"}, false}, // a name the title mentions
		{"A long description of a view over the harbour at night with boats", "The harbour at night", nil, false},
		{"", "anything", nil, false},
	}
	for _, tt := range tests {
		if got := repeats(tt.alt, tt.caption, tt.others...); got != tt.want {
			t.Errorf("repeats(%q, %q, %q) = %v, want %v", tt.alt, tt.caption, tt.others, got, tt.want)
		}
	}
}

// TestImageText checks what an image leaves in the text: a picture that is
// embedded keeps an alt text that says something; one that is not leaves
// its caption, or nothing; decorations leave nothing and are not fetched;
// and the text around an image that leaves nothing stays one paragraph.
func TestImageText(t *testing.T) {
	good := pngBytes(t, 40, 30)
	tests := []struct {
		name, html, want string
	}{
		{"embedded keeps its alt",
			`<p>Text.</p><img src="/ok/a.png" alt="A ferry at the pier">`,
			"P Text.\nIMAGE image/png 40x30 alt=\"A ferry at the pier\"\n"},
		{"a file name is no alt",
			`<img src="/ok/a.png" alt="05-P1610099.jpg">`,
			"IMAGE image/png 40x30 alt=\"\"\n"},
		{"an alt repeating the caption goes",
			`<figure><img src="/ok/a.png" alt="Protesters in London"><figcaption>Protesters in London on Saturday. Photograph: Agency</figcaption></figure>`,
			"IMAGE image/png 40x30 alt=\"\"\n  CAPTION Protesters in London on Saturday. Photograph: Agency\n"},
		{"an alt repeating the paragraph before goes",
			`<p>The mayor opened the new bridge.</p><img src="/ok/a.png" alt="The mayor opened the new bridge">`,
			"P The mayor opened the new bridge.\nIMAGE image/png 40x30 alt=\"\"\n"},
		{"role=presentation keeps the picture, not its alt",
			`<img src="/ok/a.png" role="presentation" alt="Decorative swirl">`,
			"IMAGE image/png 40x30 alt=\"\"\n"},
		{"aria-hidden keeps the picture, not its alt",
			`<img src="/ok/a.png" aria-hidden="true" alt="Back to the previous page">`,
			"IMAGE image/png 40x30 alt=\"\"\n"},
		{"a failed image leaves nothing",
			`<p>One.</p><img src="/fail/a.png" alt="A ferry at the pier"><p>Two.</p>`,
			"P One.\nP Two.\n"},
		{"a failed image leaves its caption",
			`<figure><img src="/fail/a.png" alt="A ferry"><figcaption>The ferry</figcaption></figure>`,
			"P The ferry\n"},
		{"a 2-pixel separator is decoration",
			`<p>One.</p><img src="/sep/line.jpg" alt="line" width="464" height="2"><p>Two.</p>`,
			"P One.\nP Two.\n"},
		{"a stated height of 0 is no size",
			`<img src="/ok/a.png" width="570" height="0" alt="">`,
			"IMAGE image/png 40x30 alt=\"\"\n"},
		{"width and height 0 is a hidden pixel",
			`<p>One.</p><img src="/ok/a.png" width="0" height="0"><p>Two.</p>`,
			"P One.\nP Two.\n"},
		{"a spacer is decoration",
			`<img src="/img/spacer.gif" alt="">`,
			""},
		{"a tracking pixel is dropped once loaded",
			`<img src="/tiny/stats?id=1" alt="">`,
			""},
		{"text around a failed image without alt stays one paragraph",
			`<p>The ferry <img src="/fail/a.png"> crosses the river.</p>`,
			"P The ferry crosses the river.\n"},
		{"text around a failed image in a link stays one paragraph",
			`<p>See <a href="/x"><img src="/fail/a.png" alt="a map"></a> the <em>map</em> below.</p>`,
			"P See the [em map] below.\n"},
		{"text around a decoration stays one paragraph",
			`<p>Before<img src="/img/pixel.gif" width="1" height="1"> and after.</p>`,
			"P Before and after.\n"},
		{"an embedded image in running text stands apart",
			`<p>The ferry <img src="/ok/a.png"> crosses.</p>`,
			"P The ferry\nIMAGE image/png 40x30 alt=\"\"\nP crosses.\n"},
		{"paragraphs apart stay apart",
			`<p>One.</p><img src="/fail/a.png"><p>Two.</p>`,
			"P One.\nP Two.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var asked []string
			load := func(u string) ([]byte, error) {
				mu.Lock()
				asked = append(asked, u)
				mu.Unlock()
				switch {
				case strings.Contains(u, "/ok/"):
					return good, nil
				case strings.Contains(u, "/tiny/"):
					return pngBytes(t, 1, 1), nil
				}
				return nil, errors.New("404 Not Found")
			}
			got := briefly(mapBody(t, "<body>"+tt.html+"</body>", Options{LoadImage: load}))
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			for _, u := range asked {
				if strings.Contains(u, "spacer") || strings.Contains(u, "pixel") || strings.Contains(u, "/sep/") {
					t.Errorf("decoration fetched: %s", u)
				}
			}
		})
	}
}

// briefly dumps blocks with images shown without their bytes and source.
func briefly(blocks []article.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		if img, ok := bl.(*article.Image); ok {
			fmt.Fprintf(&b, "IMAGE %s %dx%d alt=%q\n", img.MediaType, img.Width, img.Height, img.Alt)
			if len(img.Caption) > 0 {
				fmt.Fprintf(&b, "  CAPTION %s\n", dumpInlines(img.Caption))
			}
			continue
		}
		dumpBlocks(&b, []article.Block{bl}, "")
	}
	return b.String()
}

func TestFindSources(t *testing.T) {
	tests := []struct {
		name, html   string
		refs, others []string // others: the candidates not among refs, widest first
	}{
		{"srcset widths: the widest up to 2400",
			`<img src="s.jpg" srcset="a.jpg 640w, b.jpg 1280w, c.jpg 2400w, d.jpg 3600w">`,
			[]string{"c.jpg", "s.jpg"}, []string{"d.jpg", "b.jpg", "a.jpg"}},
		{"all candidates too wide: the narrowest",
			`<img src="s.jpg" srcset="d.jpg 3600w, e.jpg 4800w">`,
			[]string{"d.jpg", "s.jpg"}, []string{"e.jpg"}},
		{"densities count against the width attribute",
			`<img src="s.jpg" width="1000" srcset="a.jpg 1x, b.jpg 2x, c.jpg 3x">`,
			[]string{"b.jpg", "s.jpg"}, []string{"c.jpg", "a.jpg"}},
		{"picture: sources of embeddable types, not the phone crop",
			`<picture><source type="image/avif" srcset="a.avif 2000w"><source media="(max-width: 600px)" srcset="phone.jpg 1200w">` +
				`<source type="image/webp" srcset="w1.webp 1000w, w2.webp 2000w"><img src="s.jpg" srcset="i.jpg 1500w"></picture>`,
			[]string{"w2.webp", "s.jpg"}, []string{"i.jpg", "w1.webp"}},
		{"lazy: data-src before a placeholder src, which is skipped",
			`<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="real.jpg" loading="lazy">`,
			[]string{"real.jpg"}, nil},
		{"lazy: data-srcset and data-original",
			`<img src="blur.jpg" data-srcset="x.jpg 800w, y.jpg 1600w" data-original="orig.jpg">`,
			[]string{"y.jpg", "orig.jpg", "blur.jpg"}, []string{"x.jpg"}},
		{"lazy: BBC's datasrc",
			`<img src="555/a.jpg" datasrc="976/a.jpg">`,
			[]string{"976/a.jpg", "555/a.jpg"}, nil},
		{"a placeholder alone is kept",
			`<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">`,
			[]string{"data:image/gif;base64,R0lGODlhAQABAAAAACw="}, nil},
		{"duplicates and fragments once",
			`<img src="a.jpg" data-src="a.jpg" srcset="a.jpg 800w" data-lazy-src="#x">`,
			[]string{"a.jpg"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := xhtml.Parse(strings.NewReader("<body>" + tt.html))
			if err != nil {
				t.Fatal(err)
			}
			var n, img *xhtml.Node
			walk(doc, func(c *xhtml.Node) bool {
				if c.Type == xhtml.ElementNode && (c.Data == "picture" || c.Data == "img") && n == nil {
					n = c
				}
				if c.Type == xhtml.ElementNode && c.Data == "img" && img == nil {
					img = c
				}
				return true
			})
			s := findSources(n, img)
			if !slices.Equal(s.refs, tt.refs) || !slices.Equal(s.others, tt.others) {
				t.Errorf("refs %q others %q, want %q %q", s.refs, s.others, tt.refs, tt.others)
			}
		})
	}
}

// TestResourcesFirst checks the order images are looked for in: an
// archive's resource or a file beside the page before any request, a
// srcset candidate the archive holds even when it is not the best, and a
// relative reference missing from the page's folder fetched from the
// page's address.
func TestResourcesFirst(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "here.png"), pngBytes(t, 20, 10), 0o644); err != nil {
		t.Fatal(err)
	}
	archive := map[string][]byte{
		"https://example.org/img/small.jpg": pngBytes(t, 30, 10),
		"cid:part1@mhtml.blink":             pngBytes(t, 40, 10),
	}
	var mu sync.Mutex
	var asked []string
	opt := Options{
		BaseDir: dir,
		Resource: func(ref string) ([]byte, bool) {
			d, ok := archive[ref]
			return d, ok
		},
		LoadImage: func(u string) ([]byte, error) {
			mu.Lock()
			asked = append(asked, u)
			mu.Unlock()
			return pngBytes(t, 50, 10), nil
		},
	}
	blocks := mapBody(t, `<body>
		<img src="here.png" alt="Local file">
		<img src="/img/small.jpg" srcset="/img/small.jpg 400w, /img/big.jpg 2000w" alt="Archived candidate">
		<img src="cid:part1@mhtml.blink" alt="By content id">
		<img src="gone.png" alt="Fetched from the page's address">
		</body>`, opt)
	var widths []int
	for _, img := range images_(blocks) {
		widths = append(widths, img.Width)
	}
	if !slices.Equal(widths, []int{20, 30, 40, 50}) {
		t.Errorf("image widths %v, want [20 30 40 50]:\n%s", widths, dumped(blocks))
	}
	if !slices.Equal(asked, []string{"https://example.org/news/2026/gone.png"}) {
		t.Errorf("fetched %q, want only gone.png from the page's address", asked)
	}
}

// TestSameImageFetchedOnce checks that one address named by several
// images (and by srcset and src of one) is fetched once.
func TestSameImageFetchedOnce(t *testing.T) {
	var mu sync.Mutex
	count := map[string]int{}
	load := func(u string) ([]byte, error) {
		mu.Lock()
		count[u]++
		mu.Unlock()
		return pngBytes(t, 40, 30), nil
	}
	blocks := mapBody(t, `<body>
		<img src="https://cdn.example.org/a.png">
		<p>Between.</p>
		<img src="//cdn.example.org/a.png">
		<picture><source srcset="https://cdn.example.org/a.png 1200w"><img src="https://cdn.example.org/a.png"></picture>
		</body>`, Options{LoadImage: load})
	if n := len(images_(blocks)); n != 3 {
		t.Errorf("%d images, want 3", n)
	}
	if len(count) != 1 || count["https://cdn.example.org/a.png"] != 1 {
		t.Errorf("fetched %v, want a.png once", count)
	}
}

// TestSVGNotFetched checks that SVG images, which offprint cannot embed,
// are not fetched, and are reported in one warning however many there
// are (a page of maths has hundreds).
func TestSVGNotFetched(t *testing.T) {
	var asked []string
	var warnings []string
	opt := Options{
		LoadImage: func(u string) ([]byte, error) { asked = append(asked, u); return nil, errors.New("404") },
		Warn:      func(m string) { warnings = append(warnings, m) },
	}
	blocks := mapBody(t, `<body><p>Let <img src="https://wiki.example.org/math/render/svg/a1.svg" alt="{\displaystyle x}"> be a number.</p>`+
		`<p>And <img src="https://wiki.example.org/math/render/svg/b2.SVG?v=1" alt="y"> another.</p></body>`, opt)
	if got := dumped(blocks); got != "P Let be a number.\nP And another.\n" {
		t.Errorf("got\n%s", got)
	}
	if len(asked) != 0 {
		t.Errorf("fetched %q", asked)
	}
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "html: 2 SVG image(s) left out") {
		t.Errorf("warnings %q", warnings)
	}
}

// TestNoscriptFallback reads a whole page whose picture is lazy-loaded:
// a placeholder img and the real one in a <noscript> after it. The real
// one is fetched, once, and the placeholder is not.
func TestNoscriptFallback(t *testing.T) {
	para := "<p>" + strings.Repeat("The ferry crosses the river twice an hour, and the pier is busy all day. ", 6) + "</p>"
	page := `<html><head><title>Ferry</title></head><body><article>` + para +
		`<figure><img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-lazy="1" alt="The old pier">` +
		`<noscript><img src="https://cdn.example.org/pier.jpg" alt="The old pier"></noscript><figcaption>The pier at dawn</figcaption></figure>` +
		para + `</article></body></html>`
	var asked []string
	a, err := Read([]byte(page), Options{URL: "https://example.org/ferry", LoadImage: func(u string) ([]byte, error) {
		asked = append(asked, u)
		return pngBytes(t, 40, 30), nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	imgs := images_(a.Blocks)
	if len(imgs) != 1 || imgs[0].Source != "https://cdn.example.org/pier.jpg" || article.InlineText(imgs[0].Caption) != "The pier at dawn" {
		t.Fatalf("got\n%s", dump(a))
	}
	if !slices.Equal(asked, []string{"https://cdn.example.org/pier.jpg"}) {
		t.Errorf("fetched %q", asked)
	}
}
