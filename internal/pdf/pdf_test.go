package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader"
	"github.com/offprint/offprint/internal/typo"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// tool returns the path of an external validator. A missing tool skips the
// test on a developer's machine and fails it in CI.
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	return path
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// render writes a to a temporary file and returns its path and bytes.
func renderFile(t *testing.T, a *article.Article, opt Options) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, a, opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

// fold collapses whitespace and rejoins words hyphenated at line ends,
// as a reader of extracted text does. A hyphen-minus standing alone as a
// dash is dropped: pdftotext takes one at a line end for a hyphen and
// removes it.
func fold(s string) string {
	s = regexp.MustCompile(`(\pL)-\s*\n\s*(\pL)`).ReplaceAllString(s, "$1$2")
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		if w != "-" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

var conformanceCases = []struct {
	file  string
	paper Paper
}{
	{"csto-summit-bishkek.txt", A4},
	{"csto-summit-bishkek.txt", EReader},
	{"night-library.txt", A4},
	{"night-library.txt", EReader},
	{"night-library.txt", Letter},
}

// TestConformance checks the sample and a Russian article with validators:
// qpdf finds nothing wrong, every font is embedded and subset, the Author
// is exactly the author, page 1 holds the title and author and no body
// text, and every paragraph can be extracted, its words in order.
func TestConformance(t *testing.T) {
	for _, c := range conformanceCases {
		t.Run(c.file+"/"+c.paper.Name, func(t *testing.T) {
			a := readCorpus(t, c.file)
			path, _ := renderFile(t, a, Options{Paper: c.paper, Version: "test"})

			run(t, "qpdf", "--check", path)

			fonts := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
			if len(fonts) < 3 {
				t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(fonts, "\n"))
			}
			for _, ln := range fonts[2:] {
				f := strings.Fields(ln)
				// name type... encoding emb sub uni object ID
				if n := len(f); n < 7 || f[n-5] != "yes" || f[n-4] != "yes" || !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(f[0]) {
					t.Errorf("font not embedded and subset: %s", ln)
				}
			}

			info := run(t, "pdfinfo", path)
			if !strings.Contains(info, "\nAuthor:          "+a.Meta.Authors[0]+"\n") {
				t.Errorf("pdfinfo Author is not %q:\n%s", a.Meta.Authors[0], info)
			}
			if !strings.Contains(info, "Title:           "+a.Meta.Title) {
				t.Errorf("pdfinfo Title wrong:\n%s", info)
			}

			first := fold(run(t, "pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", path, "-"))
			if !strings.Contains(first, fold(a.Meta.Title)) || !strings.Contains(first, a.Meta.Authors[0]) {
				t.Errorf("page 1 lacks title or author: %q", first)
			}
			for _, b := range a.Blocks {
				if p, ok := b.(*article.Paragraph); ok {
					words := strings.Fields(article.InlineText(p.Inlines))
					if strings.Contains(first, strings.Join(words[:min(6, len(words))], " ")) {
						t.Errorf("page 1 holds body text: %q", first)
					}
				}
			}

			// the body pages' text block, without running header and footer
			g := newGeometry(c.paper, defaultFontSize(c.paper))
			crop := []string{"-r", "72", "-x", "0", "-y", fmt.Sprint(int(g.top - 4)), "-W", fmt.Sprint(int(g.pageW)),
				"-H", fmt.Sprint(int(g.height() + 8)), "-f", "2"}
			all := fold(run(t, "pdftotext", append(crop, "-enc", "UTF-8", path, "-")...))
			for _, b := range a.Blocks {
				want := fold(article.BlockText(b))
				if !strings.Contains(all, want) {
					t.Errorf("extracted text lacks block:\n%s\n--- in ---\n%s", want, all)
				}
			}
		})
	}
}

// TestTextBlock checks that no glyph is set outside the text block, on any
// paper, for long words, long URLs and text of every kind.
func TestTextBlock(t *testing.T) {
	arts := map[string]*article.Article{"kitchen-sink": kitchenSink(t), "pathological-meta": pathologicalMeta()}
	for _, name := range []string{"csto-summit-bishkek.txt", "night-library.txt", "edge/injection.txt", "edge/longword.txt"} {
		arts[name] = readCorpus(t, name)
	}
	names := make([]string, 0, len(arts))
	for n := range arts {
		names = append(names, n)
	}
	sort.Strings(names)
	papers := append(Papers(), Paper{Width: 100, Height: 150})
	for _, name := range names {
		for _, p := range papers {
			l, err := layoutRecorded(arts[name], Options{Paper: p})
			if err != nil {
				t.Fatal(err)
			}
			g := l.g
			n := 0
			for pi, pg := range l.pages {
				for _, it := range pg.items {
					if it.kind != kText {
						continue
					}
					n++
					if it.x < g.left-0.01 || it.x+it.w > g.right+0.01 || it.y < 0 || it.y > g.pageH {
						t.Errorf("%s %s page %d: %q at x %.2f–%.2f y %.2f outside %.2f–%.2f",
							name, p, pi+1, it.text, it.x, it.x+it.w, it.y, g.left, g.right)
					}
					if pi == 0 && (it.y < g.top || it.y > g.bottom) {
						t.Errorf("%s %s: title page text %q at y %.1f outside %.1f–%.1f", name, p, it.text, it.y, g.top, g.bottom)
					}
					if w := l.Width(int(it.style), it.text); math.Abs(w-it.w) > 0.01 {
						t.Errorf("%s %s: %q placed %.2f wide, measures %.2f", name, p, it.text, it.w, w)
					}
				}
			}
			if n == 0 {
				t.Errorf("%s %s: no text", name, p)
			}
		}
	}
}

// pathologicalMeta has metadata too long for any title page.
func pathologicalMeta() *article.Article {
	long := strings.Repeat("Extraordinarily verbose headline words 📚 ", 60)
	var authors []string
	for i := range 40 {
		authors = append(authors, fmt.Sprintf("Author Number%d", i))
	}
	return &article.Article{
		Meta: article.Meta{Title: long, Subtitle: long, Authors: authors, Section: long, Description: strings.Repeat(long, 3),
			SiteName: long, SourceURL: "https://example.org/" + strings.Repeat("segment/", 300), Language: "en",
			Date: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)},
		Blocks: []article.Block{&article.Paragraph{Inlines: article.Plain("Body.")}},
	}
}

// TestMetadata checks the document information, emoji included.
func TestMetadata(t *testing.T) {
	a := readCorpus(t, "night-library.txt")
	a.Meta.Title += " 📚"
	a.Meta.Keywords = []string{"библиотека", "ночь"}
	path, _ := renderFile(t, a, Options{Version: "1.2.3", Date: time.Date(2026, 4, 1, 10, 30, 0, 0, time.UTC)})
	info := run(t, "pdfinfo", "-isodates", path)
	for _, want := range []string{"Title:           " + a.Meta.Title, "Author:          Ирина Соколова\n",
		"Subject:         Общество", "Keywords:        библиотека, ночь", "Creator:         offprint 1.2.3",
		"CreationDate:    2026-04-01T10:30:00", "ModDate:         2026-04-01T10:30:00"} {
		if !strings.Contains(info, strings.ReplaceAll(want, "\\n", "\n")) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	if !strings.Contains(strings.ReplaceAll(text, "\u202f", " "), "Преобразовано программой offprint 1.2.3 1 апреля 2026 г.") {
		t.Errorf("attribution lacks the conversion line:\n%s", text)
	}
}

// isSentenceEnd reports whether a word ends a sentence: a space after it
// may be wider.
func isSentenceEnd(w string) bool {
	w = strings.TrimRight(w, "\"'»”’)]")
	return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?") ||
		strings.HasSuffix(w, ":") || strings.HasSuffix(w, ";")
}

// gaps returns every inter-word gap of justified lines that are not last
// lines, in ems, leaving out gaps after sentence ends.
func gaps(l *layout) []float64 {
	var out []float64
	for _, li := range l.lines {
		if !li.justified {
			continue
		}
		for i := 1; i < len(li.segs); i++ {
			prev, s := li.segs[i-1], li.segs[i]
			if !s.space || isSentenceEnd(prev.text) {
				continue
			}
			out = append(out, (s.x-(prev.x+prev.w))/li.size)
		}
	}
	sort.Float64s(out)
	return out
}

// looseLimits bounds the word spaces of justified lines at one paper size:
// the 95th percentile and the maximum, in ems.
type looseLimits struct {
	paper      Paper
	p95, worst float64
}

// looseInput is an article TestLooseness sets: a corpus file and the
// limits it is held to.
type looseInput struct {
	path   string // under testdata/corpus
	limits []looseLimits
}

// looseOpen lists the inputs, at one paper size, whose word spaces are
// still above issue 12's limits, each held to its figures of 2026-12-04
// instead (p95, max) so that it cannot get worse unnoticed. All three are
// e-reader pages (24 em to a line) of short texts, where a few lines that
// no break can fill decide the 95th percentile of 150 to 300 spaces: in
// the Dutch article, "Het waterschap organiseerde de afgelopen jaren" cannot
// take "tien-" (it would need spaces shrunk by 1.11 pt, 0.81 pt allowed)
// nor give a word away, and the next line has the same trouble with
// "keukentafelgesprekken. Op". What would close them is not hyphenation
// but font expansion (as pdfTeX's microtype), which is not done yet.
var looseOpen = map[string]looseLimits{
	"lang/nl-dijkversterking.md ereader": {EReader, 0.57, 0.62},
	"lang/fi-talvipyoraily.md ereader":   {EReader, 0.56, 0.66},
	"web/lemonde-1/source.html ereader":  {EReader, 0.50, 0.87},
}

// looseInputs lists what TestLooseness sets: the English and Russian
// samples, held to what offprint has achieved since it first shipped, and
// every article of corpus/lang written in Latin, Cyrillic or Greek script
// with the German, French and Spanish saved pages, held to issue 12's
// limits.
func looseInputs(t *testing.T) []looseInput {
	t.Helper()
	home := []looseLimits{{A4, 0.40, 0.60}, {EReader, 0.50, 0.75}}
	europe := []looseLimits{{A4, 0.45, 0.70}, {EReader, 0.55, 0.85}}
	in := []looseInput{{"csto-summit-bishkek.txt", home}, {"night-library.txt", home}}
	names, err := filepath.Glob(filepath.Join(corpus, "lang", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(string(data), "---\n") && europeanScript(string(data)) { // an article, not the README
			in = append(in, looseInput{filepath.Join("lang", filepath.Base(name)), europe})
		}
	}
	for _, page := range []string{"heise", "lemonde-1", "la-nacion"} {
		in = append(in, looseInput{filepath.Join("web", page, "source.html"), europe})
	}
	if len(in) < 15 {
		t.Fatalf("only %d inputs: the corpus is missing", len(in))
	}
	return in
}

// europeanScript reports whether at least 90% of the letters of s are
// Latin, Cyrillic or Greek.
func europeanScript(s string) bool {
	ours, all := 0, 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		all++
		if unicode.In(r, unicode.Latin, unicode.Cyrillic, unicode.Greek) {
			ours++
		}
	}
	return all > 0 && ours*10 >= all*9
}

// readAny reads a corpus file with the reader offprint uses for it.
func readAny(t *testing.T, path string) *article.Article {
	t.Helper()
	if strings.HasSuffix(path, ".txt") {
		return readCorpus(t, path)
	}
	full := filepath.Join(corpus, path)
	data, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	a, err := reader.Read(full, data, reader.Options{BaseDir: filepath.Dir(full), NoImages: true})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return a
}

// spacing returns the 95th percentile and the maximum of gaps, sorted.
func spacing(g []float64) (p95, worst float64) {
	return g[int(math.Ceil(0.95*float64(len(g))))-1], g[len(g)-1]
}

// TestLooseness measures the word spaces of justified lines, leaving out
// those after sentence ends: the 95th percentile and the maximum, in ems,
// for every input of looseInputs at A4 and e-reader size, and fails above
// the limits (looseOpen's for the rows it lists, which it reports as
// open). It logs them as a Markdown table (go test -run TestLooseness -v),
// the one in the README.
func TestLooseness(t *testing.T) {
	var table []string
	open := 0
	for _, in := range looseInputs(t) {
		a := readAny(t, in.path)
		typo.Refine(a) // measure the text as offprint sets it: curly quotes, dashes, no-break spaces
		for _, c := range in.limits {
			l, err := layoutRecorded(a, Options{Paper: c.paper})
			if err != nil {
				t.Fatal(err)
			}
			g := gaps(l)
			if len(g) < 20 {
				t.Errorf("%s %s (%s): only %d gaps", in.path, c.paper, a.Meta.Language, len(g))
				continue
			}
			p95, worst := spacing(g)
			t.Logf("%s %s: %d gaps, median %.3f em, p95 %.3f em, max %.3f em", in.path, c.paper, len(g), g[len(g)/2], p95, worst)
			table = append(table, fmt.Sprintf("| %s | %s | %s | %.2f | %.2f |", a.Meta.Language, in.path, c.paper, p95, worst))
			if o, ok := looseOpen[in.path+" "+c.paper.String()]; ok {
				open++
				if p95 <= c.p95 && worst <= c.worst {
					t.Errorf("%s %s: within the limits now (p95 %.3f, max %.3f em): take it off looseOpen", in.path, c.paper, p95, worst)
				}
				t.Logf("OPEN: %s %s above issue 12's limits (%.2f, %.2f): p95 %.3f em, max %.3f em", in.path, c.paper, c.p95, c.worst, p95, worst)
				c = o
			}
			if p95 > c.p95 || worst > c.worst {
				t.Errorf("%s %s (%s): word spaces too loose: p95 %.3f em (limit %.2f), max %.3f em (limit %.2f)",
					in.path, c.paper, a.Meta.Language, p95, c.p95, worst, c.worst)
			}
		}
	}
	if open != len(looseOpen) {
		t.Errorf("%d of looseOpen's %d rows measured: a stale entry", open, len(looseOpen))
	}
	t.Logf("word spaces of justified lines, in ems:\n| language | input | paper | p95 | max |\n|---|---|---|--:|--:|\n%s",
		strings.Join(table, "\n"))
}

// TestRaggedWithoutPatterns checks that an article in a language offprint
// cannot hyphenate, or in none known, is set ragged right: no justified
// line, no word space over 0.6 em, lines filled as a good ragged setting
// fills them. Languages with patterns, and Vietnamese, stay justified.
func TestRaggedWithoutPatterns(t *testing.T) {
	for _, tt := range []struct {
		lang   string
		ragged bool
	}{
		{"", true}, {"eo", true}, {"sq", true}, {"xx-YY", true}, {"mn-Mong", true},
		{"vi", false}, {"de", false}, {"de-CH", false}, {"pt", false}, {"sr-Latn", false},
	} {
		a := readAny(t, "lang/de-fernwaerme.md")
		a.Meta.Language = tt.lang
		for _, paper := range []Paper{A4, EReader} {
			l, err := layoutRecorded(a, Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			last := map[int]int{} // the last line of each paragraph
			for i, li := range l.lines {
				last[li.para] = i
			}
			justified, widest := 0, 0.0
			var fill []float64
			for i, li := range l.lines {
				if li.heading || li.page == 0 {
					continue
				}
				if li.justified {
					justified++
				}
				for k := 1; k < len(li.segs); k++ {
					if prev, s := li.segs[k-1], li.segs[k]; s.space && !isSentenceEnd(prev.text) {
						widest = max(widest, (s.x-(prev.x+prev.w))/li.size)
					}
				}
				if n := len(li.segs); n > 0 && last[li.para] != i {
					end := li.segs[n-1]
					fill = append(fill, (end.x+end.w-li.left)/li.width)
				}
			}
			sort.Float64s(fill)
			switch {
			case len(fill) < 20:
				t.Errorf("%q %s: only %d lines", tt.lang, paper, len(fill))
			case !tt.ragged && justified == 0:
				t.Errorf("%q %s: no justified line", tt.lang, paper)
			case tt.ragged && justified > 0:
				t.Errorf("%q %s: %d justified lines, want ragged right", tt.lang, paper, justified)
			case tt.ragged && widest > 0.6:
				t.Errorf("%q %s: a word space of %.2f em, want at most 0.6", tt.lang, paper, widest)
			case tt.ragged && fill[len(fill)/2] < 0.85:
				t.Errorf("%q %s: ragged lines fill %.0f%% of the measure (median), want 85%%", tt.lang, paper, 100*fill[len(fill)/2])
			}
			if tt.ragged {
				t.Logf("%q %s: ragged, widest space %.2f em, lines filled %.0f%% (median), %.0f%% (shortest)", tt.lang, paper, widest, 100*fill[len(fill)/2], 100*fill[0])
			}
		}
	}
}

// TestKeeps checks the page breaks of a long article on small pages: no
// paragraph leaves a single line at the foot or head of a page, and no
// heading ends a page or is parted from the first two lines of its section.
func TestKeeps(t *testing.T) {
	a := longArticle(t, 6, 3)
	for _, p := range []Paper{EReader, A5, {Width: 100, Height: 140}} {
		l, err := layoutRecorded(a, Options{Paper: p})
		if err != nil {
			t.Fatal(err)
		}
		type key struct{ para, page int }
		count := map[key]int{}
		total := map[int]int{}
		for _, li := range l.lines {
			count[key{li.para, li.page}]++
			total[li.para]++
		}
		for k, n := range count {
			if n == 1 && total[k.para] > 1 {
				t.Errorf("%s: paragraph %d leaves one line on page %d", p, k.para, k.page)
			}
		}
		for i, li := range l.lines {
			if !li.heading {
				continue
			}
			if i+2 >= len(l.lines) {
				t.Errorf("%s: heading at the end", p)
				continue
			}
			if l.lines[i+1].page != li.page || (!l.lines[i+1].heading && total[l.lines[i+1].para] >= 1 && l.lines[i+2].page != li.page) {
				t.Errorf("%s: heading %q on page %d parted from its section", p, li.segs[0].text, li.page)
			}
		}
		if len(l.pages) < 10 {
			t.Errorf("%s: only %d pages: the test sets too little text", p, len(l.pages))
		}
	}
}

// TestDeterministic writes the same article twice.
func TestDeterministic(t *testing.T) {
	a := kitchenSink(t)
	var b1, b2 bytes.Buffer
	if err := Write(&b1, a, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b2, a, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("two writes of the same article differ")
	}
	if !bytes.Contains(b1.Bytes(), []byte("/CreationDate (D:20260314")) {
		t.Errorf("creation date is not the article's date")
	}
}

// TestGolden compares the sample, uncompressed, with its golden PDF.
func TestGolden(t *testing.T) {
	a := readCorpus(t, "csto-summit-bishkek.txt")
	opt := Options{NoCompress: true, Version: "golden", Date: time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	if err := Write(&buf, a, opt); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "golden", "sample-a4.pdf")
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("output differs from %s (%d bytes, golden %d); run go test -update if the change is intended",
			golden, buf.Len(), len(want))
	}
}

// TestMissingGlyphs checks that characters no font has are reported once,
// drawn as markers, and still extracted as themselves.
func TestMissingGlyphs(t *testing.T) {
	a := readCorpus(t, "edge/injection.txt")
	var warns []string
	path, _ := renderFile(t, a, Options{Warn: func(s string) { warns = append(warns, s) }})
	if len(warns) != 1 {
		t.Fatalf("want one warning, got %d: %q", len(warns), warns)
	}
	// Chinese and Hebrew have faces of their own (scripts.go): only the
	// emoji is missing.
	for _, want := range []string{"📚 U+1F4DA", "pdf: 1 character not in the fonts"} {
		if !strings.Contains(warns[0], want) {
			t.Errorf("warning lacks %q: %s", want, warns[0])
		}
	}
	run(t, "qpdf", "--check", path)
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	for _, want := range []string{"📚", "书", "backslash \\ and parentheses (like these)"} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted text lacks %q:\n%s", want, text)
		}
	}
}

// TestFallbackFont draws CJK from a fallback font when the system has one.
func TestFallbackFont(t *testing.T) {
	const droid = "/usr/share/ghostscript/10.00.0/Resource/CIDFSubst/DroidSansFallback.ttf"
	data, err := os.ReadFile(droid)
	if err != nil {
		t.Skip("no CJK TrueType font on this system")
	}
	a := readCorpus(t, "edge/injection.txt")
	var warns []string
	path, _ := renderFile(t, a, Options{FallbackFont: data, Warn: func(s string) { warns = append(warns, s) }})
	if len(warns) != 1 || strings.Contains(warns[0], "U+4E66") || !strings.Contains(warns[0], "U+1F4DA") {
		t.Errorf("want one warning naming the emoji but not 书: %q", warns)
	}
	run(t, "qpdf", "--check", path)
	if fonts := run(t, "pdffonts", path); !strings.Contains(fonts, "+DroidSansFallback") {
		t.Errorf("fallback font not embedded:\n%s", fonts)
	}
}

// TestBadFallbackFont refuses what gofpdf cannot embed.
func TestBadFallbackFont(t *testing.T) {
	a := readCorpus(t, "night-library.txt")
	for _, data := range [][]byte{[]byte("OTTO\x00\x00\x00\x00"), []byte("not a font at all")} {
		err := Write(&bytes.Buffer{}, a, Options{FallbackFont: data})
		if err == nil || !strings.HasPrefix(err.Error(), "pdf: fallback font") {
			t.Errorf("want a fallback font error, got %v", err)
		}
	}
}

// TestInvalid rejects an invalid article and bad options.
func TestInvalid(t *testing.T) {
	if err := Write(&bytes.Buffer{}, &article.Article{}, Options{}); err == nil || !strings.HasPrefix(err.Error(), "pdf: ") {
		t.Errorf("empty article: %v", err)
	}
	a := readCorpus(t, "night-library.txt")
	if err := Write(&bytes.Buffer{}, a, Options{FontSize: 200}); err == nil {
		t.Error("font size 200 accepted")
	}
	if err := Write(&bytes.Buffer{}, a, Options{Paper: Paper{Width: 10, Height: 10}}); err == nil {
		t.Error("10 × 10 mm paper accepted")
	}
	if err := Write(&bytes.Buffer{}, a, Options{Paper: Paper{Name: "a3"}}); err == nil {
		t.Error("paper a3 accepted")
	}
	l, err := layoutRecorded(a, Options{Paper: Paper{Name: "ereader"}})
	if err != nil || !l.g.compact || math.Abs(l.g.pageW-90*mm) > 0.01 {
		t.Errorf("Paper{Name: \"ereader\"}: %v", err)
	}
}

func TestParsePaper(t *testing.T) {
	for _, c := range []struct {
		in   string
		w, h float64
		err  bool
	}{
		{"a4", 210, 297, false},
		{" Letter ", 215.9, 279.4, false},
		{"A5", 148, 210, false},
		{"ereader", 90, 120, false},
		{"210x297mm", 210, 297, false},
		{"105 × 148 mm", 105, 148, false},
		{"100x150", 100, 150, false},
		{"8.5x11in", 215.9, 279.4, false},
		{"10x15cm", 100, 150, false},
		{"a3", 0, 0, true},
		{"", 0, 0, true},
		{"10x10mm", 0, 0, true},
		{"axb", 0, 0, true},
	} {
		p, err := ParsePaper(c.in)
		if (err != nil) != c.err {
			t.Errorf("ParsePaper(%q) error %v", c.in, err)
			continue
		}
		if err == nil && (p.Width != c.w || p.Height != c.h) {
			t.Errorf("ParsePaper(%q) = %v × %v", c.in, p.Width, p.Height)
		}
		if err == nil {
			if q, err := ParsePaper(p.String()); err != nil || q.Width != p.Width || q.Height != p.Height {
				t.Errorf("ParsePaper(%q.String() = %q) = %v, %v", c.in, p.String(), q, err)
			}
		}
	}
	if n := len(Papers()); n != 4 || Papers()[0] != A4 {
		t.Errorf("Papers() = %v", Papers())
	}
}

func TestDates(t *testing.T) {
	d := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{
		"en": "14 March 2026", "en-GB": "14 March 2026", "ru": "14 марта 2026\u202fг.", "de": "14. März 2026",
		"es": "14 de marzo de 2026", "": "14 March 2026", "zz": "14 March 2026",
	} {
		if got := wordsFor(lang).date(d); got != want {
			t.Errorf("date in %q = %q, want %q", lang, got, want)
		}
	}
	if got := fmt.Sprintf(wordsFor("ru").page, 2, 5); got != "стр. 2 из 5" {
		t.Errorf("ru page = %q", got)
	}
}

// TestFurniture checks the running header and footer.
func TestFurniture(t *testing.T) {
	a := readCorpus(t, "night-library.txt")
	for _, p := range []Paper{A4, EReader} {
		l, err := layoutRecorded(a, Options{Paper: p})
		if err != nil {
			t.Fatal(err)
		}
		n := len(l.pages)
		text := func(pg *page, y float64) string {
			var parts []string
			for _, it := range pg.items {
				if it.kind == kText && math.Abs(it.y-y) < 0.01 {
					parts = append(parts, it.text)
				}
			}
			return strings.Join(parts, " ")
		}
		if got := text(l.pages[0], l.g.footerY); got != "" {
			t.Errorf("%s: title page has a footer %q", p, got)
		}
		for i, pg := range l.pages[1:] {
			foot := text(pg, l.g.footerY)
			if want := fmt.Sprintf("стр. %d из %d", i+2, n); !strings.Contains(foot, want) || !strings.Contains(foot, "Ирина Соколова") {
				t.Errorf("%s page %d: footer %q", p, i+2, foot)
			}
			head := text(pg, l.g.headerY)
			if p == EReader && l.g.header {
				t.Errorf("ereader has a running header")
			}
			if p == A4 && !strings.HasPrefix(a.Meta.Title, strings.TrimSuffix(head, "…")) {
				t.Errorf("%s page %d: header %q", p, i+2, head)
			}
		}
	}
}

// TestWidthsMatchGofpdf checks that the layout's widths are gofpdf's for
// every character of every embedded font.
func TestWidthsMatchGofpdf(t *testing.T) {
	for f := faceSerif; f < faceFallback; f++ {
		m, err := embeddedMetrics(f)
		if err != nil {
			t.Fatal(err)
		}
		pdf := newTestPdf(f, m)
		n := 0
		for r := rune(32); r < 0x10000; r++ {
			if !m.has(r) || invisible(r) {
				continue
			}
			n++
			if got, want := float64(m.width(r)), pdf.GetStringWidth(string(r)); got != want {
				t.Fatalf("%s U+%04X: width %v, gofpdf %v", faceFiles[f], r, got, want)
			}
		}
		if n < 300 {
			t.Errorf("%s: only %d characters", faceFiles[f], n)
		}
	}
}

// TestOutline checks the bookmarks and links of an article with every kind
// of block.
func TestOutline(t *testing.T) {
	a := kitchenSink(t)
	l, err := layoutRecorded(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var marks []string
	links, dests := 0, 0
	for _, pg := range l.pages {
		for _, it := range pg.items {
			switch it.kind {
			case kBookmark:
				marks = append(marks, fmt.Sprintf("%d %s", it.level, it.text))
			case kLink:
				links++
			case kAnchor:
				dests++
			}
		}
	}
	want := []string{"0 " + a.Meta.Title, "1 Lists and quotes", "2 A deeper level", "1 Code, tables and images", "1 Notes", "1 About this article"}
	if strings.Join(marks, "|") != strings.Join(want, "|") {
		t.Errorf("outline:\n%s\nwant\n%s", strings.Join(marks, "\n"), strings.Join(want, "\n"))
	}
	if dests != 4 { // two notes and their two references
		t.Errorf("%d link destinations, want 4", dests)
	}
	if links < 6 {
		t.Errorf("only %d links", links)
	}
	path, _ := renderFile(t, a, Options{Paper: A5})
	run(t, "qpdf", "--check", path)
	text := fold(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for _, want := range []string{"func main() {", `fmt.Println("hello, world")`, "Ingredient", "Quantity", "Flour", "500 g",
		"• Bread is", "3. Third", "Notes", "A first note", "— Rosa Luxemburg", "A plain picture caption"} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted text lacks %q:\n%s", want, text)
		}
	}
}

func BenchmarkWriteSample(b *testing.B) {
	a := readCorpus(b, "csto-summit-bishkek.txt")
	benchWrite(b, a)
}

// benchWrite writes a on A4 b.N times, reporting CPU time per write too.
func benchWrite(b *testing.B, a *article.Article) {
	var buf bytes.Buffer
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, a, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	if cpu > 0 {
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
	}
}

func BenchmarkWriteLong(b *testing.B) {
	a := readCorpus(b, "csto-summit-bishkek.txt")
	body := a.Blocks
	a.Blocks = nil
	for range 100 {
		a.Blocks = append(a.Blocks, body...)
	}
	benchWrite(b, a)
	l, _ := layoutArticle(a, Options{})
	b.ReportMetric(float64(len(l.pages)), "pages")
}

// TestConcurrent writes articles from several goroutines: the font cache
// and hyphenators are shared, each document's state is its own.
func TestConcurrent(t *testing.T) {
	arts := []*article.Article{readCorpus(t, "night-library.txt"), readCorpus(t, "csto-summit-bishkek.txt")}
	want := make([][]byte, len(arts))
	for i, a := range arts {
		var buf bytes.Buffer
		if err := Write(&buf, a, Options{Paper: EReader}); err != nil {
			t.Fatal(err)
		}
		want[i] = buf.Bytes()
	}
	errs := make(chan error, 8)
	for g := range 8 {
		go func() {
			var buf bytes.Buffer
			i := g % len(arts)
			err := Write(&buf, arts[i], Options{Paper: EReader})
			if err == nil && !bytes.Equal(buf.Bytes(), want[i]) {
				err = fmt.Errorf("goroutine %d: output differs", g)
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
