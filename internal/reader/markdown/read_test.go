package markdown

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
)

const corpus = "../../../testdata/corpus"

// read reads src with opt, failing the test on error, and returns the
// article and the warnings.
func read(t *testing.T, src string, opt Options) (*article.Article, []string) {
	t.Helper()
	var warnings []string
	opt.Warn = func(msg string) { warnings = append(warnings, msg) }
	a, err := Read([]byte(src), opt)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if err := a.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	for _, w := range warnings {
		if !strings.HasPrefix(w, "markdown: ") {
			t.Errorf("warning %q lacks the package prefix", w)
		}
	}
	return a, warnings
}

func TestReadCorpus(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpus, "reading-offline.md"))
	if err != nil {
		t.Fatal(err)
	}
	a, warnings := read(t, string(data), Options{BaseDir: corpus})
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	m := a.Meta
	checks := []struct {
		name      string
		got, want any
	}{
		{"title", m.Title, "Reading Offline: Notes from a Year Without Push Notifications"},
		{"subtitle", m.Subtitle, "What changed when every article went to the e-reader first"},
		{"authors", m.Authors, []string{"Daniel Okafor", "Léa Fontaine"}},
		{"date", m.Date, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)},
		{"language", m.Language, "en-GB"},
		{"rights", m.Rights, "CC BY 4.0"},
		{"source", m.SourceURL, "https://example.org/essays/reading-offline"},
		{"description", m.Description, "Two readers describe a year of saving long articles as e-books and printing the best of them."},
		{"keywords", m.Keywords, []string{"reading", "e-readers", "attention"}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}

	var headings []string
	for _, h := range a.Headings() {
		if h.Level != 2 {
			t.Errorf("heading %q has level %d, want 2", article.InlineText(h.Inlines), h.Level)
		}
		headings = append(headings, article.InlineText(h.Inlines))
	}
	wantHeadings := []string{"Why we tried it", "The routine", "What the files had to get right", "Numbers"}
	if !reflect.DeepEqual(headings, wantHeadings) {
		t.Errorf("headings = %q, want %q", headings, wantHeadings)
	}

	var lists []*article.List
	var quotes []*article.Quote
	var images []*article.Image
	article.WalkBlocks(a.Blocks, func(b article.Block) bool {
		switch x := b.(type) {
		case *article.List:
			lists = append(lists, x)
		case *article.Quote:
			quotes = append(quotes, x)
		case *article.Image:
			images = append(images, x)
		}
		return true
	})
	if len(lists) != 2 || !lists[0].Ordered || lists[1].Ordered || len(lists[0].Items) != 3 || len(lists[1].Items) != 3 {
		t.Errorf("want an ordered list of 3 then a bullet list of 3, got %d lists", len(lists))
	}
	if len(quotes) != 1 {
		t.Fatalf("got %d quotes, want 1", len(quotes))
	}
	if got := article.InlineText(quotes[0].Attribution); got != "— a note pinned above Léa's desk" {
		t.Errorf("attribution = %q", got)
	}
	if got := article.BlockText(quotes[0]); !strings.HasPrefix(got, "The best interface for a long text is the one that disappears.\n") {
		t.Errorf("quote text = %q", got)
	}
	if len(a.Notes) != 1 || article.BlockText(a.Notes[0].Blocks[0]) != "Inline code is rare in essays, but it does happen." {
		t.Errorf("notes = %+v", a.Notes)
	}
	if !strings.Contains(a.BodyText(), "such as E = mc^2.") {
		t.Errorf("the footnoted sentence is missing from the body")
	}
	if len(images) != 1 {
		t.Fatalf("got %d images, want 1", len(images))
	}
	img := images[0]
	if img.MediaType != "image/png" || img.Width != 240 || img.Height != 160 || len(img.Data) != 448 ||
		img.Alt != "A page of the printed article with margin notes" || img.Source != "margin-notes.png" {
		t.Errorf("image = %s %dx%d %d bytes alt %q source %q", img.MediaType, img.Width, img.Height, len(img.Data), img.Alt, img.Source)
	}
	if strings.Contains(a.BodyText(), "Reading Offline:") {
		t.Error("the body repeats the title")
	}
}

// TestReadConstructs checks each construct on a small synthetic document.
func TestReadConstructs(t *testing.T) {
	const meta = "---\ntitle: T\nlang: en\n---\n\n"
	tests := []struct {
		name  string
		src   string
		check func(t *testing.T, a *article.Article, warnings []string)
	}{
		{"no metadata, # Title", "# A *Fine* Title\n\nBody text.\n\n## Part\n\nMore.\n", func(t *testing.T, a *article.Article, _ []string) {
			if a.Meta.Title != "A Fine Title" {
				t.Errorf("title = %q", a.Meta.Title)
			}
			if len(a.Blocks) != 3 {
				t.Fatalf("got %d blocks, want 3 (title removed)", len(a.Blocks))
			}
			if h := a.Blocks[1].(*article.Heading); h.Level != 2 {
				t.Errorf("## heading has level %d, want 2", h.Level)
			}
			if a.Meta.Language != "en" {
				t.Errorf("detected language = %q, want en", a.Meta.Language)
			}
		}},
		{"metadata title and repeated # Title", "---\ntitle: Same Title\n---\n\n# Same   title\n\nBody.\n\n# Part one\n\n## Sub\n", func(t *testing.T, a *article.Article, _ []string) {
			if len(a.Blocks) != 3 {
				t.Fatalf("got %d blocks, want 3", len(a.Blocks))
			}
			hs := a.Headings()
			if hs[0].Level != 2 || hs[1].Level != 3 {
				t.Errorf("levels = %d, %d, want 2, 3", hs[0].Level, hs[1].Level)
			}
		}},
		{"deep headings are promoted", meta + "#### Four\n\ntext\n\n###### Six\n", func(t *testing.T, a *article.Article, _ []string) {
			hs := a.Headings()
			if hs[0].Level != 2 || hs[1].Level != 4 {
				t.Errorf("levels = %d, %d, want 2, 4", hs[0].Level, hs[1].Level)
			}
		}},
		{"levels past 6 are capped", "---\ntitle: T\n---\n\n# One\n\n###### Six\n\ntext\n", func(t *testing.T, a *article.Article, _ []string) {
			if hs := a.Headings(); hs[1].Level != 6 {
				t.Errorf("level = %d, want 6", hs[1].Level)
			}
		}},
		{"table alignment", meta + "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 | 5 |\n| x |\n", func(t *testing.T, a *article.Article, _ []string) {
			tb := a.Blocks[0].(*article.Table)
			want := []article.Align{article.AlignLeft, article.AlignCenter, article.AlignRight, article.AlignDefault}
			if !reflect.DeepEqual(tb.Align, want) {
				t.Errorf("align = %v, want %v", tb.Align, want)
			}
			if len(tb.Header) != 4 || len(tb.Rows) != 2 || len(tb.Rows[0]) != 4 || len(tb.Rows[1]) != 4 {
				t.Errorf("table shape: header %d, rows %d", len(tb.Header), len(tb.Rows))
			}
		}},
		{"nested and task lists", meta + "5. five\n   - [ ] todo\n   - [x] done\n6. six\n", func(t *testing.T, a *article.Article, _ []string) {
			l := a.Blocks[0].(*article.List)
			if !l.Ordered || l.Start != 5 || len(l.Items) != 2 {
				t.Fatalf("list = %+v", l)
			}
			inner := l.Items[0].Blocks[1].(*article.List)
			if got := article.BlockText(inner); got != "☐ todo\n☑ done" {
				t.Errorf("task list text = %q", got)
			}
		}},
		{"raw HTML and script", meta + "Hi <b>there</b> <script>alert(\"x\")</script>friend.\n\n<script>\nevil()\n</script>\n\n<div>\n<p>kept &amp; text</p>\n</div>\n\n<style>p{}</style>\n", func(t *testing.T, a *article.Article, _ []string) {
			got := a.BodyText()
			if got != "Hi there friend.\nkept & text" {
				t.Errorf("body = %q", got)
			}
		}},
		{"empty HTML dropped", meta + "<div></div>\n\n<!-- comment -->\n\nText.\n", func(t *testing.T, a *article.Article, _ []string) {
			if len(a.Blocks) != 1 {
				t.Errorf("got %d blocks, want 1", len(a.Blocks))
			}
		}},
		{"breaks", meta + "one\ntwo  \nthree\\\nfour\n\n中文\n中文\n", func(t *testing.T, a *article.Article, _ []string) {
			p := a.Blocks[0].(*article.Paragraph)
			if got := dumpInlines(p.Inlines); got != `"one two" br "three" br "four"` {
				t.Errorf("inlines = %s", got)
			}
			if got := article.BlockText(a.Blocks[1]); got != "中文中文" {
				t.Errorf("CJK soft break = %q", got)
			}
		}},
		{"footnotes", meta + "A[^x] b[^y] c[^x].\n\n[^y]: Why.\n[^x]: Ex.\n[^z]: unused\n", func(t *testing.T, a *article.Article, _ []string) {
			if len(a.Notes) != 2 || a.Notes[0].ID != "1" || a.Notes[1].ID != "2" {
				t.Fatalf("notes = %+v", a.Notes)
			}
			if got := article.BlockText(a.Notes[0].Blocks[0]); got != "Ex." {
				t.Errorf("first note = %q", got)
			}
		}},
		{"links", "---\ntitle: T\nsource: https://example.com/dir/page\n---\n\n[rel](other \"T\") [js](javascript:alert(1)) [frag](#x) <https://a.example> www.b.example\n", func(t *testing.T, a *article.Article, _ []string) {
			got := dumpInlines(a.Blocks[0].(*article.Paragraph).Inlines)
			want := `link("https://example.com/dir/other" title="T": "rel") " js " link("#x": "frag") " " link("https://a.example": "https://a.example") " " link("http://www.b.example": "www.b.example")`
			if got != want {
				t.Errorf("inlines =\n%s\nwant\n%s", got, want)
			}
		}},
		{"relative link without base keeps text", meta + "See [the other file](other.md).\n", func(t *testing.T, a *article.Article, _ []string) {
			if got := dumpInlines(a.Blocks[0].(*article.Paragraph).Inlines); got != `"See the other file."` {
				t.Errorf("inlines = %s", got)
			}
		}},
		{"Options.URL is the base and the source", "# T\n\n[x](y)\n", func(t *testing.T, a *article.Article, _ []string) {
			if a.Meta.SourceURL != "https://host.example/a/b.md" {
				t.Errorf("source = %q", a.Meta.SourceURL)
			}
			if l := a.Blocks[0].(*article.Paragraph).Inlines[0].(*article.Link); l.URL != "https://host.example/a/y" {
				t.Errorf("link = %q", l.URL)
			}
		}},
		{"quote attribution forms", meta + "> q1\n> -- A\n\n> q2\n>\n> — *B*\n\n> q3 — not C\n", func(t *testing.T, a *article.Article, _ []string) {
			want := []string{"— A", "— B", ""}
			for i, w := range want {
				q := a.Blocks[i].(*article.Quote)
				if got := article.InlineText(q.Attribution); got != w {
					t.Errorf("quote %d attribution = %q, want %q", i+1, got, w)
				}
			}
		}},
		{"code blocks", meta + "```go title=x\nfunc f() {\n\treturn\n}\n```\n\n    indented\n", func(t *testing.T, a *article.Article, _ []string) {
			c := a.Blocks[0].(*article.CodeBlock)
			if c.Language != "go" || c.Text != "func f() {\n\treturn\n}" {
				t.Errorf("fenced = %q %q", c.Language, c.Text)
			}
			if c := a.Blocks[1].(*article.CodeBlock); c.Language != "" || c.Text != "indented" {
				t.Errorf("indented = %q %q", c.Language, c.Text)
			}
		}},
		{"CRLF and BOM", "\ufeff---\r\ntitle: Win\r\n---\r\n\r\nline one\r\nline two\r\n", func(t *testing.T, a *article.Article, _ []string) {
			if a.Meta.Title != "Win" || a.BodyText() != "line one line two" {
				t.Errorf("title %q body %q", a.Meta.Title, a.BodyText())
			}
		}},
		{"control characters dropped", meta + "a\x01b\x0bc &#1; \x00 end\n", func(t *testing.T, a *article.Article, _ []string) {
			if got := a.BodyText(); got != "abc \ufffd end" {
				t.Errorf("body = %q", got)
			}
		}},
		{"metadata variants", "---\nTitle: \"*Styled* title\"\nauthors:\n  - name: Ann\n  - Bob\ndate: March 14th, 2026\nlanguage: pt_BR\nabstract: An abstract.\ntags: a, b; c\nlicense: MIT\nurl: https://example.org/x\ncategories: [News, World]\npublisher: The Site\nunknown: {x: 1}\n---\n\nBody.\n", func(t *testing.T, a *article.Article, w []string) {
			m := a.Meta
			got := []any{m.Title, m.Authors, m.Date.Format("2006-01-02"), m.Language, m.Description, m.Keywords, m.Rights, m.SourceURL, m.Section, m.SiteName}
			want := []any{"Styled title", []string{"Ann", "Bob"}, "2026-03-14", "pt-BR", "An abstract.", []string{"a", "b", "c"}, "MIT", "https://example.org/x", "News", "The Site"}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("meta = %#v\nwant   %#v", got, want)
			}
			if len(w) != 0 {
				t.Errorf("warnings: %q", w)
			}
		}},
		{"metadata that must stay literal", "---\ntitle: \"1. Introduction\"\nsubtitle: \"# not a heading\"\nauthor: \"snake_case_name & Co\"\n---\n\nBody.\n", func(t *testing.T, a *article.Article, _ []string) {
			m := a.Meta
			if m.Title != "1. Introduction" || m.Subtitle != "# not a heading" || m.Authors[0] != "snake_case_name & Co" {
				t.Errorf("meta = %q %q %q", m.Title, m.Subtitle, m.Authors)
			}
		}},
		{"bad metadata values warn", "---\ntitle: T\ndate: someday\nlang: not a language\nsource: /relative\n---\n\nBody text in English, for the detector.\n", func(t *testing.T, a *article.Article, w []string) {
			if len(w) != 3 {
				t.Errorf("warnings = %q, want 3", w)
			}
			if a.Meta.HasDate() || a.Meta.SourceURL != "" || a.Meta.Language != "en" {
				t.Errorf("meta = %+v", a.Meta)
			}
		}},
		{"date forms", "---\ntitle: T\ndate: 2026-03-14T09:30:00+03:00\n---\n\nBody.\n", func(t *testing.T, a *article.Article, _ []string) {
			if got := a.Meta.Date.Format(time.RFC3339); got != "2026-03-14T09:30:00+03:00" {
				t.Errorf("date = %s", got)
			}
		}},
		{"scalar between rules is Markdown", "# T\n\n---\nJust a line\n---\n\nText.\n", func(t *testing.T, a *article.Article, _ []string) {
			if got := dump(a); !strings.Contains(got, "  rule\n  heading 2: \"Just a line\"\n") {
				t.Errorf("want a rule and a setext heading, got\n%s", got)
			}
		}},
		{"unclosed metadata warns", "---\ntitle: x\n\n# Title\n\nText.\n", func(t *testing.T, a *article.Article, w []string) {
			if len(w) != 1 || !strings.Contains(w[0], "never closed") {
				t.Errorf("warnings = %q", w)
			}
		}},
		{"empty metadata block", "---\n# only a comment\n---\n\n# Title\n\nText.\n", func(t *testing.T, a *article.Article, _ []string) {
			if a.Meta.Title != "Title" {
				t.Errorf("title = %q", a.Meta.Title)
			}
		}},
		{"unicode", "---\ntitle: Ночь\n---\n\nВ зале сорок мест, 🎉, שלום, 中文.\n", func(t *testing.T, a *article.Article, _ []string) {
			if a.BodyText() != "В зале сорок мест, 🎉, שלום, 中文." || a.Meta.Language != "ru" {
				t.Errorf("body %q language %q", a.BodyText(), a.Meta.Language)
			}
		}},
		{"rule", meta + "a\n\n---\n\nb\n", func(t *testing.T, a *article.Article, _ []string) {
			if _, ok := a.Blocks[1].(*article.Rule); !ok || len(a.Blocks) != 3 {
				t.Errorf("blocks = %s", dump(a))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{}
			if strings.HasPrefix(tt.name, "Options.URL") {
				opt.URL = "https://host.example/a/b.md"
			}
			a, w := read(t, tt.src, opt)
			tt.check(t, a, w)
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // part of the message
		is   error
	}{
		{"empty", "", "no body text", article.ErrNoBody},
		{"blank", " \n\n\t\n", "no body text", article.ErrNoBody},
		{"metadata only", "---\ntitle: T\n---\n", "no body text after the metadata block", article.ErrNoBody},
		{"metadata and blank HTML", "---\ntitle: T\n---\n\n<div></div>\n<!-- x -->\n", "no body text", article.ErrNoBody},
		{"title only", "# Just a title\n", "no body text", article.ErrNoBody},
		{"no title", "Some text without a heading.\n", "no title", article.ErrNoTitle},
		{"latin-1", "caf\xe9\n", "not UTF-8 text (invalid byte at line 1)", nil},
		{"malformed YAML", "---\ntitle: x\nauthor: [a, b\ndate: 2026\n---\n\nBody.\n", "malformed YAML metadata block: line ", nil},
		{"malformed YAML indentation", "---\ntitle: x\n  bad: indentation\n---\n\nBody.\n", "line 3:", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read([]byte(tt.src), Options{})
			if err == nil {
				t.Fatalf("no error; got %s", dump(a))
			}
			if !strings.HasPrefix(err.Error(), "markdown: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
		})
	}
}

func TestMetadataErrorLine(t *testing.T) {
	tests := []struct {
		yaml string
		line int // in the file: the opening "---" is line 1
	}{
		{"title: ok\nauthor: ok\nkeywords: [a, b\n", 4},       // parser error
		{"title: ok\nauthor: ok\nkeywords: [a, b\nx: 1\n", 4}, // parser error
		{"title: x\n  bad: indentation\n", 3},                 // scanner error
		{"a: 1\nb: 2\nc: @x\n", 4},                            // scanner error
		{"a: @x\n", 2},                                        // first line: yaml.v3 names none
		{"- a\nb: 1\n", 3},
	}
	for _, tt := range tests {
		_, err := Read([]byte("---\n"+tt.yaml+"---\n\nBody.\n"), Options{})
		var me *MetadataError
		if !errors.As(err, &me) {
			t.Errorf("%q: error %v is not a *MetadataError", tt.yaml, err)
			continue
		}
		if me.Line != tt.line {
			t.Errorf("%q: line = %d, want %d (%v)", tt.yaml, me.Line, tt.line, err)
		}
		if me.Unwrap() == nil || strings.Contains(err.Error(), "yaml:") {
			t.Errorf("%q: error %q", tt.yaml, err)
		}
	}
}

func TestDefaultTitle(t *testing.T) {
	a, _ := read(t, "Text with no heading.\n", Options{DefaultTitle: "  notes.md "})
	if a.Meta.Title != "notes.md" {
		t.Errorf("title = %q", a.Meta.Title)
	}
}

func TestDeterministic(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpus, "reading-offline.md"))
	if err != nil {
		t.Fatal(err)
	}
	first := ""
	for i := range 3 {
		a, err := Read(data, Options{BaseDir: corpus})
		if err != nil {
			t.Fatal(err)
		}
		if d := dump(a); i == 0 {
			first = d
		} else if d != first {
			t.Fatalf("run %d differs:\n%s\n---\n%s", i, d, first)
		}
	}
}
