package html

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader/limits"
)

// articlePage wraps body in a minimal article page.
func articlePage(body string) string {
	return "<!doctype html><html><head><title>T</title></head><body><article><h1>T</h1>" +
		"<p>The opening paragraph of the article, long enough to be its content.</p>" + body + "</article></body></html>"
}

// cloneBomb leaves n formatting elements open across the end of their
// paragraph and follows them with m paragraphs, into each of which the
// parser copies all of them.
func cloneBomb(n, m int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "<p><b id=%d></p>", i)
	}
	b.WriteString(strings.Repeat("<p>x</p>", m))
	return b.String()
}

// TestTooComplex reads pages whose elements or blocks hold no words, which
// escape the size and word limits: each fails with one line naming the
// limit, the node limit before the page is parsed.
func TestTooComplex(t *testing.T) {
	tests := []struct {
		name, body string
		opt        Options
		what       string
	}{
		{"empty inline elements", strings.Repeat("<i></i>", DefaultMaxNodes), Options{}, "nodes"},
		{"one-word divs", strings.Repeat("<div>a</div>", DefaultMaxNodes/2), Options{}, "nodes"},
		{"empty paragraphs", strings.Repeat("<p></p>", DefaultMaxNodes), Options{}, "nodes"},
		{"copied formatting", cloneBomb(400, 20_000), Options{}, "nodes"},
		{"paragraphs", strings.Repeat("<p>a</p>", 101), Options{MaxBlocks: 100}, "blocks"},
		{"list items", "<ul>" + strings.Repeat("<li>a</li>", 101) + "</ul>", Options{MaxBlocks: 100}, "blocks"},
		{"table rows", "<table><tr><th>h</th><th>i</th></tr>" + strings.Repeat("<tr><td>a</td><td>b</td></tr>", 101) + "</table>", Options{MaxBlocks: 100}, "blocks"},
		{"set node limit", strings.Repeat("<p>a</p>", 100), Options{MaxNodes: 100}, "nodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Read([]byte(articlePage(tt.body)), tt.opt)
			if d := time.Since(start); d > 20*time.Second { // a hang detector, not a speed test
				t.Errorf("took %v", d)
			}
			if !errors.Is(err, limits.ErrTooComplex) {
				t.Fatalf("err = %v, want ErrTooComplex", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "html: too many "+tt.what+": more than ") || strings.Contains(msg, "\n") {
				t.Errorf("message %q", msg)
			}
		})
	}
}

// TestTooComplexMemory checks that a page over the node limit is refused
// before it is parsed: the pass of the tokenizer allocates little (the
// parser takes some 80 bytes per input byte of "<i></i>").
func TestTooComplexMemory(t *testing.T) {
	for _, body := range []string{strings.Repeat("<i></i>", DefaultMaxNodes), cloneBomb(400, 20_000)} {
		data := []byte(articlePage(body))
		allocs := testing.Benchmark(func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(data, Options{}); err == nil {
					b.Fatal("no error")
				}
			}
		}).AllocedBytesPerOp()
		if allocs > int64(4*len(data)) {
			t.Errorf("%d bytes allocated for a %d-byte page", allocs, len(data))
		}
	}
}

// TestBlocksUnderLimit reads pages at the limits and under them: they are
// read, limits off (negative) or not, and rule runs make one rule.
func TestBlocksUnderLimit(t *testing.T) {
	body := strings.Repeat("<p>a</p>", 99)
	if _, err := Read([]byte(articlePage(body)), Options{MaxBlocks: 100}); err != nil {
		t.Errorf("100 blocks, limit 100: %v", err)
	}
	if _, err := Read([]byte(articlePage(body+body)), Options{MaxBlocks: -1, MaxNodes: -1}); err != nil {
		t.Errorf("no limits: %v", err)
	}
	a, err := Read([]byte(articlePage("<p>Before the rules, a paragraph of text.</p>"+strings.Repeat("<hr>", 1000)+
		"<div><hr><hr></div><p>After the rules, another paragraph.</p>")), Options{MaxBlocks: 100})
	if err != nil {
		t.Fatal(err)
	}
	rules := 0
	article.WalkBlocks(a.Blocks, func(b article.Block) bool {
		if _, ok := b.(*article.Rule); ok {
			rules++
		}
		return true
	})
	if rules != 1 {
		t.Errorf("%d rules, want 1", rules)
	}
}

// TestRealPagesFarBelowLimits reads every page of the corpus with limits
// twenty times lower than the defaults: real pages are far below them (the
// largest, a 1 MB Wikipedia article, makes some 34,000 nodes).
func TestRealPagesFarBelowLimits(t *testing.T) {
	for name, p := range corpusPages(t) {
		_, err := Read(p, Options{MaxBlocks: DefaultMaxBlocks / 20, MaxNodes: DefaultMaxNodes / 20})
		if errors.Is(err, limits.ErrTooComplex) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
