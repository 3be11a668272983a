package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/offprint/offprint/article"
)

// lettersOf returns the letters and digits of s.
func lettersOf(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// TestSplitParagraphsLeavesWritingAlone checks that no document a person
// writes is cut: the corpus, the test cases, a long paragraph of prose,
// code dense with asterisks, a long table and a long list of link
// reference definitions.
func TestSplitParagraphsLeavesWritingAlone(t *testing.T) {
	docs := map[string]string{}
	for name, path := range goldenInputs(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docs[name] = string(data)
	}
	prose := strings.Repeat("The *committee* met again on Thursday to discuss the budget_for the coming year. ", 250)
	docs["long paragraph"] = "# T\n\n" + prose + "\n"
	docs["huge paragraph"] = "# T\n\n" + strings.Repeat("The committee met again on Thursday, and nobody agreed. ", 6000) + "\n"
	docs["code"] = "# T\n\n```c\n" + strings.Repeat("int **p = *q[i] * r_s[j];\n", 500) + "```\n"
	docs["indented code"] = "# T\n\nx\n\n" + strings.Repeat("    int **p = *q[i] * r_s[j];\n", 500)
	docs["table"] = "# T\n\n| a | b |\n|---|---|\n" + strings.Repeat("| **x** | _y_ [z] |\n", 500)
	docs["list"] = "# T\n\n" + strings.Repeat("- **item** with _emphasis_ and [a link](https://example.com/x_y)\n", 500)
	docs["quote"] = "# T\n\n" + strings.Repeat("> **quoted** with _emphasis_ and [a link](https://example.com/x_y)\n", 500)
	for name, doc := range docs {
		if _, changed := splitParagraphs([]byte(doc)); changed {
			t.Errorf("%s: cut", name)
		}
	}

	// Link reference definitions: cut between two of them, they stay
	// definitions, and every reference still resolves.
	var defs, refs strings.Builder
	for i := range 400 {
		fmt.Fprintf(&refs, "See [ref %d][r%d]. ", i, i)
		fmt.Fprintf(&defs, "[r%d]: https://example.com/page_%d \"Title_%d\"\n", i, i, i)
	}
	doc := "# T\n\n" + refs.String() + "\n\n" + defs.String()
	a, err := Read([]byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	links := 0
	article.WalkBlocks(a.Blocks, func(b article.Block) bool {
		if p, ok := b.(*article.Paragraph); ok {
			for _, in := range p.Inlines {
				if _, ok := in.(*article.Link); ok {
					links++
				}
			}
		}
		return true
	})
	if links != 400 || strings.Contains(a.BodyText(), "example.com") {
		t.Errorf("%d links resolved, want 400; text %.200q", links, a.BodyText())
	}
}

// TestSplitParagraphsDense reads paragraphs dense with delimiters, which
// goldmark alone takes minutes over: they are cut, quickly, with a
// warning, and keep every letter.
func TestSplitParagraphsDense(t *testing.T) {
	for _, unit := range []string{
		"*a_b*c_d**e_f*g**h*i_j** ", // goldmark issue 555
		"[a](",
		"[a]: /u\n[a]\n",
		"*a",
		"x_",
	} {
		body := strings.Repeat(unit, 40_000)
		var warnings []string
		start := time.Now()
		a, err := Read([]byte("# T\n\n"+body), Options{Warn: func(s string) { warnings = append(warnings, s) }})
		if err != nil {
			t.Fatalf("%q: %v", unit, err)
		}
		if d := time.Since(start); d > 20*time.Second { // a hang detector, not a speed test
			t.Errorf("%q: took %v", unit, d)
		}
		if len(warnings) != 1 || !strings.Contains(warnings[0], "cut") {
			t.Errorf("%q: warnings %q", unit, warnings)
		}
		want := lettersOf(strings.ReplaceAll(body, "/u", "u"))
		if unit == "[a]: /u\n[a]\n" {
			want = want[2:] // the first definition is one
		}
		if got := lettersOf(a.BodyText()); got != want {
			t.Errorf("%q: %d letters kept of %d", unit, len(got), len(want))
		}
	}
}

// TestSplitParagraphsCutsSafely checks where a dense paragraph is cut: never
// before text that would start a block or a definition of its own.
func TestSplitParagraphsCutsSafely(t *testing.T) {
	dense := strings.Repeat("*x_ ", 3000) // 12000 bytes, 6000 delimiters
	for _, tail := range []string{"- item", "# heading", "[d]: /url", "```", "> quote", "1. one", "    code", "<div>"} {
		doc := dense + strings.Repeat(" "+tail, 300)
		out, changed := splitParagraphs([]byte(doc))
		if !changed {
			t.Fatalf("%q: not cut", tail)
		}
		for _, p := range strings.Split(string(out), "\n\n") {
			if !safeStart(p[0]) && p[0] != '*' || strings.HasPrefix(p, tail) {
				t.Errorf("%q: a paragraph starts %.20q", tail, p)
			}
		}
		if lettersOf(string(out)) != lettersOf(doc) {
			t.Errorf("%q: letters changed", tail)
		}
	}
	doc := []byte(dense + "\n" + filepath.Join("a", "b"))
	if out, _ := splitParagraphs(doc); strings.Count(string(out), "\n\n") == 0 {
		t.Error("a dense paragraph of one line is not cut")
	}
}
