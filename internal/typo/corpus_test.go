package typo

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/offprint/offprint/article"
	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const corpus = "../../testdata/corpus/"

// corpusText is a corpus file read into paragraphs by a deliberately naive
// reader (the real readers live elsewhere): one paragraph per block of
// lines, Markdown front matter dropped.
type corpusText struct {
	name, lang string
	paras      []string
}

func readText(t testing.TB, name, lang string) corpusText {
	t.Helper()
	data, err := os.ReadFile(corpus + name)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(strings.TrimPrefix(string(data), "\uFEFF"), "\r\n", "\n")
	if strings.HasPrefix(s, "---\n") {
		if _, rest, ok := strings.Cut(s[4:], "\n---\n"); ok {
			s = rest
		}
	}
	var paras []string
	for _, block := range strings.Split(s, "\n\n") {
		if p := strings.Join(strings.Fields(block), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return corpusText{name: name, lang: lang, paras: paras}
}

// readWeb returns the text of the paragraphs, headings and list items of a
// saved web page, in the language its expected metadata names.
func readWeb(t testing.TB, dir string) corpusText {
	t.Helper()
	meta, err := os.ReadFile(corpus + "web/" + dir + "/expected-metadata.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Language string }
	if err := json.Unmarshal(meta, &m); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(corpus + "web/" + dir + "/source.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	var text func(n *html.Node, b *strings.Builder)
	text = func(n *html.Node, b *strings.Builder) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "code" || n.Data == "pre") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text(c, b)
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "pre", "code":
				return
			case "p", "h1", "h2", "h3", "li", "figcaption", "blockquote":
				var b strings.Builder
				text(n, &b)
				if p := strings.Join(strings.Fields(b.String()), " "); p != "" {
					paras = append(paras, p)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(paras) < 5 {
		t.Fatalf("%s: only %d paragraphs", dir, len(paras))
	}
	return corpusText{name: "web/" + dir, lang: m.Language, paras: paras}
}

func corpusTexts(t testing.TB) []corpusText {
	texts := []corpusText{
		readText(t, "csto-summit-bishkek.txt", "en"),
		readText(t, "night-library.txt", "ru"),
		readText(t, "reading-offline.md", "en-GB"),
		readText(t, "edge/injection.txt", "en"),
		readText(t, "edge/crlf-bom.txt", "en"),
		readText(t, "edge/longword.txt", "en"),
	}
	dirs, err := os.ReadDir(corpus + "web")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		texts = append(texts, readWeb(t, d.Name()))
	}
	return texts
}

// toArticle makes an article of the text: the first paragraph is the
// title, the rest are paragraphs of the body.
func (c corpusText) toArticle() *article.Article {
	a := &article.Article{Meta: article.Meta{Title: c.paras[0], Language: c.lang}}
	for _, p := range c.paras[1:] {
		a.Blocks = append(a.Blocks, &article.Paragraph{Inlines: article.Plain(p)})
	}
	return a
}

// TestGolden refines the plain-text corpus articles and compares the result
// with testdata/golden, special spaces shown as [nbsp] and [nnbsp].
func TestGolden(t *testing.T) {
	for _, c := range []corpusText{
		readText(t, "csto-summit-bishkek.txt", "en"),
		readText(t, "night-library.txt", "ru"),
		readText(t, "reading-offline.md", "en-GB"),
		readText(t, "edge/injection.txt", "en"),
	} {
		t.Run(c.name, func(t *testing.T) {
			a := c.toArticle()
			Refine(a)
			got := strings.NewReplacer("\u00A0", "[nbsp]", "\u202F", "[nnbsp]").
				Replace(a.Meta.Title + "\n\n" + strings.ReplaceAll(a.BodyText(), "\n", "\n\n") + "\n")
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(strings.ReplaceAll(c.name, "/", "-"), filepath.Ext(c.name))+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("refined text differs from %s (run go test -update after checking):\n%s", golden, firstDiff(got, string(want)))
			}
		})
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "line " + itoa(i+1) + ":\n got " + g[i] + "\nwant " + w[i]
		}
	}
	return "lengths differ"
}

func itoa(i int) string {
	b := []byte{}
	for ; i > 0 || len(b) == 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// TestCorpusInvariants refines every corpus text in its own language and in
// others, and checks that no word changes (the letters and digits are the
// same, in the same order), that the result is stable under a second
// Refine, and that no straight quote is left in prose.
func TestCorpusInvariants(t *testing.T) {
	for _, c := range corpusTexts(t) {
		for _, lang := range []string{c.lang, "en", "ru", "fr", "de"} {
			a := c.toArticle()
			Refine(a)
			once := dumpArticle(a)
			orig := c.toArticle()
			if w, g := words(dumpArticle(orig)), words(once); w != g {
				t.Errorf("%s in %s: words changed", c.name, lang)
			}
			Refine(a)
			if twice := dumpArticle(a); twice != once {
				t.Errorf("%s in %s: second Refine changed the text:\n%s", c.name, lang, firstDiff(twice, once))
			}
			for _, p := range strings.Split(once, "\n") {
				if strings.ContainsAny(stripAddresses(p), `"'`) {
					t.Errorf("%s in %s: straight quote left in %q", c.name, lang, p)
				}
			}
		}
	}
}

// words returns the letters and digits of s.
func words(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// stripAddresses drops the web and e-mail addresses of s.
func stripAddresses(s string) string {
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		var st stream
		st.reset(&english, false)
		st.add(strings.TrimLeft(w, "(<“«„"), 0)
		if len(st.in) > 0 && st.isAddress(0) {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func BenchmarkRefine(b *testing.B) {
	for _, name := range []string{"csto-summit-bishkek.txt", "night-library.txt"} {
		lang := map[string]string{"csto-summit-bishkek.txt": "en", "night-library.txt": "ru"}[name]
		c := readText(b, name, lang)
		size := 0
		for _, p := range c.paras {
			size += len(p)
		}
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				Refine(c.toArticle())
			}
		})
	}
}
