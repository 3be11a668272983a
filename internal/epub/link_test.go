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
