package epub

import (
	"regexp"
	"strings"
	"testing"

	"github.com/offprint/offprint/assets"
)

func TestPruneCSS(t *testing.T) {
	css := `/* header */
body { margin: 0; }
p.kicker, p.unused, h1 { color: red; }
.a .b, .a { x: y; }
figure.quote blockquote { margin: 0; } /* trailing */
@font-face { font-family: "X"; src: url(../fonts/x.ttf); }
@media (min-width: 10em) { p.kicker { y: z; } }
.gone { a: b; }
`
	got := string(pruneCSS([]byte(css), map[string]bool{"kicker": true, "a": true}))
	want := `body { margin: 0; }

p.kicker,
h1 { color: red; }

.a { x: y; }

@font-face { font-family: "X"; src: url(../fonts/x.ttf); }

@media (min-width: 10em) { p.kicker { y: z; } }
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestStylesheet checks the rules the stylesheet keeps to: relative units,
// no !important, no font family forced on the body, hyphenation, and every
// class it styles is one offprint writes.
func TestStylesheet(t *testing.T) {
	css := string(assets.EPUBStyle)
	if strings.Contains(css, "!important") {
		t.Error("!important in the stylesheet")
	}
	if m := regexp.MustCompile(`\d(px|pt|cm|mm|in|pc)\b`).FindString(css); m != "" {
		t.Errorf("absolute unit %s in the stylesheet", m)
	}
	body := regexp.MustCompile(`(?s)\nbody \{(.*?)\}`).FindStringSubmatch(css)
	if body == nil || strings.Contains(body[1], "font-family") || strings.Contains(body[1], "font-size") ||
		!strings.Contains(body[1], "hyphens: auto") || !strings.Contains(body[1], "-epub-hyphens: auto") {
		t.Errorf("body rule: %v", body)
	}
	// Every class styled appears in some book.
	used := map[string]bool{}
	for _, tb := range testBooks {
		_, content := entries(t, writeBook(t, tb))
		for name, data := range content {
			if strings.HasSuffix(name, ".xhtml") {
				for c := range usedClasses(data) {
					used[c] = true
				}
			}
		}
	}
	for _, m := range classSelector.FindAllStringSubmatch(string(stripComments(assets.EPUBStyle)), -1) {
		if !used[m[1]] {
			t.Errorf("the stylesheet styles class %q, which no test book uses", m[1])
		}
	}
}
