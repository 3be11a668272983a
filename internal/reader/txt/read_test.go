package txt

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/offprint/offprint/article"
)

const corpus = "../../../testdata/corpus/"

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpus, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// kinds abbreviates the kinds of blocks: P paragraph, H heading, L list,
// Q quote.
func kinds(blocks []article.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl.(type) {
		case *article.Paragraph:
			b.WriteByte('P')
		case *article.Heading:
			b.WriteByte('H')
		case *article.List:
			b.WriteByte('L')
		case *article.Quote:
			b.WriteByte('Q')
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// allText returns every text of an article: metadata and body.
func allText(a *article.Article) string {
	parts := []string{a.Meta.Title, a.Meta.Subtitle, a.Meta.Section, a.Meta.SiteName, strings.Join(a.Meta.Authors, "\n")}
	article.WalkBlocks(a.Blocks, func(b article.Block) bool {
		parts = append(parts, article.BlockText(b))
		return true
	})
	return strings.Join(parts, "\n")
}

// fold removes control characters (other than white space) and folds runs
// of white space, no-break spaces included, into one space.
func fold(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// boilerplate are strings of the corpus's share rows and trailers.
var boilerplate = []string{
	"WhatsApp", "Telegram", "VK X OK", "Read also", "Write a comment", "Читайте также", "Написать комментарий",
}

func TestReadCorpus(t *testing.T) {
	tests := []struct {
		file    string
		title   string
		authors []string
		section string
		lang    string
		blocks  string
		heads   []string
	}{
		{"csto-summit-bishkek.txt", "Outcomes of the CSTO Summit in Bishkek Through the Lens of the Looming Great War",
			[]string{"Наталья Маркова"}, "Politics", "en", "PPPPPPPPP", nil},
		{"night-library.txt", "В Новосибирске открылась первая городская библиотека, работающая по ночам",
			[]string{"Ирина Соколова"}, "Общество", "ru", "PPHPPHP", []string{"Как устроена ночная смена", "Что дальше"}},
		{"edge/crlf-bom.txt", "Outcomes of the CSTO Summit in Bishkek Through the Lens of the Looming Great War",
			[]string{"Наталья Маркова"}, "Politics", "en", "PPPPPPPPP", nil},
		{"edge/injection.txt", `Why <script>alert("x")</script> & "Quotes" Break Naive Exporters`,
			[]string{"Sam O'Neil", "Ана Ли"}, "Technology", "en", "PPP", nil},
		{"edge/longword.txt", "A Very Long Word and a Very Long Paragraph",
			[]string{"Long Tester"}, "Science", "en", "PPP", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := readFile(t, tt.file)
			a, err := Read(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := a.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			m := a.Meta
			if m.Title != tt.title {
				t.Errorf("title %q, want %q", m.Title, tt.title)
			}
			if strings.Join(m.Authors, "|") != strings.Join(tt.authors, "|") {
				t.Errorf("authors %q, want %q", m.Authors, tt.authors)
			}
			if m.Section != tt.section {
				t.Errorf("section %q, want %q", m.Section, tt.section)
			}
			if m.Language != tt.lang {
				t.Errorf("language %q, want %q", m.Language, tt.lang)
			}
			if got := kinds(a.Blocks); got != tt.blocks {
				t.Errorf("blocks %s, want %s", got, tt.blocks)
			}
			var heads []string
			for _, h := range a.Headings() {
				if h.Level != 2 {
					t.Errorf("heading %q level %d", article.InlineText(h.Inlines), h.Level)
				}
				heads = append(heads, article.InlineText(h.Inlines))
			}
			if strings.Join(heads, "|") != strings.Join(tt.heads, "|") {
				t.Errorf("headings %q, want %q", heads, tt.heads)
			}
			all := allText(a)
			for _, bp := range boilerplate {
				if strings.Contains(all, bp) {
					t.Errorf("boilerplate %q survived", bp)
				}
			}
			// Every line of the source but the title that is long enough
			// to be nothing but text is in the body, whitespace folded.
			body := fold(a.BodyText())
			srcText := strings.TrimPrefix(string(src), "\ufeff")
			srcLines := strings.FieldsFunc(srcText, func(r rune) bool { return r == '\n' || r == '\r' })
			n := 0
			for i, l := range srcLines {
				if i == 0 || utf8.RuneCountInString(l) < 40 {
					continue
				}
				n++
				if !strings.Contains(body, fold(l)) {
					t.Errorf("source line %d is not in the body: %.80q", i+1, l)
				}
			}
			if n == 0 {
				t.Error("no source line checked")
			}
		})
	}
}

func TestReadSampleAsset(t *testing.T) {
	// The CRLF/BOM/tab/NBSP copy reads as the same article as the sample.
	a, err := Read(readFile(t, "csto-summit-bishkek.txt"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read(readFile(t, "edge/crlf-bom.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if fold(a.BodyText()) != fold(b.BodyText()) {
		t.Error("crlf-bom.txt body differs from the sample's")
	}
	for _, s := range []string{allText(b), b.Meta.Title} {
		if strings.ContainsAny(s, "\r\t\ufeff") {
			t.Errorf("CR, tab or BOM survived: %.80q", s)
		}
	}
}

func TestReadLongWord(t *testing.T) {
	src := string(readFile(t, "edge/longword.txt"))
	a, err := Read([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	word := " " + strings.Repeat("x", 20000)
	body := a.BodyText()
	i := strings.Index(body, word)
	if i < 0 || strings.HasPrefix(body[i+len(word):], "x") {
		t.Error("the 20,000-letter word did not survive whole")
	}
	// The long paragraph keeps every word.
	var long string
	for _, l := range strings.Split(src, "\n") {
		if len(l) > len(long) {
			long = l
		}
	}
	want := len(strings.Fields(long))
	found := false
	for _, b := range a.Blocks {
		if p, ok := b.(*article.Paragraph); ok && len(strings.Fields(article.InlineText(p.Inlines))) == want {
			found = true
		}
	}
	if !found {
		t.Errorf("no paragraph of %d words", want)
	}
	// The long URL is a link whose text is the URL.
	url := "https://example.org/a/very/long/url/that/has/no/spaces/and/keeps/going/and/going/for/a/while/until/it/is/wider/than/any/page/could/ever/be/index.html"
	last, ok := a.Blocks[len(a.Blocks)-1].(*article.Paragraph)
	if !ok || len(last.Inlines) != 1 {
		t.Fatalf("last block %#v", a.Blocks[len(a.Blocks)-1])
	}
	if l, ok := last.Inlines[0].(*article.Link); !ok || l.URL != url || article.InlineText(l.Inlines) != url {
		t.Errorf("URL paragraph %#v", last.Inlines[0])
	}
}

func TestReadInjection(t *testing.T) {
	a, err := Read(readFile(t, "edge/injection.txt"))
	if err != nil {
		t.Fatal(err)
	}
	body := a.BodyText()
	for _, s := range []string{`</p><p class="evil">`, `<![CDATA[ x ]]>`, `&amp; &nbsp; &#x41;`, `& a less-than sign < 3.`,
		"📚", "书", "שלום עולם", `backslash \ and`, "100%", "~"} {
		if !strings.Contains(body, s) {
			t.Errorf("body lost %q", s)
		}
	}
	if !strings.Contains(body, "Control characters and a form feed should") {
		t.Error("control characters not removed cleanly")
	}
	for _, r := range allText(a) {
		if r != '\n' && (r < 0x20 || r >= 0x7F && r <= 0x9F) {
			t.Errorf("control character %U in the output", r)
		}
	}
}

func TestReadBad(t *testing.T) {
	tests := []struct {
		file string
		want error
	}{
		{"bad/empty.txt", ErrEmpty},
		{"bad/blank.txt", ErrEmpty},
		{"bad/binary.bin", ErrBinary},
		{"bad/latin1.txt", ErrEncoding},
		{"bad/boilerplate-only.txt", ErrBoilerplate},
		{"bad/title-only.txt", ErrNoBody},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := Read(readFile(t, tt.file))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if a != nil {
				t.Error("an article with the error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "txt: ") || strings.Contains(msg, "\n") {
				t.Errorf("message %q is not one line prefixed txt:", msg)
			}
		})
	}
	_, err := Read(readFile(t, "bad/latin1.txt"))
	var ee *EncodingError
	if !errors.As(err, &ee) || ee.Offset != 3 {
		t.Errorf("latin1.txt: %v, want offset 3", err)
	}
	if got := err.Error(); got != "txt: invalid UTF-8 at byte 3 (use --encoding to convert)" {
		t.Errorf("message %q", got)
	}
}
