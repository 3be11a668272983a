package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader/html"
	"github.com/offprint/offprint/internal/reader/markdown"
)

// TestScriptArticles renders the corpus articles in Arabic, Persian,
// Hebrew, Hindi, Thai, Chinese, Japanese and Korean with no fallback font
// and checks that no character is missing and that pdftotext gives back
// the body in logical order: the longest common subsequence of the
// extracted characters and the source's covers at least 97 % of the
// source (whitespace aside).
func TestScriptArticles(t *testing.T) {
	tool(t, "pdftotext")
	for _, name := range []string{"ar-nakhil.md", "fa-qalamkar.md", "he-havat-gag.md", "hi-mausam.md", "th-reua-khlong.md",
		"zh-dianshang.md", "ja-kanko-ressha.md", "ko-jeontong-sijang.md", "he-page.html", "ar-page.html"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(corpus, "lang", name))
			if err != nil {
				t.Fatal(err)
			}
			var a *article.Article
			if strings.HasSuffix(name, ".html") {
				// saved pages with dir="rtl" and no lang
				a, err = html.Read(data, html.Options{})
			} else {
				a, err = markdown.Read(data, markdown.Options{})
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(name, "he") || strings.HasPrefix(name, "ar") || strings.HasPrefix(name, "fa") {
				if !articleRTL(a) {
					t.Errorf("not set right to left")
				}
			}
			var warns []string
			path, _ := renderFile(t, a, Options{Warn: func(s string) { warns = append(warns, s) }})
			for _, w := range warns {
				if strings.Contains(w, "not in the fonts") {
					t.Errorf("missing glyphs: %s", w)
				}
			}
			got := extractChars(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
			var src strings.Builder
			article.WalkBlocks(a.Blocks, func(b article.Block) bool {
				switch x := b.(type) {
				case *article.Paragraph:
					src.WriteString(article.InlineText(x.Inlines))
				case *article.Heading:
					src.WriteString(article.InlineText(x.Inlines))
				}
				return true
			})
			want := extractChars(src.String())
			if r := float64(lcs(want, got)) / float64(len(want)); r < 0.97 {
				t.Errorf("pdftotext gives back %.3f of the body in order, want ≥ 0.97", r)
			} else {
				t.Logf("pdftotext: %.3f of %d characters", r, len(want))
			}
		})
	}
}

// extractChars normalises text for comparison: NFKC, without whitespace
// and format characters.
func extractChars(s string) []rune {
	var out []rune
	for _, r := range norm.NFKC.String(s) {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			out = append(out, r)
		}
	}
	return out
}

// lcs is the length of the longest common subsequence of a and b.
func lcs(a, b []rune) int {
	prev, cur := make([]int32, len(b)+1), make([]int32, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}
