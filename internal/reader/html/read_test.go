package html

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const corpus = "../../../testdata/corpus/"

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// readCorpus reads a corpus page with warnings logged to the test.
func readCorpus(t testing.TB, name string, opt Options) *article.Article {
	t.Helper()
	opt.Warn = func(msg string) { t.Log(msg) }
	a, err := Read(readFile(t, corpus+name), opt)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := a.Validate(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return a
}

// folded is the body text with white space folded, for substring checks.
func folded(a *article.Article) string { return fold(a.BodyText()) }

func TestRiverTram(t *testing.T) {
	a := readCorpus(t, "river-tram-cp1251.html", Options{BaseDir: corpus})
	m := a.Meta
	want := map[string][2]string{
		"title":    {m.Title, "Речной трамвай вернётся на Обь летом"},
		"authors":  {strings.Join(m.Authors, "|"), "Павел Гришин"},
		"date":     {m.Date.Format("2006-01-02"), "2026-05-02"},
		"section":  {m.Section, "Город"},
		"site":     {m.SiteName, "Городские новости"},
		"source":   {m.SourceURL, "https://news.example.ru/city/2026/05/river-tram"},
		"language": {m.Language, "ru"},
	}
	for k, v := range want {
		if v[0] != v[1] {
			t.Errorf("%s = %q, want %q", k, v[0], v[1])
		}
	}
	if _, off := m.Date.Zone(); off != 7*3600 {
		t.Errorf("date %v lost its +07:00 offset", m.Date)
	}

	var paras, headings, quotes, images int
	article.WalkBlocks(a.Blocks, func(b article.Block) bool {
		switch x := b.(type) {
		case *article.Paragraph:
			paras++
		case *article.Heading:
			headings++
			if got := article.InlineText(x.Inlines); got != "Сколько будет рейсов" || x.Level != 2 {
				t.Errorf("heading %d %q", x.Level, got)
			}
		case *article.Quote:
			quotes++
			if !strings.HasPrefix(article.BlockText(x), "«Если летом пассажиров будет достаточно") {
				t.Errorf("quote %q", article.BlockText(x))
			}
		case *article.Image:
			// The page's picture is a 1×1 GIF: a spacer, left out.
			t.Errorf("image %s %dx%d kept", x.MediaType, x.Width, x.Height)
		default:
			t.Errorf("unexpected block %T", b)
		}
		return true
	})
	if paras != 6 || headings != 1 || quotes != 1 || images != 0 {
		t.Errorf("%d paragraphs, %d headings, %d quotes, %d images; want 6 (one in the quote, one the caption of the left-out picture), 1, 1, 0", paras, headings, quotes, images)
	}
	if !strings.Contains(folded(a), "Катер у причала Речного вокзала. Фото пресс-службы мэрии") {
		t.Error("the caption of the left-out picture is lost")
	}
	if strings.Count(folded(a), "Катер у причала Речного вокзала") != 1 {
		t.Error("the alt text of the left-out picture is in the text")
	}
	if len(a.Blocks) != 7 {
		t.Errorf("%d top-level blocks, want 7:\n%s", len(a.Blocks), dump(a))
	}
	body := a.BodyText()
	for _, s := range []string{"восьмилетнего перерыва", "из областного бюджета & на новые причалы"} {
		if !strings.Contains(body, s) {
			t.Errorf("body lacks %q", s)
		}
	}
	// The page's navigation, banner, share row, related links, comments
	// and footer.
	for _, s := range []string{"Экономика", "Поиск по сайту", "Реклама", "Окна и двери", "Поделиться",
		"Telegram", "Читайте также", "Ремонт Коммунального моста", "Новые автобусы", "Комментарии",
		"Ольга", "Наконец-то", "Сергей_НСК", "Написать комментарий", "Отправить", "Все права защищены",
		"О редакции", "2 мая 2026", "Речной трамвай вернётся"} {
		if strings.Contains(body, s) {
			t.Errorf("body holds page furniture %q", s)
		}
	}
}

// expected is a web page's expected-metadata.json.
type expected struct {
	Title         string `json:"title"`
	Byline        string `json:"byline"`
	Excerpt       string `json:"excerpt"`
	Language      string `json:"language"`
	SiteName      string `json:"siteName"`
	PublishedTime string `json:"publishedTime"`
}

func TestWebPages(t *testing.T) {
	tests := []struct {
		dir     string
		authors []string // the byline as author names
		lang    string   // the language, stated or detected
		// inBody is how the excerpt shows in the body: "" for all of it;
		// otherwise the part of it the body holds.
		inBody string
		absent []string // page furniture
	}{
		{"bbc-1", []string{"BBC News"}, "en",
			`failure to pass "common sense gun safety laws"`, // the excerpt is og:description, a rewording
			[]string{"BBC navigation", "Terms of Use", "941 comments", "WhatsApp", "Share this page"}},
		{"heise", []string{"Mac & i"}, "de", "",
			[]string{"Menü auf-/zuklappen", "Kommentare lesen", "Forum zum Thema", "Permalink", "Version zum Drucken"}},
		{"la-nacion", nil, "es", "",
			[]string{"Últimas Noticias", "Términos y condiciones", "Los comentarios publicados"}},
		{"lemonde-1", []string{"Martin Untersinger (avec Damien Leloup et Morgane Tual)"}, "fr",
			"désormais examiné par le Sénat, puis le Conseil constitutionnel", // description rewords the lead
			[]string{"Accueil International Politique", "Édition Abonnés"}},
		{"lwn-1", []string{"Nathan Willis"}, "en", "",
			[]string{"Log in", "Subscribe", "Copyright ©"}},
		{"medium-1", []string{"Pippin Lee"}, "en",
			"We pushed out the first version of the Open Journalism site in January.", // truncated with …
			[]string{"Next story", "The author chose to make this story unlisted", "Recommend to share"}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			var exp expected
			if err := json.Unmarshal(readFile(t, corpus+"web/"+tt.dir+"/expected-metadata.json"), &exp); err != nil {
				t.Fatal(err)
			}
			a := readCorpus(t, "web/"+tt.dir+"/source.html", Options{})
			m := a.Meta
			if m.Title != exp.Title {
				t.Errorf("title = %q, want %q", m.Title, exp.Title)
			}
			if exp.Byline != "" && !strings.Contains(exp.Byline, strings.Join(m.Authors, " ")) {
				t.Errorf("authors %q do not come from the byline %q", m.Authors, exp.Byline)
			}
			if strings.Join(m.Authors, "|") != strings.Join(tt.authors, "|") {
				t.Errorf("authors = %q, want %q", m.Authors, tt.authors)
			}
			if exp.Language != "" && m.Language != exp.Language {
				t.Errorf("language = %q, want %q", m.Language, exp.Language)
			}
			if m.Language != tt.lang {
				t.Errorf("language = %q, want %q", m.Language, tt.lang)
			}
			if exp.SiteName != "" && m.SiteName != exp.SiteName {
				t.Errorf("site = %q, want %q", m.SiteName, exp.SiteName)
			}
			if exp.PublishedTime != "" {
				want, err := time.Parse(time.RFC3339Nano, exp.PublishedTime)
				if err != nil {
					t.Fatal(err)
				}
				if !m.Date.Equal(want) {
					t.Errorf("date = %v, want %v", m.Date, want)
				}
			}
			body := folded(a)
			excerpt := fold(exp.Excerpt)
			if tt.inBody == "" {
				if !strings.Contains(body, excerpt) {
					t.Errorf("body lacks the excerpt %q", excerpt)
				}
			} else {
				if !strings.Contains(excerpt, tt.inBody) && !strings.HasPrefix(fold(strings.TrimSuffix(excerpt, "…")), tt.inBody) {
					t.Fatalf("test error: %q is not part of the excerpt", tt.inBody)
				}
				if !strings.Contains(body, tt.inBody) {
					t.Errorf("body lacks %q", tt.inBody)
				}
				if m.Description != excerpt {
					t.Errorf("description = %q, want the excerpt %q", m.Description, excerpt)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(body, s) {
					t.Errorf("body holds page furniture %q", s)
				}
			}
			if strings.Contains(body, "<") && strings.Contains(body, "</") {
				t.Errorf("body holds markup")
			}
		})
	}
}

func TestGolden(t *testing.T) {
	a := readCorpus(t, "river-tram-cp1251.html", Options{BaseDir: corpus})
	got := dump(a)
	golden := filepath.Join("testdata", "golden", "river-tram.txt")
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
		t.Errorf("model differs from %s (go test -update rewrites it):\n%s", golden, got)
	}
}

func TestDeterministic(t *testing.T) {
	data := readFile(t, corpus+"web/lwn-1/source.html")
	var first string
	for i := range 3 {
		a, err := Read(data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d := dump(a); i == 0 {
			first = d
		} else if d != first {
			t.Fatal("two reads of the same page differ")
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		page string
		opt  Options
		want string
		is   error
	}{
		{"empty", "", Options{}, "no article content found", ErrNoContent},
		{"blank", "  \n\t ", Options{}, "no article content found", ErrNoContent},
		{"title only", "<html><head><title>A title</title></head><body></body></html>", Options{}, "no article content found", ErrNoContent},
		{"furniture only", `<html><head><title>T</title></head><body><nav><a href="/">Home</a></nav>
			<div class="share">Share: <a href="#">Facebook</a> <a href="#">Twitter</a></div>
			<footer>© 2026 Example</footer></body></html>`, Options{}, "no article content found", ErrNoContent},
		{"script only", "<html><body><script>document.write('Hello world, this is text')</script></body></html>", Options{}, "no article content found", ErrNoContent},
		{"binary", string(readFile(t, corpus+"bad/binary.bin")), Options{}, "binary", ErrBinary},
		{"NUL bytes", "<p>text\x00\x00\x00\x00\x01\x02more</p>", Options{}, "binary", ErrBinary},
		{"bad URL", "<p>Text</p>", Options{URL: "not a url"}, "not an absolute http(s) URL", nil},
		{"relative URL", "<p>Text</p>", Options{URL: "/page.html"}, "not an absolute http(s) URL", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read([]byte(tt.page), tt.opt)
			if err == nil {
				t.Fatalf("no error; got %s", dump(a))
			}
			if !strings.HasPrefix(err.Error(), "html: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %q, want html: …%s…", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err = %v, want errors.Is %v", err, tt.is)
			}
		})
	}
}

// TestStrayControls: a page with a few control characters in its text is
// still a page, and they do not reach the model.
func TestStrayControls(t *testing.T) {
	page := "<title>Controls</title><p>Text with a NUL\x00 here, a bell\x07 there, and an escape\x1b. " + strings.Repeat("More words. ", 20) + "</p>"
	a, err := Read([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if body := a.BodyText(); strings.ContainsAny(body, "\x00\x07\x1b") || !strings.Contains(body, "a bell there") {
		t.Errorf("body = %q", body)
	}
}

// TestMinimalPage reads a page that is nothing but a short paragraph: no
// head, no metadata.
func TestMinimalPage(t *testing.T) {
	a, err := Read([]byte("<p>Ein kurzer Absatz über die Bibliothek und ihre Leser in der Nacht.</p>"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Meta.Title != "Ein kurzer Absatz über die Bibliothek und ihre…" {
		t.Errorf("title = %q", a.Meta.Title)
	}
	if a.Meta.Language != "de" {
		t.Errorf("language = %q, want detected de", a.Meta.Language)
	}
	a, err = Read([]byte("<p>Short text.</p>"), Options{DefaultTitle: "notes.html"})
	if err != nil || a.Meta.Title != "notes.html" {
		t.Errorf("DefaultTitle: %v, %v", a, err)
	}
}

// TestDeepNesting checks that 100,000 nested elements neither crash nor
// hang the reader: the x/net/html parser refuses more than 512 open
// elements, so the page is flattened and parsed again.
func TestDeepNesting(t *testing.T) {
	const depth = 100_000
	for _, tag := range []string{"div", "span", "blockquote", "ul", "em"} {
		t.Run(tag, func(t *testing.T) {
			page := "<html><head><title>Deep</title></head><body>" +
				strings.Repeat("<"+tag+">", depth) + "The only sentence of this page." +
				strings.Repeat("</"+tag+">", depth) + "<p>After the nest.</p></body></html>"
			var warned bool
			a, err := Read([]byte(page), Options{Warn: func(string) { warned = true }})
			if err != nil {
				t.Fatal(err)
			}
			body := folded(a)
			if !strings.Contains(body, "The only sentence of this page.") || !strings.Contains(body, "After the nest.") {
				t.Errorf("body = %q", body)
			}
			if !warned {
				t.Error("no warning about flattened markup")
			}
		})
	}
	t.Run("unclosed", func(t *testing.T) {
		page := "<title>Deep</title>" + strings.Repeat("<div>", depth) + "Text at the bottom of the well."
		a, err := Read([]byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(folded(a), "Text at the bottom of the well.") {
			t.Errorf("body = %q", a.BodyText())
		}
	})
}

// corpusPages are the HTML pages of the corpus, for the fuzzer's seeds and
// the benchmark.
func corpusPages(t testing.TB) map[string][]byte {
	pages := map[string][]byte{"river-tram": readFile(t, corpus+"river-tram-cp1251.html")}
	dirs, err := filepath.Glob(corpus + "web/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		pages[filepath.Base(d)] = readFile(t, filepath.Join(d, "source.html"))
	}
	return pages
}

func FuzzRead(f *testing.F) {
	// Small seeds only (see fuzzSeeds): the fuzzer minimizes every input
	// that finds new code, for up to a minute each, and a large one keeps a
	// worker at that for the whole minute.
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	others, _ := filepath.Glob(corpus + "*/*.txt") // edge and bad cases: not HTML at all
	for _, name := range others {
		if p := readFile(f, name); len(p) <= 1<<10 {
			f.Add(p)
		}
	}
	f.Add([]byte("<title>t</title><blockquote><p>q<footer>x</footer></blockquote><table><tr><td colspan=3>a<tr><td>b</table>"))
	f.Add([]byte("<ol start=5><li>a<li><pre>x\ny</pre></ol><figure><img src='data:image/png;base64,'><figcaption>c</figcaption></figure>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read(data, Options{})
		if err != nil {
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("Read returned an invalid article: %v", err)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	data := readFile(b, corpus+"web/bbc-1/source.html") // the largest page, 264 KB
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
