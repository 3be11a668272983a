package pdf

import (
	"bytes"
	"io"
	"runtime"
	"testing"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/linebreak"
)

// TestPrefetch checks that breaking paragraphs ahead and adding the fonts
// to gofpdf on other goroutines changes nothing: every document comes out
// byte for byte as when everything is done in turn.
func TestPrefetch(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one processor: no prefetch")
	}
	docs := map[string]*article.Article{
		"long":          longArticle(t, 3, 5),
		"kitchen-sink":  kitchenSink(t),
		"night-library": readCorpus(t, "night-library.txt"),
		"injection":     readCorpus(t, "edge/injection.txt"),
	}
	for name, a := range docs {
		for _, p := range []Paper{EReader} {
			var serial, parallel bytes.Buffer
			var warnS, warnP []string
			if err := write(&serial, article.Single(a), Options{Paper: p, Warn: func(s string) { warnS = append(warnS, s) }}, layoutMode{serial: true}); err != nil {
				t.Fatal(err)
			}
			if err := write(&parallel, article.Single(a), Options{Paper: p, Warn: func(s string) { warnP = append(warnP, s) }}, layoutMode{loadFonts: true}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(serial.Bytes(), parallel.Bytes()) {
				t.Errorf("%s on %s: the prefetch changes the output", name, p.Name)
			}
			if len(warnS) != len(warnP) || len(warnS) > 0 && warnS[0] != warnP[0] {
				t.Errorf("%s on %s: warnings %q, with the prefetch %q", name, p.Name, warnS, warnP)
			}
		}
	}
	// the loader's document must have been used
	for name, a := range docs {
		l, err := layoutDoc(article.Single(a), Options{}, layoutMode{loadFonts: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.draw(io.Discard, docInfoFor(article.Single(a), Options{})); err != nil {
			t.Fatal(err)
		}
		if !l.preloaded {
			t.Errorf("%s: the fonts were added again", name)
		}
	}
}

// TestPrefetchTake sets paragraphs on a prefetch goroutine and takes them
// as the layout does: their lines are those the layout sets itself.
func TestPrefetchTake(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one processor: no prefetch")
	}
	a := readCorpus(t, "edge/injection.txt") // characters no font has, links
	a.Blocks = append(append(append([]article.Block{}, a.Blocks...), a.Blocks...), longArticle(t, 1, 100).Blocks...)
	want, err := layoutDoc(article.Single(a), Options{}, layoutMode{serial: true})
	if err != nil {
		t.Fatal(err)
	}
	l, err := layoutDoc(article.Single(a), Options{}, layoutMode{serial: true})
	if err != nil {
		t.Fatal(err)
	}
	fr := l.bodyFrame()
	pf := l.startPrefetch(a.Blocks, fr)
	if pf == nil {
		t.Fatal("no prefetch")
	}
	defer pf.stop()
	taken := 0
	for i, b := range a.Blocks {
		p, ok := b.(*article.Paragraph)
		if !ok || pf.jobs[i] == nil {
			continue
		}
		// let the prefetch goroutine set it first
		for !pf.jobs[i].claim.Load() {
			runtime.Gosched()
		}
		<-pf.jobs[i].done
		indent := paraIndent(a.Blocks, i, fr)
		lines, ok := pf.take(l, i, fr, indent)
		if !ok {
			t.Fatalf("block %d: not taken", i)
		}
		taken++
		ref := want.breakParagraph(p.Inlines, fr, indent, linebreak.Justify)
		if len(lines) != len(ref) {
			t.Fatalf("block %d: %d lines, set in order %d", i, len(lines), len(ref))
		}
		for k := range lines {
			got, exp := lines[k].Segments, ref[k].Segments
			if len(got) != len(exp) {
				t.Fatalf("block %d line %d: %d segments, want %d", i, k, len(got), len(exp))
			}
			for s := range got {
				if got[s].Text != exp[s].Text || got[s].X != exp[s].X || l.styles[got[s].Style] != want.styles[exp[s].Style] {
					t.Errorf("block %d line %d: segment %+v, want %+v", i, k, got[s], exp[s])
				}
			}
		}
	}
	if taken < prefetchMin {
		t.Errorf("%d paragraphs taken", taken)
	}
	if len(l.missingRunes) != len(want.missingRunes) {
		t.Errorf("missing characters %q, set in order %q", l.missingRunes, want.missingRunes)
	}
}
