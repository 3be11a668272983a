package html

import (
	"net/url"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

func TestEscapeQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"a=1&b=%41", "a=1&b=%41"},
		{"q=<y>&z", "q=%3Cy%3E&z"},
		{`q=a b"c|d^e{f}g\h` + "`", "q=a%20b%22c%7Cd%5Ee%7Bf%7Dg%5Ch%60"},
		{"q=100%&r=%4", "q=100%25&r=%254"},
		{"q=привет", "q=привет"},
	}
	for _, tt := range tests {
		if got := escapeQuery(tt.in); got != tt.want {
			t.Errorf("escapeQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestURLsAreURIs reads a page whose addresses hold characters a URI may
// not: the links and the source URL come out percent-encoded (an EPUB
// with them raw fails epubcheck, RSC-020).
func TestURLsAreURIs(t *testing.T) {
	bad := `https://example.com/"><x a='b'>?q=<y>&z=a b`
	esc := strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(bad)
	page := "<html><head><title>T</title><link rel=canonical href='" + esc + "'></head><body><article>" +
		"<p>Body text of the article, long enough to be kept, with <a href='" + esc + "'>a link</a> in it.</p></article></body></html>"
	a, err := Read([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	urls := []string{a.Meta.SourceURL}
	article.WalkBlocks(a.Blocks, func(b article.Block) bool {
		if p, ok := b.(*article.Paragraph); ok {
			for _, in := range p.Inlines {
				if l, ok := in.(*article.Link); ok {
					urls = append(urls, l.URL)
				}
			}
		}
		return true
	})
	if len(urls) != 2 {
		t.Fatalf("URLs %q, want the source and one link", urls)
	}
	for _, u := range urls {
		if strings.ContainsAny(u, "<>\" '|") {
			t.Errorf("URL %q holds characters a URI may not", u)
		}
		if p, err := url.Parse(u); err != nil || p.Query().Get("q") != "<y>" {
			t.Errorf("URL %q does not keep its query: %v", u, err)
		}
	}
}
