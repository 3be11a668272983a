package epub

import (
	"bytes"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

// TestLinkAddressLimit: a link whose address is longer than
// article.MaxLinkURL keeps its text without <a>, once, with one warning; an
// address at the limit is still a link. The book grows with the text, not
// with the address times anything.
func TestLinkAddressLimit(t *testing.T) {
	base := "http://example.com/"
	atLimit := base + strings.Repeat("a", article.MaxLinkURL-len(base))
	huge := base + strings.Repeat("x", 150_000)
	tests := []struct {
		name     string
		url      string
		text     string
		link     bool
		warnings int
	}{
		{"at the limit", atLimit, "the page", true, 0},
		{"one byte over", atLimit + "a", "the page", false, 1},
		{"over, padded with spaces", "  " + atLimit + "a ", "the page", false, 1},
		{"150 kB address as its text", huge, huge, false, 1},
		{"150 kB address, short text", huge, "the page", false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Meta: article.Meta{Title: "Links", Language: "en"}, Blocks: []article.Block{
				&article.Paragraph{Inlines: []article.Inline{&article.Text{Text: "See "},
					&article.Link{URL: tt.url, Inlines: article.Plain(tt.text)}, &article.Text{Text: " here."}}},
				&article.Paragraph{Inlines: []article.Inline{&article.Link{URL: tt.url, Inlines: article.Plain("again")}}},
			}}
			var warnings []string
			var buf bytes.Buffer
			if err := Write(&buf, a, Options{Warn: func(s string) { warnings = append(warnings, s) }}); err != nil {
				t.Fatal(err)
			}
			_, content := entries(t, buf.Bytes())
			page := string(content["EPUB/xhtml/text.xhtml"])
			if got := strings.Contains(page, `<a href="http://example.com/`); got != tt.link {
				t.Errorf("link made: %v, want %v", got, tt.link)
			}
			if !strings.Contains(page, "See "+tt.text+" here.") && !strings.Contains(page, tt.text+"</a> here.") {
				t.Errorf("the link's text is missing")
			}
			if n := strings.Count(page, strings.Repeat("x", 1000)); n > strings.Count(tt.text, strings.Repeat("x", 1000)) {
				t.Errorf("the address is written %d times over", n)
			}
			if len(warnings) != tt.warnings {
				t.Errorf("warnings %q, want %d", warnings, tt.warnings)
			}
			for _, w := range warnings {
				if len(w) > 200 {
					t.Errorf("a warning of %d bytes", len(w))
				}
			}
			if limit := len(tt.text) + 50_000; len(page) > limit {
				t.Errorf("page of %d bytes, want at most %d", len(page), limit)
			}
		})
	}
}

// TestHyphenationMarkup: every document carries the book's language, the
// body text is hyphenated by the reading system (hyphens: auto, with the
// prefixes e-readers need) while headings, code and web addresses are
// not, and a link whose text is an address is marked as one.
func TestHyphenationMarkup(t *testing.T) {
	a := &article.Article{Meta: article.Meta{Title: "Fernwärme", Language: "de-AT"}, Blocks: []article.Block{
		&article.Heading{Level: 2, Inlines: article.Plain("Überschrift")},
		&article.Paragraph{Inlines: []article.Inline{&article.Text{Text: "Siehe "},
			&article.Link{URL: "https://example.org/fernwaerme-netz", Inlines: article.Plain("example.org/fernwaerme-netz")},
			&article.Text{Text: " und den "},
			&article.Link{URL: "https://example.org/b", Inlines: article.Plain("Bericht")},
			&article.Text{Text: " oder "},
			&article.Link{URL: "https://example.org/c"},
			&article.Text{Text: " und "}, &article.Code{Text: "go test"}}},
	}}
	var buf bytes.Buffer
	if err := Write(&buf, a, Options{}); err != nil {
		t.Fatal(err)
	}
	_, content := entries(t, buf.Bytes())
	var css string
	for name, data := range content {
		if strings.HasSuffix(name, ".css") {
			css += strings.ReplaceAll(string(data), ",\n", ", ")
		}
		if strings.HasSuffix(name, ".xhtml") && !bytes.Contains(data, []byte(`xml:lang="de-AT" lang="de-AT"`)) {
			t.Errorf("%s: no lang", name)
		}
	}
	page := string(content["EPUB/xhtml/text.xhtml"])
	for _, want := range []string{
		`<a href="https://example.org/fernwaerme-netz" class="url">`,
		`<a href="https://example.org/b">Bericht</a>`,
		`<a href="https://example.org/c" class="url">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("text.xhtml lacks %s", want)
		}
	}
	rule := func(selector string) string {
		i := strings.Index(css, selector+" {")
		if i < 0 {
			t.Fatalf("no rule for %s in\n%s", selector, css)
		}
		j := strings.IndexByte(css[i:], '}')
		return css[i : i+j]
	}
	for selector, value := range map[string]string{
		"body": "auto", "h1, h2, h3, h4, h5, h6": "manual", "code, pre, kbd, samp": "none", "a.url": "none",
	} {
		r := rule(selector)
		for _, p := range []string{"-webkit-hyphens: ", "-epub-hyphens: ", "hyphens: "} {
			if !strings.Contains(r, p+value+";") {
				t.Errorf("%s: no %s%s in %q", selector, p, value, r)
			}
		}
	}
}

func TestAddressText(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.org": true, "www.example.org": true, "example.org/a/b": true, "me@example.org": true,
		"mailto:me@example.org": true, "Bericht": false, "z. B.": false, "example.org": false, "a/b": false,
		"3.5/10": false, "the report": false, "": false, "and/or": false,
	} {
		if got := addressText(s); got != want {
			t.Errorf("addressText(%q) = %v, want %v", s, got, want)
		}
	}
}
