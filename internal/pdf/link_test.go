package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

// writeBody renders an article of the given paragraphs, uncompressed so
// that its annotations and text can be counted.
func writeBody(t *testing.T, paras ...[]article.Inline) []byte {
	t.Helper()
	a := &article.Article{Meta: article.Meta{Title: "Links", Language: "en"}}
	for _, p := range paras {
		a.Blocks = append(a.Blocks, &article.Paragraph{Inlines: p})
	}
	var buf bytes.Buffer
	if err := Write(&buf, a, Options{NoCompress: true}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLinkSize: a link's address is written once however many lines and
// pages its text runs over, and an absurdly long address makes no link at
// all, so that a linked text costs about what the same text unlinked does.
func TestLinkSize(t *testing.T) {
	long := "http://example.com/" + strings.Repeat("x", 150_000)
	words := strings.TrimSpace(strings.Repeat("linked words ", 4000)) // 52 kB, about 17 pages
	limit := "http://example.com/" + strings.Repeat("y", article.MaxLinkURL-len("http://example.com/"))
	T := func(s string) article.Inline { return &article.Text{Text: s} }
	L := func(url string, ins ...article.Inline) article.Inline { return &article.Link{URL: url, Inlines: ins} }
	tests := []struct {
		name           string
		linked, plain  []article.Inline
		uris           int // /URI actions in the PDF
		annotsAtLeast  int
		sizeAtMostBase float64 // the linked PDF's size at most this times the plain one's
	}{
		{"150 kB address as its own text",
			[]article.Inline{T("See "), L(long, T(long)), T(" here.")},
			[]article.Inline{T("See " + long + " here.")}, 0, 0, 1.1},
		{"150 kB address under short text",
			[]article.Inline{T("See "), L(long, T("this page")), T(" here.")},
			[]article.Inline{T("See this page here.")}, 0, 0, 1.1},
		{"nested brackets around a long address",
			[]article.Inline{T("[[["), L(long, T(long)), T("]]]")},
			[]article.Inline{T("[[[" + long + "]]]")}, 0, 0, 1.1},
		{"short address under long text",
			[]article.Inline{T("See "), L("http://example.com/a", T(words)), T(" here.")},
			[]article.Inline{T("See " + words + " here.")}, 1, 100, 1.5},
		{"address at the limit under long text",
			[]article.Inline{T("See "), L(limit, T(words)), T(" here.")},
			[]article.Inline{T("See " + words + " here.")}, 1, 100, 1.5},
		{"address over the limit",
			[]article.Inline{T("See "), L(limit+"y", T(words)), T(" here.")},
			[]article.Inline{T("See " + words + " here.")}, 0, 0, 1.1},
		{"two links to one address share its action",
			[]article.Inline{L("https://example.org/", T(words)), T(" and "), L("https://example.org/", T("again"))},
			[]article.Inline{T(words + " and again")}, 1, 100, 1.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			linked, plain := writeBody(t, tt.linked), writeBody(t, tt.plain)
			if got := bytes.Count(linked, []byte("/S /URI")); got != tt.uris {
				t.Errorf("%d URI actions, want %d", got, tt.uris)
			}
			if got := bytes.Count(linked, []byte("/Subtype /Link")); got < tt.annotsAtLeast {
				t.Errorf("%d link annotations, want at least %d", got, tt.annotsAtLeast)
			}
			if r := float64(len(linked)) / float64(len(plain)); r > tt.sizeAtMostBase {
				t.Errorf("linked PDF %d bytes, %.2f times the unlinked %d, want at most %.2f", len(linked), r, len(plain), tt.sizeAtMostBase)
			}
		})
	}
}
