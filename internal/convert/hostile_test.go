package convert

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/picture"
	"github.com/offprint/offprint/internal/reader"
)

var huge = flag.Bool("huge", false, "also convert the 50 MB text and the million one-word paragraphs (slow)")

// hangLimit is how long one hostile conversion may take before it counts
// as hung. It is a hang detector, not a speed requirement.
const hangLimit = 60 * time.Second

// outcome is what a hostile input must end in.
type outcome int

const (
	converts outcome = iota // both files written
	refuses                 // a one-line error, no file written
	either                  // one of the two
)

// hostileRun is one hostile conversion's result.
type hostileRun struct {
	res      *Result
	err      error
	warnings []string
	outDir   string
	epub     []byte
	pdf      []byte
	epubText string // the EPUB's XHTML text in spine order
	alloc    uint64 // bytes allocated during the conversion
	elapsed  time.Duration
}

// hostileCase is one hostile input.
type hostileCase struct {
	name string
	// input builds the input; dir is an empty scratch folder for the files
	// it refers to.
	input func(t *testing.T, dir string) Input
	opt   Options
	want  outcome
	// maxAlloc, when set, bounds the bytes the conversion may allocate.
	maxAlloc uint64
	// keep lists text of the input that a conversion must keep: each must
	// be in the EPUB's text (compared by letters and digits).
	keep []string
	// check, when set, checks a conversion further.
	check func(t *testing.T, r *hostileRun)
	// slow cases (a second or more) are skipped with -short.
	slow bool
}

// convertHostile converts in into a fresh output folder through Convert, so
// that the safe-write logic runs, failing the test if it takes longer than
// hangLimit, panics, or leaves anything but its outputs behind. Outputs
// must pass checkEPUB and checkPDF and keep every word of the body.
func convertHostile(t *testing.T, in Input, opt Options, want outcome, limit time.Duration) *hostileRun {
	t.Helper()
	r := &hostileRun{outDir: filepath.Join(t.TempDir(), "out")}
	opt.OutDir = r.outDir
	var mu sync.Mutex // readers may warn from several goroutines
	opt.Warn = func(msg string) {
		mu.Lock()
		r.warnings = append(r.warnings, msg)
		mu.Unlock()
	}
	type result struct {
		res   *Result
		err   error
		panic any
	}
	done := make(chan result, 1)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	go func() {
		var out result
		defer func() {
			if out.panic = recover(); out.panic != nil {
				out.panic = fmt.Sprintf("%v\n%s", out.panic, debug.Stack())
			}
			done <- out
		}()
		out.res, out.err = Convert(in, opt)
	}()
	select {
	case out := <-done:
		r.elapsed = time.Since(start)
		runtime.ReadMemStats(&after)
		r.alloc = after.TotalAlloc - before.TotalAlloc
		if out.panic != nil {
			t.Fatalf("Convert panicked: %v", out.panic)
		}
		r.res, r.err = out.res, out.err
		mu.Lock() // the conversion is over; its warnings are all in
		mu.Unlock()
	case <-time.After(limit):
		t.Fatalf("Convert still running after %v: hung", limit)
	}
	t.Logf("%v, %d MB allocated, %d warnings, error: %v", r.elapsed.Round(time.Millisecond), r.alloc>>20, len(r.warnings), r.err)

	left, _ := os.ReadDir(r.outDir)
	if r.err != nil {
		checkError(t, r.err)
		if want == converts {
			t.Fatalf("Convert failed: %v", r.err)
		}
		if len(left) > 0 {
			t.Fatalf("a failed conversion left %s behind", left[0].Name())
		}
		return r
	}
	if want == refuses {
		t.Fatalf("Convert succeeded, want an error")
	}
	if len(r.res.Paths) != 2 || len(left) != 2 {
		t.Fatalf("want two outputs, got paths %v and %d files", r.res.Paths, len(left))
	}
	for _, p := range r.res.Paths {
		if filepath.Dir(p) != r.outDir {
			t.Fatalf("output %q is not directly in the output folder", p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(p) {
		case ".epub":
			r.epub = data
		case ".pdf":
			r.pdf = data
		}
	}
	if r.epub == nil || r.pdf == nil {
		t.Fatalf("outputs %v are not an EPUB and a PDF", r.res.Paths)
	}
	r.epubText = checkEPUB(t, r.epub)
	if w := missingWords(r.res.Article.BodyText(), r.epubText); w != "" {
		t.Fatalf("EPUB lacks body word %.80q", w)
	}
	if n := checkPDF(t, r.pdf); n < 2 {
		t.Fatalf("PDF has %d pages", n)
	}
	return r
}

// nestedText is text of every nested page that must survive.
var nestedText = []string{
	"The first paragraph stands before the nested markup",
	"The innermost words survive the flattening unharmed.",
	"The last paragraph comes after every element is closed again.",
}

// prefixedText is text of every markdownPrefixed document that must survive.
var prefixedText = []string{"A plain paragraph comes first.", "the innermost words", "A plain paragraph comes last."}

// nested returns the body of an HTML page with n nested elements (open and
// close are the tags of one level) around a paragraph of text.
func nested(open, close string, n int) Input {
	var b bytes.Buffer
	b.WriteString("<!doctype html><html><head><title>Deep nesting</title></head><body><article><h1>Deep nesting</h1>")
	b.WriteString("<p>The first paragraph stands before the nested markup and says what follows.</p>")
	for range n {
		b.WriteString(open)
	}
	b.WriteString("The innermost words survive the flattening unharmed.")
	for range n {
		b.WriteString(close)
	}
	b.WriteString("<p>The last paragraph comes after every element is closed again.</p></article></body></html>")
	return Input{Name: "deep.html", Data: b.Bytes()}
}

// markdownPrefixed returns a Markdown article whose one line of body text is
// preceded by prefix n times.
func markdownPrefixed(prefix string, n int) Input {
	var b bytes.Buffer
	b.WriteString("---\ntitle: Deep Markdown\n---\n\nA plain paragraph comes first.\n\n")
	for range n {
		b.WriteString(prefix)
	}
	b.WriteString("the innermost words\n\nA plain paragraph comes last.\n")
	return Input{Name: "deep.md", Data: b.Bytes()}
}

// oneWordParagraphs returns a text article of n one-word paragraphs.
func oneWordParagraphs(n int) Input {
	var b bytes.Buffer
	b.Grow(n * 12)
	b.WriteString("A Million Paragraphs\n\nBy Test Author\n\n")
	for i := range n {
		fmt.Fprintf(&b, "w%d.\n\n", i)
	}
	return Input{Name: "million.txt", Data: b.Bytes()}
}

// bigText returns a text article of about size bytes: a title and
// paragraphs of ordinary sentences.
func bigText(size int) Input {
	var b bytes.Buffer
	b.Grow(size + 1024)
	b.WriteString("A Very Long Article\n\nBy Test Author\n\n")
	sentence := "The committee met again on Thursday to discuss the budget for the coming year, and nobody agreed. "
	for i := 0; b.Len() < size; i++ {
		for range 8 {
			b.WriteString(sentence)
		}
		fmt.Fprintf(&b, "Paragraph %d ends here.\n\n", i)
	}
	return Input{Name: "big.txt", Data: b.Bytes()}
}

// withNULs returns an article in the format layout (title, author, body)
// with a few NUL bytes in each field, among enough text for any reader to
// take it for text (the text reader calls more than one NUL in a thousand
// bytes binary data).
func withNULs(name, layout string) Input {
	var body strings.Builder
	for i := range 80 {
		fmt.Fprintf(&body, "Sentence %d of the body runs on for a while so that the page is text, not binary data. ", i)
		if i%30 == 3 {
			body.WriteString("A NUL\x00 byte hides here. ")
		}
	}
	return Input{Name: name, Data: fmt.Appendf(nil, layout, "A Title\x00 with a NUL", "Jo\x00hn Smith", body.String())}
}

// pngBomb returns a PNG whose header claims w×h pixels (RGBA, 8 bits) and
// whose data is that of a 1×1 image: tiny, and gigabytes once decoded.
func pngBomb(t *testing.T, w, h uint32) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	// Signature (8), IHDR length (4), "IHDR" (4), width, height, …, CRC.
	const ihdr = 8 + 4
	binary.BigEndian.PutUint32(data[ihdr+4:], w)
	binary.BigEndian.PutUint32(data[ihdr+8:], h)
	crc := crc32.ChecksumIEEE(data[ihdr : ihdr+4+13])
	binary.BigEndian.PutUint32(data[ihdr+4+13:], crc)
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width != int(w) || cfg.Height != int(h) {
		t.Fatalf("the bomb's header does not read back: %v %v", cfg, err)
	}
	return data
}

// floods caches pngFlood's images, which take a while to encode.
var floods struct {
	sync.Mutex
	m map[[2]int][]byte
}

// pngFlood returns a real, valid w×h RGBA PNG of transparent pixels: it
// compresses to a few hundred kilobytes and decodes to 4·w·h bytes.
func pngFlood(t *testing.T, w, h int) []byte {
	floods.Lock()
	defer floods.Unlock()
	if data, ok := floods.m[[2]int{w, h}]; ok {
		return data
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, image.NewNRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	if floods.m == nil {
		floods.m = make(map[[2]int][]byte)
	}
	floods.m[[2]int{w, h}] = b.Bytes()
	return b.Bytes()
}

// imageArticles returns the image referred to from a Markdown article (the
// file written into dir) and embedded as a data: URI in an HTML page.
func imageArticles(name string, img func(t *testing.T) []byte) []hostileCase {
	body := "Pictures are expected on this page, but the words around them matter more than the pixels."
	return []hostileCase{
		{
			name: name + " in Markdown",
			input: func(t *testing.T, dir string) Input {
				if err := os.WriteFile(filepath.Join(dir, "bomb.png"), img(t), 0o644); err != nil {
					t.Fatal(err)
				}
				md := "---\ntitle: Image bomb\n---\n\n" + body + "\n\n![The bomb's alt text](bomb.png)\n\nAfter the image.\n"
				return Input{Name: filepath.Join(dir, "bomb.md"), Data: []byte(md), BaseDir: dir}
			},
			want: converts, maxAlloc: 256 << 20,
		},
		{
			name: name + " in HTML",
			input: func(t *testing.T, dir string) Input {
				uri := "data:image/png;base64," + base64.StdEncoding.EncodeToString(img(t))
				page := "<!doctype html><html><head><title>Image bomb</title></head><body><article><h1>Image bomb</h1><p>" +
					body + "</p><figure><img src=\"" + uri + "\" alt=\"The bomb's alt text\"><figcaption>A caption.</figcaption></figure><p>" +
					body + "</p></article></body></html>"
				return Input{Name: "bomb.html", Data: []byte(page), BaseDir: dir}
			},
			want: converts, maxAlloc: 256 << 20,
		},
	}
}

// injection holds metadata that looks like markup, a script or a path.
var injection = struct {
	title, author, url, url2, section string
}{
	title:   "</title><script>alert(1)</script> & <b>bold</b>",
	author:  `"><img src=x onerror=alert(1)>`,
	url:     "javascript:alert(1)",
	url2:    `https://example.com/"><x a='b'>?q=<y>&z`,
	section: "]]><!-- --> </dc:subject>",
}

// checkNoActiveContent fails if an XHTML document of the EPUB has a script
// element, an event handler attribute or a javascript: address.
func checkNoActiveContent(t *testing.T, epub []byte) {
	t.Helper()
	forEachXHTML(t, epub, func(name string, data []byte) {
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			tok, err := d.Token()
			if err != nil {
				return
			}
			se, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			if se.Name.Local == "script" || se.Name.Local == "x" {
				t.Errorf("%s: element <%s> made from metadata", name, se.Name.Local)
			}
			for _, a := range se.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Value))
				if strings.HasPrefix(a.Name.Local, "on") || strings.HasPrefix(v, "javascript:") {
					t.Errorf("%s: attribute %s=%q", name, a.Name.Local, a.Value)
				}
			}
		}
	})
}

// forEachXHTML calls fn with every XHTML, OPF and NCX entry of an EPUB.
func forEachXHTML(t *testing.T, epub []byte, fn func(name string, data []byte)) {
	t.Helper()
	rezip(t, epub, func(n string, m uint16, b []byte) (string, uint16, []byte) {
		switch filepath.Ext(n) {
		case ".xhtml", ".opf", ".ncx":
			fn(n, b)
		}
		return n, m, b
	})
}

// pdfInfo returns pdfinfo's report on a PDF as key → value, or nil when
// pdfinfo is not installed (outside CI).
func pdfInfo(t *testing.T, data []byte) map[string]string {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdfinfo is not installed")
		}
		t.Log("pdfinfo is not installed: PDF metadata not checked")
		return nil
	}
	f := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", "-enc", "UTF-8", f).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	info := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// checkMetadataLiteral checks that the rendered title and author reach the
// EPUB's package document and the PDF's document information as text.
func checkMetadataLiteral(t *testing.T, r *hostileRun) {
	t.Helper()
	m := r.res.Article.Meta
	checkNoActiveContent(t, r.epub)
	var pkg struct {
		Titles   []string `xml:"metadata>title"`
		Creators []string `xml:"metadata>creator"`
	}
	forEachXHTML(t, r.epub, func(name string, data []byte) {
		if filepath.Ext(name) == ".opf" {
			if err := xml.Unmarshal(data, &pkg); err != nil {
				t.Fatal(err)
			}
		}
	})
	if len(pkg.Titles) == 0 || pkg.Titles[0] != m.Title {
		t.Errorf("EPUB title %q, want %q", pkg.Titles, m.Title)
	}
	if len(m.Authors) > 0 && (len(pkg.Creators) == 0 || pkg.Creators[0] != m.Authors[0]) {
		t.Errorf("EPUB creators %q, want %q", pkg.Creators, m.Authors)
	}
	if !strings.Contains(r.epubText, m.Title) {
		t.Errorf("EPUB pages lack the title %q", m.Title)
	}
	if info := pdfInfo(t, r.pdf); info != nil {
		if info["Title"] != m.Title {
			t.Errorf("PDF title %q, want %q", info["Title"], m.Title)
		}
		if len(m.Authors) > 0 && !strings.Contains(info["Author"], m.Authors[0]) {
			t.Errorf("PDF author %q, want %q", info["Author"], m.Authors[0])
		}
	}
	for _, out := range [][]byte{r.epub, r.pdf} {
		if bytes.Contains(out, []byte("javascript:")) {
			t.Errorf("an output holds a javascript: address")
		}
	}
}

func hostileCases() []hostileCase {
	const deep = 100_000
	cases := []hostileCase{
		{name: "HTML div nesting", input: func(*testing.T, string) Input { return nested("<div>", "</div>", deep) }, want: converts, keep: nestedText},
		{name: "HTML span nesting", input: func(*testing.T, string) Input { return nested("<span>", "</span>", deep) }, want: converts, keep: nestedText},
		{name: "HTML blockquote nesting", input: func(*testing.T, string) Input { return nested("<blockquote>", "</blockquote>", deep) }, want: converts, keep: nestedText},
		{name: "HTML list nesting", input: func(*testing.T, string) Input { return nested("<ul><li>", "</li></ul>", deep) }, want: converts, keep: nestedText},
		{name: "HTML unclosed nesting", input: func(*testing.T, string) Input { return nested("<div><b><i>", "", deep/3) }, want: converts, keep: nestedText[:2]},
		{name: "Markdown quote nesting", input: func(*testing.T, string) Input { return markdownPrefixed("> ", deep) }, want: converts, keep: prefixedText},
		{name: "Markdown bullet nesting", input: func(*testing.T, string) Input { return markdownPrefixed("- ", deep) }, want: converts, keep: prefixedText},
		{name: "Markdown ordered nesting", input: func(*testing.T, string) Input { return markdownPrefixed("1. ", deep) }, want: converts, keep: prefixedText},
		{name: "Markdown mixed nesting", input: func(*testing.T, string) Input { return markdownPrefixed("> * ", deep/2) }, want: converts, keep: prefixedText},
		{name: "Markdown emphasis nesting", input: func(*testing.T, string) Input { return markdownPrefixed("*_", deep/2) }, want: converts, keep: prefixedText},
		{name: "Markdown link nesting", input: func(*testing.T, string) Input { return markdownPrefixed("[", deep) }, want: converts, keep: prefixedText},
		{name: "text quote nesting", input: func(*testing.T, string) Input {
			return Input{Name: "deep.txt", Data: []byte("Deep text\n\nBefore.\n\n" + strings.Repeat("> ", deep) + "inside words\n\nAfter.\n")}
		}, want: converts, keep: []string{"Before.", "inside words", "After."}},
		{
			name:  "one-word paragraphs",
			input: func(*testing.T, string) Input { return oneWordParagraphs(90_000) },
			want:  converts, keep: []string{"w0", "w45000", "w89999"}, slow: true,
		},
		{
			name:  "NUL bytes in text",
			input: func(*testing.T, string) Input { return withNULs("nul.txt", "%s\n\nBy %s\n\n%s\n") },
			want:  converts, check: checkMetadataLiteral,
		},
		{
			name: "NUL bytes in Markdown",
			input: func(*testing.T, string) Input {
				return withNULs("nul.md", "---\ntitle: '%s'\nauthor: '%s'\n---\n\n%s\n\n`co\x00de`\n")
			},
			want: converts, check: checkMetadataLiteral,
		},
		{
			name: "NUL bytes in HTML",
			input: func(*testing.T, string) Input {
				return withNULs("nul.html", "<html><head><title>%s</title><meta name=author content='%s'></head><body><article><p>%s</p><pre>co\x00de</pre></article></body></html>")
			},
			want: converts, check: checkMetadataLiteral,
		},
		{
			name: "NUL-dense text",
			input: func(*testing.T, string) Input {
				return Input{Name: "nul.txt", Data: []byte("Title\x00 with NUL\n\nBy Jo\x00hn Smith\n\nBody\x00text with a NUL\x00 or two.\n\nAnd\x00\x00\x00 more.\n")}
			},
			want: either,
		},
		{
			name: "NUL-dense HTML",
			input: func(*testing.T, string) Input {
				return Input{Name: "nul.html", Data: []byte("<html><head><title>Ti\x00tle</title><meta name=author content='Jo\x00hn'></head><body><article><p>Body\x00text with a NUL\x00 or two and enough words to be an article.</p><pre>co\x00de</pre></article></body></html>")}
			},
			want: either,
		},
		{
			name: "invalid UTF-8 in text",
			input: func(*testing.T, string) Input {
				return Input{Name: "bad.txt", Data: []byte("Ti\xfftle\n\nBy Jo\xc3hn\n\nBody \xed\xa0\x80 text \xf8\x88\x80\x80\x80.\n")}
			},
			want: refuses,
		},
		{
			name: "invalid UTF-8 in Markdown metadata",
			input: func(*testing.T, string) Input {
				return Input{Name: "bad.md", Data: []byte("---\ntitle: Ti\xfftle\nauthor: [Jo\xc3hn]\nsource: https://example.com/\xff\n---\n\nBody \xed\xa0\x80 text.\n")}
			},
			want: either,
		},
		{
			name: "invalid UTF-8 in HTML",
			input: func(*testing.T, string) Input {
				return Input{Name: "bad.html", Data: []byte("<html><head><meta charset=utf-8><title>Ti\xfftle</title><meta name=author content='Jo\xc3hn'><meta property='og:site_name' content='\xed\xa0\x80'><meta name=description content='\xf8\x88'></head><body><article><p>Body \xff\xfe text with enough words to be an article \xc0\x80.</p></article></body></html>")}
			},
			want: converts,
		},
		{
			name: "invalid UTF-8 in overrides",
			input: func(*testing.T, string) Input {
				return Input{Name: "ok.txt", Data: []byte("Title\n\nBody text.\n")}
			},
			opt:  Options{Override: Override{Title: "Ti\xfftle", Authors: []string{"Jo\xc3hn"}, Section: "\xed\xa0\x80"}},
			want: either,
		},
		{
			name: "markup in Markdown metadata",
			input: func(*testing.T, string) Input {
				q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
				md := "---\ntitle: " + q(injection.title) + "\nauthor: " + q(injection.author) + "\nsource: " + q(injection.url) +
					"\nsection: " + q(injection.section) + "\nsubtitle: " + q(injection.author) + "\nsite: " + q(injection.title) +
					"\nrights: " + q(injection.section) + "\ndescription: " + q(injection.title) + "\nkeywords: " + q(injection.author) +
					"\n---\n\nBody text of the article, harmless.\n"
				return Input{Name: "markup.md", Data: []byte(md)}
			},
			want: converts, check: checkMetadataLiteral,
		},
		{
			name: "markup in Markdown source URL",
			input: func(*testing.T, string) Input {
				md := "---\ntitle: Fine\nauthor: Someone\nsource: '" + strings.ReplaceAll(injection.url2, "'", "''") + "'\n---\n\nBody text of the article.\n"
				return Input{Name: "markup.md", Data: []byte(md)}
			},
			want: converts, check: checkMetadataLiteral,
		},
		{
			name: "markup in HTML metadata",
			input: func(*testing.T, string) Input {
				esc := func(s string) string {
					var b bytes.Buffer
					xml.EscapeText(&b, []byte(s))
					return strings.ReplaceAll(b.String(), "'", "&#39;")
				}
				page := "<html><head><title>" + esc(injection.title) + "</title>" +
					"<meta property='og:title' content='" + esc(injection.title) + "'>" +
					"<meta name='author' content='" + esc(injection.author) + "'>" +
					"<meta property='og:url' content='" + esc(injection.url) + "'>" +
					"<link rel='canonical' href='" + esc(injection.url2) + "'>" +
					"<meta property='article:section' content='" + esc(injection.section) + "'>" +
					"<meta property='og:site_name' content='" + esc(injection.author) + "'>" +
					"<meta name='description' content='" + esc(injection.title) + "'>" +
					"</head><body><article><p>Body text of the article, harmless and long enough to be kept by the extractor.</p>" +
					"<p>A <a href='javascript:alert(1)'>link that runs script</a> and <a href='" + esc(injection.url2) + "'>one that breaks out</a>.</p></article></body></html>"
				return Input{Name: "markup.html", Data: []byte(page)}
			},
			want: converts, check: checkMetadataLiteral,
		},
		{
			name: "markup in text title and byline",
			input: func(*testing.T, string) Input {
				return Input{Name: "markup.txt", Data: []byte(injection.title + "\n\nBy " + injection.author + "\n\nBody text of the article, harmless.\n")}
			},
			want: converts, check: checkMetadataLiteral,
		},
		{
			name: "markup in overrides",
			input: func(*testing.T, string) Input {
				return Input{Name: "ok.txt", Data: []byte("Title\n\nBody text.\n")}
			},
			opt: Options{Override: Override{
				Title: injection.title, Subtitle: injection.author, Authors: []string{injection.author, injection.title},
				Section: injection.section, SourceURL: injection.url2, Rights: injection.section,
			}},
			want: converts, check: checkMetadataLiteral,
		},
		{
			name: "javascript URL override",
			input: func(*testing.T, string) Input {
				return Input{Name: "ok.txt", Data: []byte("Title\n\nBody text.\n")}
			},
			opt:  Options{Override: Override{SourceURL: injection.url}},
			want: either,
			check: func(t *testing.T, r *hostileRun) {
				checkNoActiveContent(t, r.epub)
				if bytes.Contains(r.pdf, []byte("javascript:")) {
					t.Errorf("the PDF links to a javascript: address")
				}
			},
		},
		{
			name: "path in title",
			input: func(*testing.T, string) Input {
				return Input{Name: "x.txt", Data: []byte("../../etc/passwd\n\nBody text.\n")}
			},
			want: converts,
			check: func(t *testing.T, r *hostileRun) {
				for _, p := range r.res.Paths {
					if b := filepath.Base(p); !strings.HasPrefix(b, "etc-passwd.") {
						t.Errorf("output %q, want etc-passwd.*", b)
					}
				}
			},
		},
		{
			name: "path override",
			input: func(*testing.T, string) Input {
				return Input{Name: "x.txt", Data: []byte("Title\n\nBody text.\n")}
			},
			opt:  Options{Override: Override{Title: "/../..\\..\\.hidden\x00/passwd"}},
			want: either,
			check: func(t *testing.T, r *hostileRun) {
				for _, p := range r.res.Paths {
					if b := filepath.Base(p); strings.HasPrefix(b, ".") || strings.ContainsAny(b, "\\\x00") {
						t.Errorf("output %q", b)
					}
				}
			},
		},
	}
	words := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "word%d ", i)
		}
		return strings.TrimSpace(b.String())
	}
	md := func(name, doc string) func(*testing.T, string) Input {
		return func(*testing.T, string) Input { return Input{Name: name, Data: []byte(doc)} }
	}
	var notes, defs strings.Builder
	for i := range 20_000 {
		fmt.Fprintf(&notes, "Claim %d.[^n%d] ", i, i)
		fmt.Fprintf(&defs, "[^n%d]: Source %d.\n", i, i)
	}
	cases = append(cases, []hostileCase{
		{name: "huge title", input: md("t.md", "---\ntitle: "+words(20_000)+"\n---\n\nBody text.\n"), want: either, slow: true},
		{name: "huge text title", input: md("t.txt", words(20_000)+"\n\nBody text of the article.\n"), want: either},
		{name: "many authors", input: md("t.md", "---\ntitle: T\nauthor: ["+strings.ReplaceAll(words(5000), " ", ", ")+"]\n---\n\nBody text.\n"), want: either},
		{name: "huge heading", input: md("t.md", "# T\n\nBefore.\n\n## "+words(20_000)+"\n\nAfter.\n"), want: converts, keep: []string{"word19999", "After."}},
		{name: "headings only", input: md("t.md", "# T\n\n"+strings.Repeat("## Heading\n\n", 20_000)+"End.\n"), want: converts},
		{name: "wide table", input: md("t.md", "# T\n\nBefore.\n\n|"+strings.Repeat(" a |", 2000)+"\n|"+strings.Repeat("---|", 2000)+"\n|"+strings.Repeat(" b |", 2000)+"\n"), want: converts},
		{name: "long table", input: md("t.md", "# T\n\n| a | b |\n|---|---|\n"+strings.Repeat("| cell | other cell |\n", 20_000)), want: converts, keep: []string{strings.Repeat("cell other cell ", 20_000)}},
		{name: "many footnotes", input: md("t.md", "# T\n\n"+notes.String()+"\n\n"+defs.String()), want: converts, keep: []string{"Claim 19999", "Source 19999"}},
		{name: "one huge word", input: md("t.txt", "Title\n\n"+strings.Repeat("x", 1<<20)+"\n"), want: converts, keep: []string{strings.Repeat("x", 1<<20)}, slow: true},
		{name: "huge link URL", input: md("t.md", "# T\n\n[a link](https://example.com/"+strings.Repeat("a", 1<<20)+") in text.\n"), want: converts, keep: []string{"a link in text"}},
		{name: "huge code line", input: md("t.md", "# T\n\nBefore.\n\n```\n"+strings.Repeat("x", 1<<20)+"\n```\n"), want: converts, keep: []string{"Before", strings.Repeat("x", 1<<20)}},
	}...)

	// Refused by the readers from the header alone (over picture.MaxPixels).
	for _, side := range []uint32{30000, 10000} {
		bombs := imageArticles(fmt.Sprintf("PNG bomb %d×%d", side, side), func(t *testing.T) []byte { return pngBomb(t, side, side) })
		for i := range bombs {
			bombs[i].check = checkImageRefused(fmt.Sprint(side))
		}
		cases = append(cases, bombs...)
	}
	// Under the pixel limit and fit for the renderers as it is (a 2×2 PNG
	// is not decoded); its data is that of a 1×1 image.
	cases = append(cases, imageArticles("truncated PNG 2×2", func(t *testing.T) []byte { return pngBomb(t, 2, 2) })...)
	// A real image under the pixel limit: 200 KB of PNG, 144 MB of pixels,
	// scaled down by picture.Fit before the renderers see it.
	flood := imageArticles("PNG flood 6000×6000", func(t *testing.T) []byte { return pngFlood(t, 6000, 6000) })
	for i := range flood {
		flood[i].check = checkImageFitted
	}
	cases = append(cases, flood...)
	return cases
}

// checkImageRefused checks that the image of an imageArticles input was
// left out with a warning naming its size, its alt text or caption kept.
func checkImageRefused(size string) func(t *testing.T, r *hostileRun) {
	return func(t *testing.T, r *hostileRun) {
		if !slices.ContainsFunc(r.warnings, func(w string) bool { return strings.Contains(w, size) }) {
			t.Errorf("no warning names the image's size: %q", r.warnings)
		}
		if !strings.Contains(r.epubText, "The bomb") && !strings.Contains(r.epubText, "A caption") {
			t.Error("the image's alt text and caption are lost")
		}
		if r.res.Article.HasImages() {
			t.Error("the image was kept")
		}
	}
}

// checkImageFitted checks that the image of an imageArticles input was
// kept, scaled down to picture.DefaultMaxEdge.
func checkImageFitted(t *testing.T, r *hostileRun) {
	var imgs []*article.Image
	article.WalkBlocks(r.res.Article.Blocks, func(b article.Block) bool {
		if img, ok := b.(*article.Image); ok {
			imgs = append(imgs, img)
		}
		return true
	})
	if len(imgs) != 1 {
		t.Fatalf("%d images, want 1; warnings %q", len(imgs), r.warnings)
	}
	if img := imgs[0]; img.Width != picture.DefaultMaxEdge || img.Height != picture.DefaultMaxEdge || img.MediaType != "image/png" {
		t.Errorf("image %s %d×%d, want image/png %d×%[4]d", img.MediaType, img.Width, img.Height, picture.DefaultMaxEdge)
	}
}

// TestHostileInputs converts inputs built to crash, hang or exhaust the
// pipeline, or to smuggle markup into its outputs. Each ends in a clean
// conversion or a one-line error with nothing written.
func TestHostileInputs(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.slow && testing.Short() {
				t.Skip("slow")
			}
			in := tc.input(t, t.TempDir())
			r := convertHostile(t, in, tc.opt, tc.want, hangLimit)
			if tc.maxAlloc > 0 && r.alloc > tc.maxAlloc {
				t.Errorf("allocated %d MB, want at most %d MB", r.alloc>>20, tc.maxAlloc>>20)
			}
			if r.err != nil {
				return
			}
			for _, k := range tc.keep {
				if !strings.Contains(letters(r.epubText), letters(k)) {
					t.Errorf("the EPUB lost %q", k)
				}
			}
			if tc.check != nil {
				tc.check(t, r)
			}
		})
	}
}

// endless is an io.Reader of endless text.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "word "[i%5]
	}
	e.n += int64(len(p))
	return len(p), nil
}

// TestLoadRefusesTooLarge checks that Load stops reading at the size limit:
// an endless standard input and a 50 MB file (sparse, so no disk is used)
// over a 10 MB limit fail with ErrTooLarge having read and allocated little
// more than the limit.
func TestLoadRefusesTooLarge(t *testing.T) {
	const limit = 10 << 20
	big := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	stdin := &endless{}
	for _, tt := range []struct {
		name string
		opt  LoadOptions
	}{
		{big, LoadOptions{MaxSize: limit}},
		{"-", LoadOptions{MaxSize: limit, Stdin: stdin}},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		in, err := Load(tt.name, tt.opt)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrTooLarge) || in.Data != nil {
			t.Fatalf("Load(%s) = %d bytes, %v; want ErrTooLarge", tt.name, len(in.Data), err)
		}
		checkError(t, err)
		if !strings.Contains(err.Error(), "max-size") {
			t.Errorf("error %q does not say how to raise the limit", err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4*limit {
			t.Errorf("Load(%s) allocated %d MB for a %d MB limit", tt.name, alloc>>20, limit>>20)
		}
	}
	if stdin.n > 2*limit {
		t.Errorf("Load read %d MB of an endless input with a %d MB limit", stdin.n>>20, limit>>20)
	}
	// At the limit exactly, the input is read.
	in, err := Load("-", LoadOptions{MaxSize: limit, Stdin: io.LimitReader(&endless{}, limit)})
	if err != nil || len(in.Data) != limit {
		t.Errorf("Load of an input at the limit = %d bytes, %v", len(in.Data), err)
	}
}

// hugeInputs are the largest inputs offprint accepts by size (under
// DefaultMaxSize): a 50 MB text and a million one-word paragraphs.
var hugeInputs = []struct {
	name  string
	input func() Input
}{
	{"million paragraphs", func() Input { return oneWordParagraphs(1_000_000) }},
	{"50 MB text", func() Input { return bigText(50 << 20) }},
}

// TestHugeInputs: the huge inputs are refused by the word or block limit after
// reading, with a one-line error and nothing written, before the renderers
// would take gigabytes.
func TestHugeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for _, tt := range hugeInputs {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.input()
			if int64(len(in.Data)) > DefaultMaxSize {
				t.Fatalf("input of %d bytes is over the default limit", len(in.Data))
			}
			r := convertHostile(t, in, Options{}, refuses, time.Minute)
			if !errors.Is(r.err, ErrTooLong) && !errors.Is(r.err, reader.ErrTooComplex) {
				t.Errorf("error %v, want ErrTooLong or reader.ErrTooComplex", r.err)
			}
			t.Logf("%s: %d bytes in, refused in %v, %d MB allocated: %v", tt.name, len(in.Data), r.elapsed, r.alloc>>20, r.err)
		})
	}
}

// TestHugeInputsConverted converts the huge inputs with the word limit
// lifted. They take minutes and gigabytes, so they run only with -huge;
// the report logs time and memory.
func TestHugeInputsConverted(t *testing.T) {
	if !*huge {
		t.Skip("slow: run with -huge")
	}
	for _, tt := range hugeInputs {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.input()
			var ms runtime.MemStats
			r := convertHostile(t, in, Options{MaxWords: -1}, either, 20*time.Minute)
			runtime.ReadMemStats(&ms)
			t.Logf("%s: %d bytes in, %v, %d MB allocated, %d MB heap high-water (Sys), error %v",
				tt.name, len(in.Data), r.elapsed, r.alloc>>20, ms.Sys>>20, r.err)
		})
	}
}
