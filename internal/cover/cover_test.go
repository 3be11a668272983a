package cover

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/typeface"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// metas are the covers the tests draw: the corpus's two plain-text
// articles and the shapes of metadata a cover must survive.
var metas = []struct {
	name string
	meta article.Meta
}{
	{"sample", article.Meta{
		Title:   "Outcomes of the CSTO Summit in Bishkek Through the Lens of the Looming Great War",
		Authors: []string{"Наталья Маркова"}, Section: "Politics", Language: "en",
		SourceURL: "https://www.example.com/politics/csto"}},
	{"night-library", article.Meta{
		Title:   "В Новосибирске открылась первая городская библиотека, работающая по ночам",
		Authors: []string{"Ирина Соколова"}, Section: "Общество", Language: "ru", SiteName: "Городские новости"}},
	{"short-title", article.Meta{Title: "Night", Authors: []string{"A. N. Other"}, Section: "Culture", SiteName: "The Review"}},
	{"no-authors", article.Meta{Title: "Reading Offline: Notes on Margins, Paper and Attention", Section: "Essays"}},
	{"no-section", article.Meta{Title: "Речной трамвай вернётся на Обь этим летом", Authors: []string{"Пётр Ильин"}}},
	{"many-authors", article.Meta{Title: "A Survey of Everything", Section: "Science",
		Authors: []string{"Alice Anderson", "Bob Brown", "Carol Clark", "David Davis", "Eve Evans", "Frank Foster",
			"Grace Green", "Henry Hill", "Irene Irving", "Jack Johnson", "Karen King", "Leo Lopez"}}},
	{"long-title", article.Meta{Title: strings.Repeat("A very long title that goes on and on, ", 8)[:300],
		Authors: []string{"Someone"}, Section: "Longreads"}},
	{"huge-word", article.Meta{Title: strings.Repeat("ы", 20000), Authors: []string{strings.Repeat("x", 500)},
		Section: strings.Repeat("y", 300), SiteName: strings.Repeat("z", 300)}},
	{"emoji-cjk", article.Meta{Title: "Hello 👋 world — 東京 ٱلسلام Tōkyō\u200b\u0007 café",
		Authors: []string{"😀", "", "  Zoë  "}, Section: "日本"}},
	{"empty", article.Meta{}},
	{"greek", article.Meta{Title: "Νέα μονάδα αφαλάτωσης δίνει ανάσα στη Σίφνο",
		Authors: []string{"Ελένη Παπαδοπούλου"}, Section: "Περιβάλλον", Language: "el", SiteName: "Η Καθημερινή"}},
	{"polytonic", article.Meta{Title: "Ἡ Ὀδύσσεια· ἄνδρα μοι ἔννεπε, Μοῦσα, πολύτροπον", Section: "Ἀρχαῖα", Language: "grc"}},
	{"vietnamese", article.Meta{Title: "Nông dân ven biển miền Tây chủ động sống chung với hạn mặn",
		Authors: []string{"Nguyễn Thu Hà"}, Section: "Thời sự", Language: "vi", SiteName: "Báo Tuổi Trẻ"}},
	{"vietnamese-nfd", article.Meta{Title: norm.NFD.String("Những người giữ rừng ở Cúc Phương"), Language: "vi"}},
	{"english-greek-word", article.Meta{Title: "What the Greeks meant by λόγος", Authors: []string{"Ann Lee"}, Language: "en"}},
}

// sizes are cover sizes besides the default that layouts must survive.
var sizes = [][2]int{{1600, 2560}, {1200, 1920}, {600, 960}, {1600, 1600}, {2560, 1600}, {64, 64}}

func TestRender(t *testing.T) {
	for _, tc := range metas {
		for _, opt := range []Options{{}, {Format: "png", Width: 600, Height: 960}, {Format: "jpeg", Quality: 80}} {
			if opt.Format == "jpeg" && tc.name != "sample" && tc.name != "night-library" {
				continue // the JPEG encoder is slow; two covers show it works
			}
			t.Run(fmt.Sprintf("%s/%s-%dx%d", tc.name, opt.format(), opt.Width, opt.Height), func(t *testing.T) {
				var a, b bytes.Buffer
				if err := Render(&a, &tc.meta, opt); err != nil {
					t.Fatal(err)
				}
				if err := Render(&b, &tc.meta, opt); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a.Bytes(), b.Bytes()) {
					t.Error("two renderings differ")
				}
				if got := http.DetectContentType(a.Bytes()); got != opt.MediaType() {
					t.Errorf("content sniffs as %s, MediaType says %s", got, opt.MediaType())
				}
				img, format, err := image.Decode(&a)
				if err != nil {
					t.Fatalf("decode: %v", err)
				}
				if "image/"+format != opt.MediaType() {
					t.Errorf("decoded as %s, MediaType says %s", format, opt.MediaType())
				}
				w, h := opt.size()
				if got := img.Bounds(); got != image.Rect(0, 0, w, h) {
					t.Errorf("bounds %v, want %dx%d", got, w, h)
				}
			})
		}
	}
}

// TestMargins checks that nothing is drawn in the outer margins: in the
// left and right bands every row is one flat colour (the background, or
// the site band running edge to edge), and the top band is background.
func TestMargins(t *testing.T) {
	for _, tc := range metas {
		for _, sz := range sizes {
			opt := Options{Width: sz[0], Height: sz[1]}
			img, err := Image(&tc.meta, opt)
			if err != nil {
				t.Fatal(err)
			}
			side := int(0.07 * float64(sz[0]))
			top := int(0.07 * float64(sz[1]))
			for y := 0; y < sz[1]; y++ {
				row := img.Pix[img.PixOffset(0, y):][:sz[0]]
				c := row[0]
				if c != iBg && c != iAccent {
					t.Fatalf("%s %v: pixel (0,%d) has colour %d, not a flat ground", tc.name, sz, y, c)
				}
				check := func(x0, x1 int) {
					for x := x0; x < x1; x++ {
						if row[x] != c {
							t.Fatalf("%s %v: ink at (%d,%d) in the margin", tc.name, sz, x, y)
						}
					}
				}
				if y < top {
					check(0, sz[0])
				}
				check(0, side)
				check(sz[0]-side, sz[0])
			}
		}
	}
}

// TestInk checks that every piece of text that should be drawn is, in its
// own colours, and nothing else is.
func TestInk(t *testing.T) {
	for _, tc := range metas {
		img, err := Image(&tc.meta, Options{Width: 800, Height: 1280})
		if err != nil {
			t.Fatal(err)
		}
		var title, accent, band int
		for _, c := range img.Pix {
			switch {
			case c == iInk || inkOnBg.level(c) > 0 && c >= nSolid:
				title++
			case accentOnBg.level(c) > 0 && c >= nSolid:
				accent++
			case c == iBand || bandOnBand.level(c) > 0 && c >= nSolid:
				band++
			}
		}
		m := tc.meta
		wantTitle := hasLetter(m.Title)
		wantAccent := hasLetter(m.Section) || hasLetter(strings.Join(m.Authors, ""))
		wantBand := m.SiteName != "" || m.SourceURL != ""
		if (title > 0) != wantTitle {
			t.Errorf("%s: %d title pixels, want some: %v", tc.name, title, wantTitle)
		}
		if (accent > 0) != wantAccent {
			t.Errorf("%s: %d anti-aliased accent pixels, want some: %v", tc.name, accent, wantAccent)
		}
		if (band > 0) != wantBand {
			t.Errorf("%s: %d site-name pixels, want some: %v", tc.name, band, wantBand)
		}
	}
}

// hasLetter reports whether s has a letter the cover fonts draw.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Latin, unicode.Cyrillic, unicode.Greek) {
			return true
		}
	}
	return false
}

// TestLayout checks that the laid-out text fits its column and that no two
// lines collide, at every size, and compares the layouts of the default
// size with testdata/golden/layout.txt (run with -update to rewrite it).
func TestLayout(t *testing.T) {
	var golden strings.Builder
	for _, tc := range metas {
		f, err := newFonts(familyFor(&tc.meta))
		if err != nil {
			t.Fatal(err)
		}
		for _, sz := range sizes {
			d := layout(&tc.meta, f, sz[0], sz[1])
			left := float64(int(float64(sz[0]) * marginX))
			textW := float64(sz[0]) - 2*left
			lines := append([]line(nil), d.lines...)
			sort.SliceStable(lines, func(i, j int) bool { return lines[i].y < lines[j].y })
			for i, l := range lines {
				if w := l.face.measure(l.text, l.tracking) * l.size; w > textW+0.5 {
					t.Errorf("%s %v: %s line %q is %.1f px wide, column %.1f", tc.name, sz, l.role, l.text, w, textW)
				}
				if i > 0 {
					p := lines[i-1]
					if p.y+0.2*p.size > l.y-l.face.cap*l.size {
						t.Errorf("%s %v: %s line %q collides with %s line %q", tc.name, sz, l.role, l.text, p.role, p.text)
					}
				}
			}
			if sz != [2]int{DefaultWidth, DefaultHeight} {
				continue
			}
			img, err := Image(&tc.meta, Options{})
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&golden, "%s: scheme %s, pixels %x\n", tc.name, pick(strings.TrimSpace(tc.meta.Title), 0).name, sha256.Sum256(img.Pix))
			for _, l := range d.lines {
				text := []rune(l.text)
				if len(text) > 60 {
					text = append(text[:60], []rune("[…]")...)
				}
				fmt.Fprintf(&golden, "\t%-6s %5.1fpx at (%4.0f, %6.1f) %q\n", l.role, l.size, l.x, l.y, string(text))
			}
		}
	}
	compareGolden(t, "layout.txt", golden.String())
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

func TestConcurrent(t *testing.T) {
	m := &metas[1].meta
	opt := Options{Width: 400, Height: 640}
	var want bytes.Buffer
	if err := Render(&want, m, opt); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var got bytes.Buffer
			if err := Render(&got, m, opt); err != nil {
				t.Error(err)
				return
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Error("concurrent rendering differs")
			}
		})
	}
	wg.Wait()
}

func TestOptions(t *testing.T) {
	m := &article.Meta{Title: "T"}
	for _, tc := range []struct {
		opt        Options
		media, ext string
		err        bool
	}{
		{Options{}, "image/png", ".png", false},
		{Options{Format: "png"}, "image/png", ".png", false},
		{Options{Format: "jpeg"}, "image/jpeg", ".jpg", false},
		{Options{Format: "jpg", Quality: 100}, "image/jpeg", ".jpg", false},
		{Options{Format: "gif"}, "", "", true},
		{Options{Width: 10}, "image/png", ".png", true},
		{Options{Height: 9000}, "image/png", ".png", true},
		{Options{Width: -1}, "image/png", ".png", true},
		{Options{Format: "jpeg", Quality: 101}, "image/jpeg", ".jpg", true},
		{Options{Scheme: -1}, "image/png", ".png", true},
		{Options{Scheme: 1000}, "image/png", ".png", false},
	} {
		if got := tc.opt.MediaType(); got != tc.media {
			t.Errorf("%+v: MediaType %q, want %q", tc.opt, got, tc.media)
		}
		if got := tc.opt.Extension(); got != tc.ext {
			t.Errorf("%+v: Extension %q, want %q", tc.opt, got, tc.ext)
		}
		if tc.opt.Width == 0 && tc.opt.Height == 0 {
			tc.opt.Width, tc.opt.Height = 100, 160 // keep the test fast
		}
		_, err := Image(m, tc.opt)
		if (err != nil) != tc.err {
			t.Errorf("%+v: error %v, want error: %v", tc.opt, err, tc.err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "cover: ") {
			t.Errorf("error %q lacks the package prefix", err)
		}
	}
	if err := Render(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("nil metadata: no error")
	}
}

func TestScheme(t *testing.T) {
	m := &metas[0].meta
	for n := 1; n <= len(palette)+1; n++ {
		img, err := Image(m, Options{Width: 100, Height: 160, Scheme: n})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := img.Palette[iBg], palette[(n-1)%len(palette)].bg; got != want {
			t.Errorf("scheme %d: background %v, want %v", n, got, want)
		}
	}
	// The derived scheme depends on the title and nothing else.
	a, b := pick("A title", 0), pick("A title", 0)
	if a != b {
		t.Error("pick is not deterministic")
	}
	seen := map[string]bool{}
	for _, tc := range metas {
		seen[pick(tc.meta.Title, 0).name] = true
	}
	if len(seen) < 3 {
		t.Errorf("the test titles use only %d schemes", len(seen))
	}
}

// TestJPEGMatchesPNG checks that the JPEG shows the same picture as the PNG.
func TestJPEGMatchesPNG(t *testing.T) {
	m := &metas[0].meta
	opt := Options{Width: 400, Height: 640}
	var p, j bytes.Buffer
	if err := Render(&p, m, opt); err != nil {
		t.Fatal(err)
	}
	opt.Format = "jpeg"
	if err := Render(&j, m, opt); err != nil {
		t.Fatal(err)
	}
	pi, err := png.Decode(&p)
	if err != nil {
		t.Fatal(err)
	}
	ji, err := jpeg.Decode(&j)
	if err != nil {
		t.Fatal(err)
	}
	var diff, n float64
	for y := 0; y < 640; y += 3 {
		for x := 0; x < 400; x += 3 {
			r1, g1, b1, _ := pi.At(x, y).RGBA()
			r2, g2, b2, _ := ji.At(x, y).RGBA()
			diff += absDiff(r1, r2) + absDiff(g1, g2) + absDiff(b1, b2)
			n += 3
		}
	}
	if mean := diff / n / 0xffff; mean > 0.03 {
		t.Errorf("JPEG differs from PNG by %.3f on average", mean)
	}
}

func absDiff(a, b uint32) float64 {
	if a > b {
		return float64(a - b)
	}
	return float64(b - a)
}

// TestFamily checks that a cover is set in Noto exactly when its text has
// a character only Noto draws, and that it then keeps every letter of the
// title (PT would drop them: the test could fail) and draws it.
func TestFamily(t *testing.T) {
	want := map[string]typeface.Family{
		"greek": typeface.Noto, "polytonic": typeface.Noto, "vietnamese": typeface.Noto,
		"vietnamese-nfd": typeface.Noto, "english-greek-word": typeface.Noto,
	}
	for _, tc := range metas {
		fam := familyFor(&tc.meta)
		if fam != want[tc.name] {
			t.Errorf("%s: set in %v, want %v", tc.name, fam, want[tc.name])
		}
		if fam != typeface.Noto {
			continue
		}
		f, err := newFonts(fam)
		if err != nil {
			t.Fatal(err)
		}
		pt, err := newFonts(typeface.PT)
		if err != nil {
			t.Fatal(err)
		}
		title := norm.NFC.String(tc.meta.Title)
		if got, _ := f.title.clean(tc.meta.Title); got != title {
			t.Errorf("%s: the cover keeps %q of the title %q", tc.name, got, title)
		}
		if got, _ := pt.title.clean(tc.meta.Title); got == title {
			t.Errorf("%s: PT Serif Bold draws all of %q: the test proves nothing", tc.name, title)
		}
		d := layout(&tc.meta, f, DefaultWidth, DefaultHeight)
		var drawn strings.Builder
		for _, l := range d.lines {
			if l.role == "title" {
				drawn.WriteString(l.text)
			}
		}
		if strip := func(s string) string { return strings.NewReplacer(" ", "", "-", "", "\u00ad", "").Replace(s) }; strip(drawn.String()) != strip(title) {
			t.Errorf("%s: title drawn as %q, want %q", tc.name, drawn.String(), title)
		}
	}
}
