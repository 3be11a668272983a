package linebreak

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// unitMeasurer is a simple additive measurer: a space is 2.5 wide, a
// hyphen 3, a combining mark 0 and every other character 5, times
// 1 + 0.2·style.
type unitMeasurer struct{ calls int }

func (m *unitMeasurer) Width(style int, s string) float64 {
	m.calls++
	var w float64
	for _, r := range s {
		switch {
		case r == ' ' || r == nbsp:
			w += 2.5
		case r == '-':
			w += 3
		case isMark(r):
		default:
			w += 5
		}
	}
	return w * (1 + 0.2*float64(style%4))
}

// everyOther hyphenates a word after every second letter, keeping two
// letters at either end: a stand-in for real patterns.
func everyOther(word string) []int {
	var pts []int
	n := utf8.RuneCountInString(word)
	i := 0
	for off := range word {
		if i >= 2 && i <= n-2 && i%2 == 0 {
			pts = append(pts, off)
		}
		i++
	}
	return pts
}

// lineText returns the text of a line as drawn: segments joined by their
// spaces.
func lineText(ln Line) string {
	var b strings.Builder
	for _, s := range ln.Segments {
		b.WriteString(s.Space)
		b.WriteString(s.Text)
	}
	return b.String()
}

// checkLines checks the invariants of any result: no line wider than its
// measure, segments in order and not overlapping, segment widths as
// measured, justified lines as wide as the measure, the text kept.
func checkLines(t *testing.T, runs []Run, m Measurer, opt Options, lines []Line) {
	t.Helper()
	if got, want := Text(lines), normalize(runs); got != want {
		t.Fatalf("text changed:\n got %q\nwant %q", got, want)
	}
	for i, ln := range lines {
		left, avail := opt.Hang, opt.Width-opt.Hang
		if i == 0 {
			left, avail = opt.Indent, opt.Width-opt.Indent
		}
		if ln.Last != (i == len(lines)-1) {
			t.Errorf("line %d: Last = %v", i, ln.Last)
		}
		if ln.Hyphen != (ln.End == BreakHyphen) {
			t.Errorf("line %d: Hyphen = %v, End = %v", i, ln.Hyphen, ln.End)
		}
		x := math.Inf(-1)
		for j, s := range ln.Segments {
			if s.X < x-1e-9 {
				t.Errorf("line %d segment %d (%q) at %g overlaps the one before, ending at %g", i, j, s.Text, s.X, x)
			}
			if s.X < left-1e-9 {
				t.Errorf("line %d segment %d (%q) at %g left of the indent %g", i, j, s.Text, s.X, left)
			}
			if w := m.Width(s.Style, s.Text); math.Abs(w-s.Width) > 1e-6*math.Max(1, w) {
				t.Errorf("line %d segment %q: Width %g, measures %g", i, s.Text, s.Width, w)
			}
			if j == 0 && s.Space != "" {
				t.Errorf("line %d starts with space %q", i, s.Space)
			}
			x = s.X + s.Width
		}
		if n := len(ln.Segments); n > 0 {
			right := x - left
			if right > avail+1e-6*math.Max(1, avail) && !singleCluster(ln) {
				t.Errorf("line %d %q is %g wide, measure %g", i, lineText(ln), right, avail)
			}
			if w := x - ln.Segments[0].X; math.Abs(w-ln.Width) > 1e-6*math.Max(1, w) {
				t.Errorf("line %d: Width %g, segments span %g", i, ln.Width, w)
			}
			if opt.Align == Justify && !ln.Last && ln.End != BreakHard && ln.Ratio > 0 && math.Abs(right-avail) > 1e-6*math.Max(1, avail) {
				t.Errorf("line %d %q: justified with ratio %g but %g wide, measure %g", i, lineText(ln), ln.Ratio, right, avail)
			}
		}
	}
}

// singleCluster reports whether a line holds a single character (and maybe
// a hyphen): the only line that may be wider than the measure.
func singleCluster(ln Line) bool {
	s := lineText(ln)
	if ln.Hyphen {
		s = strings.TrimSuffix(s, "-")
	}
	var prev rune
	n, ri := 0, 0
	for i, r := range s {
		if i == 0 || boundary(prev, r, ri) {
			n++
		}
		if isRegional(r) {
			ri++
		} else {
			ri = 0
		}
		prev = r
	}
	return n <= 1
}

// normalize returns the text Lay must give back for runs: whitespace
// collapsed to one space or its first no-break space, trimmed around hard
// breaks, soft hyphens and zero-width spaces removed, a final hard break
// dropped, invalid UTF-8 replaced run by run. It is written independently
// of the tokenizer.
func normalize(runs []Run) string {
	var lines []string
	var cur strings.Builder
	for _, r := range runs {
		cur.WriteString(strings.ToValidUTF8(r.Text, "\uFFFD"))
		if r.Break {
			lines = append(lines, cur.String())
			cur.Reset()
		}
	}
	lines = append(lines, cur.String())
	for i, l := range lines {
		l = strings.NewReplacer("\u00ad", "", "\u200b", "").Replace(l)
		var b strings.Builder
		space := ""
		for j := 0; j < len(l); {
			r, size := utf8.DecodeRuneInString(l[j:])
			if isWhite(r) {
				if space == "" || space == " " && r != ' ' && isNoBreakSpace(r) {
					space = " "
					if isNoBreakSpace(r) {
						space = l[j : j+size]
					}
				}
			} else {
				if space != "" && b.Len() > 0 {
					b.WriteString(space)
				}
				space = ""
				b.WriteString(l[j : j+size])
			}
			j += size
		}
		lines[i] = b.String()
	}
	s := strings.Join(lines, "\n")
	if len(lines) > 1 {
		s = strings.TrimSuffix(s, "\n")
	}
	return s
}

func isNoBreakSpace(r rune) bool { return r == nbsp || r == narrowNBSP || r == figureSP }

func isWhite(r rune) bool {
	return isNoBreakSpace(r) || strings.ContainsRune("\t\n\v\f\r \u0085", r) || r > 0x85 && charClass(r) == tokSpace
}

func TestEmpty(t *testing.T) {
	m := &unitMeasurer{}
	for _, runs := range [][]Run{
		nil,
		{},
		{{Text: ""}},
		{{Text: " \t\n "}, {Text: "\u00a0", Style: 1}},
		{{Break: true}},
		{{Text: "\u00ad\u200b"}},
	} {
		if lines := Lay(runs, m, Options{Width: 100}); lines != nil {
			t.Errorf("Lay(%+v) = %v, want nil", runs, lines)
		}
	}
}

func TestSingleWord(t *testing.T) {
	m := &unitMeasurer{}
	for _, align := range []Align{Justify, Left, Center, Right} {
		lines := Lay([]Run{{Text: "  Hello  "}}, m, Options{Width: 100, Indent: 10, Align: align})
		if len(lines) != 1 {
			t.Fatalf("align %d: %d lines", align, len(lines))
		}
		ln := lines[0]
		want := Line{Segments: []Segment{{Text: "Hello", X: 10, Width: 25}}, Width: 25, Last: true, End: BreakEnd}
		switch align {
		case Center:
			want.Segments[0].X = 10 + (90-25)/2.0
		case Right:
			want.Segments[0].X = 100 - 25
		}
		if !reflect.DeepEqual(ln, want) {
			t.Errorf("align %d:\n got %+v\nwant %+v", align, ln, want)
		}
	}
}

func TestHardBreaks(t *testing.T) {
	m := &unitMeasurer{}
	tests := []struct {
		runs []Run
		want []string // line texts; "" for an empty line
		ends []Break
	}{
		{[]Run{{Text: "one two", Break: true}, {Text: "three"}}, []string{"one two", "three"}, []Break{BreakHard, BreakEnd}},
		{[]Run{{Text: "one ", Break: true}, {Text: " two", Break: true}}, []string{"one", "two"}, []Break{BreakHard, BreakEnd}},
		{[]Run{{Text: "one", Break: true}, {Break: true}, {Text: "two"}}, []string{"one", "", "two"}, []Break{BreakHard, BreakHard, BreakEnd}},
		{[]Run{{Break: true}, {Text: "two"}}, []string{"", "two"}, []Break{BreakHard, BreakEnd}},
		{[]Run{{Text: "one", Break: true}, {Break: true}}, []string{"one", ""}, []Break{BreakHard, BreakEnd}},
	}
	for _, tc := range tests {
		opt := Options{Width: 200}
		lines := Lay(tc.runs, m, opt)
		checkLines(t, tc.runs, m, opt, lines)
		var got []string
		var ends []Break
		for _, ln := range lines {
			got = append(got, lineText(ln))
			ends = append(ends, ln.End)
			if ln.Ratio != 0 {
				t.Errorf("%+v: line %q before a hard break is justified (ratio %g)", tc.runs, lineText(ln), ln.Ratio)
			}
		}
		if !reflect.DeepEqual(got, tc.want) || !reflect.DeepEqual(ends, tc.ends) {
			t.Errorf("%+v: lines %q ends %v, want %q %v", tc.runs, got, ends, tc.want, tc.ends)
		}
	}
	// A line ending in a hard break is ragged even in a long paragraph.
	runs := []Run{{Text: strings.Repeat("word ", 30), Break: true}, {Text: strings.Repeat("more ", 30)}}
	lines := Lay(runs, m, Options{Width: 100})
	checkLines(t, runs, m, Options{Width: 100}, lines)
	hard := 0
	for _, ln := range lines {
		if ln.End == BreakHard {
			hard++
		}
	}
	if hard != 1 {
		t.Errorf("%d hard breaks, want 1", hard)
	}
}

// TestNoBreakSpaces: no line breaks at a no-break space, which is kept as a
// segment's Space; U+00A0 stretches like a space, U+202F does not.
func TestNoBreakSpaces(t *testing.T) {
	m := &unitMeasurer{}
	text := strings.Repeat("aa bbb 10\u00a0km c\u202fd ", 20)
	for w := 30.0; w <= 200; w += 7 {
		opt := Options{Width: w}
		runs := []Run{{Text: text}}
		lines := Lay(runs, m, opt)
		checkLines(t, runs, m, opt, lines)
		for _, ln := range lines {
			if s := ln.Segments; len(s) > 0 && (s[len(s)-1].Text == "10" || s[len(s)-1].Text == "c") {
				t.Fatalf("width %g: line %q breaks at a no-break space", w, lineText(ln))
			}
			for j, s := range ln.Segments {
				if s.Text == "d" {
					prev := ln.Segments[j-1]
					if gap := s.X - prev.X - prev.Width; math.Abs(gap-1.5) > 1e-9 || s.Space != "\u202f" {
						t.Fatalf("width %g: narrow space %q is %g wide", w, s.Space, gap)
					}
				}
				if s.Text == "km" && s.Space != "\u00a0" {
					t.Fatalf("width %g: Space before km = %q", w, s.Space)
				}
			}
		}
	}
}

// TestStyleChangeInWord: a word made of runs in several styles never
// breaks, and its pieces touch.
func TestStyleChangeInWord(t *testing.T) {
	m := &unitMeasurer{}
	var runs []Run
	for i := 0; i < 30; i++ {
		runs = append(runs, Run{Text: "see the "}, Run{Text: "bold", Style: 2}, Run{Text: ", and "}, Run{Text: "ita", Style: 1}, Run{Text: "lic", Style: 3}, Run{Text: "! "})
	}
	for w := 40.0; w <= 300; w += 11 {
		opt := Options{Width: w, Hyphenate: everyOther}
		lines := Lay(runs, m, opt)
		checkLines(t, runs, m, opt, lines)
		for _, ln := range lines {
			segs := ln.Segments
			if len(segs) > 0 && segs[0].Text == "," || segs[0].Text == "!" || segs[0].Text == "lic" {
				t.Fatalf("width %g: line %q starts inside a word", w, lineText(ln))
			}
			for j := 1; j < len(segs); j++ {
				if segs[j].Space == "" {
					if d := segs[j].X - segs[j-1].X - segs[j-1].Width; math.Abs(d) > 1e-9 {
						t.Fatalf("width %g: %q and %q are one word but %g apart", w, segs[j-1].Text, segs[j].Text, d)
					}
					if segs[j].Style == segs[j-1].Style {
						t.Fatalf("width %g: segments %q and %q of one word and style are not merged", w, segs[j-1].Text, segs[j].Text)
					}
				}
			}
		}
	}
}

// TestHyphenationAcrossRuns: a word in two styles is hyphenated as one
// word, the hyphen set in the style of the letter before it.
func TestHyphenationAcrossRuns(t *testing.T) {
	m := &unitMeasurer{}
	var asked []string
	hy := func(w string) []int { asked = append(asked, w); return []int{4} }
	runs := []Run{{Text: "aaaa "}, {Text: "Typo", Style: 1}, {Text: "graphy"}}
	opt := Options{Width: 51, Hyphenate: hy}
	lines := Lay(runs, m, opt)
	checkLines(t, runs, m, opt, lines)
	if !reflect.DeepEqual(asked, []string{"Typography"}) {
		t.Errorf("asked to hyphenate %q", asked)
	}
	if len(lines) != 2 || !lines[0].Hyphen {
		t.Fatalf("lines %q, want the word hyphenated", lineTexts(lines))
	}
	last := lines[0].Segments[len(lines[0].Segments)-1]
	if last.Text != "Typo-" || last.Style != 1 || last.Width != 1.2*(4*5+3) {
		t.Errorf("hyphenated segment %+v", last)
	}
	if s := lines[1].Segments[0]; s.Text != "graphy" || s.Style != 0 {
		t.Errorf("second line starts with %+v", s)
	}
}

func TestExplicitHyphensAndDashes(t *testing.T) {
	m := &unitMeasurer{}
	tests := []struct {
		text  string
		width float64
		first string // the first line's text
		end   Break
	}{
		{"aaaaaaa well-known", 61, "aaaaaaa well-", BreakAfter},
		{"aaaaaaa Euro-Atlantic", 61, "aaaaaaa Euro-", BreakAfter},
		{"aaaaaaa word—word", 63, "aaaaaaa word—", BreakAfter},
		{"aaaaaaa x-ray", 58, "aaaaaaa", BreakSpace},     // one letter before the hyphen: no break
		{"aaaaaaaa bb — cc", 57, "aaaaaaaa", BreakSpace}, // the dash stays with "bb"
	}
	for _, tc := range tests {
		runs := []Run{{Text: tc.text}}
		opt := Options{Width: tc.width}
		lines := Lay(runs, m, opt)
		checkLines(t, runs, m, opt, lines)
		if len(lines) < 2 || lineText(lines[0]) != tc.first || lines[0].End != tc.end || lines[0].Hyphen {
			t.Errorf("%q at %g: first line %q ends %v, want %q %v", tc.text, tc.width, lineText(lines[0]), lines[0].End, tc.first, tc.end)
		}
	}
	// A lone dash never starts a line.
	text := strings.Repeat("one two — three - four – five ", 20)
	for w := 40.0; w < 200; w += 3 {
		runs := []Run{{Text: text}}
		opt := Options{Width: w}
		lines := Lay(runs, m, opt)
		checkLines(t, runs, m, opt, lines)
		for _, ln := range lines {
			if s := ln.Segments[0].Text; isDash(s) {
				t.Fatalf("width %g: line %q starts with a dash", w, lineText(ln))
			}
		}
	}
}

// TestHyphenateWhat: only words of letters long enough, not acronyms,
// words with digits, URLs or NoHyphenate runs, are hyphenated.
func TestHyphenateWhat(t *testing.T) {
	var asked []string
	hy := func(w string) []int { asked = append(asked, w); return everyOther(w) }
	runs := []Run{
		{Text: "word words Wordsmith NATO UNESCO iPhone mp3player Russia's «quoted» well-known hyphenation hyphenation "},
		{Text: "https://example.org/hyphenation "},
		{Text: "codeword", NoHyphenate: true},
		{Text: " caf\u00e9s cafe\u0301s"},
	}
	m := &unitMeasurer{}
	Lay(runs, m, Options{Width: 30, Hyphenate: hy})
	want := []string{"words", "Wordsmith", "Russia", "quoted", "known", "hyphenation", "cafés", "cafe\u0301s"}
	if !reflect.DeepEqual(asked, want) {
		t.Errorf("hyphenated %q, want %q", asked, want)
	}
}

func TestAlignments(t *testing.T) {
	m := &unitMeasurer{}
	text := "Outcomes of the CSTO Summit in Bishkek Through the Lens of the Looming Great War"
	for _, align := range []Align{Left, Center, Right} {
		for w := 120.0; w <= 400; w += 20 {
			runs := []Run{{Text: text}}
			opt := Options{Width: w, Align: align}
			lines := Lay(runs, m, opt)
			checkLines(t, runs, m, opt, lines)
			for i, ln := range lines {
				if ln.Ratio != 0 {
					t.Errorf("align %d width %g: line %d has ratio %g", align, w, i, ln.Ratio)
				}
				for j := 1; j < len(ln.Segments); j++ {
					a, b := ln.Segments[j-1], ln.Segments[j]
					if gap := b.X - a.X - a.Width; math.Abs(gap-2.5) > 1e-9 {
						t.Errorf("align %d width %g: space %g, want the natural 2.5", align, w, gap)
					}
				}
				left := ln.Segments[0].X
				right := w - left - ln.Width
				switch align {
				case Left:
					if left != 0 {
						t.Errorf("Left: line starts at %g", left)
					}
				case Center:
					if math.Abs(left-right) > 1e-9 {
						t.Errorf("Center: margins %g and %g", left, right)
					}
				case Right:
					if math.Abs(right) > 1e-9 {
						t.Errorf("Right: line ends %g before the margin", right)
					}
				}
			}
			if align == Center && len(lines) > 1 {
				// Balanced: no line much shorter than the others.
				minW, maxW := math.Inf(1), 0.0
				for _, ln := range lines {
					minW, maxW = math.Min(minW, ln.Width), math.Max(maxW, ln.Width)
				}
				if minW < 0.6*maxW {
					t.Errorf("Center width %g: unbalanced lines %q", w, lineTexts(lines))
				}
			}
		}
	}
}

func lineTexts(lines []Line) []string {
	var s []string
	for _, ln := range lines {
		s = append(s, lineText(ln))
	}
	return s
}

func TestIndents(t *testing.T) {
	m := &unitMeasurer{}
	runs := []Run{{Text: strings.Repeat("lorem ipsum dolor sit amet consectetur ", 10)}}
	for _, opt := range []Options{
		{Width: 200, Indent: 15},
		{Width: 200, Indent: -10, Hang: 20},
		{Width: 200, Hang: 30, Align: Left},
		{Width: 200, Indent: 30, Hang: 10, Align: Right},
	} {
		lines := Lay(runs, m, opt)
		checkLines(t, runs, m, opt, lines)
		for i, ln := range lines {
			left, avail := opt.Hang, opt.Width-opt.Hang
			if i == 0 {
				left, avail = opt.Indent, opt.Width-opt.Indent
			}
			x := ln.Segments[0].X
			switch opt.Align {
			case Justify, Left:
				if x != left {
					t.Errorf("%+v: line %d starts at %g, want %g", opt, i, x, left)
				}
			case Right:
				if end := x + ln.Width; math.Abs(end-opt.Width) > 1e-9 {
					t.Errorf("%+v: line %d ends at %g", opt, i, end)
				}
			}
			if opt.Align == Justify && !ln.Last && math.Abs(ln.Width-avail) > 1e-9 {
				t.Errorf("%+v: justified line %d is %g wide, want %g", opt, i, ln.Width, avail)
			}
		}
	}
}

// TestLongWord: a word of 20,000 letters is broken between letters; no
// line is wider than the measure and every letter stays, in order.
func TestLongWord(t *testing.T) {
	m := &unitMeasurer{}
	runs := []Run{{Text: "Here comes a single word of twenty thousand letters: " + strings.Repeat("x", 20000) + " and the end."}}
	for _, opt := range []Options{{Width: 300}, {Width: 300, Align: Center}, {Width: 97.5, Indent: 20}} {
		lines := Lay(runs, m, opt)
		checkLines(t, runs, m, opt, lines)
		emergency := 0
		for _, ln := range lines {
			if ln.End == BreakEmergency {
				emergency++
				if opt.Align == Center {
					continue // balanced, not filled
				}
				// The line is full: the next letter would not fit.
				if ln.Width+5 <= opt.Width-opt.Hang {
					t.Errorf("%+v: emergency line %q is only %g wide", opt, lineText(ln), ln.Width)
				}
			}
		}
		if want := 20000 * 5 / int(opt.Width); emergency < want-2 {
			t.Errorf("%+v: %d emergency breaks, want about %d", opt, emergency, want)
		}
	}
}

// TestLongURL: a URL wider than the line breaks after its separators.
func TestLongURL(t *testing.T) {
	m := &unitMeasurer{}
	url := "https://example.org/a/very/long/url/that/has/no/spaces/and/keeps/going/and/going/for/a/while/until/it/is/wider/than/any/page/could/ever/be/index.html?query=with&many=parameters&and_more=values#fragment-" + strings.Repeat("z", 40)
	runs := []Run{{Text: "See " + url + " for details."}}
	for _, w := range []float64{150, 200, 300} {
		opt := Options{Width: w}
		lines := Lay(runs, m, opt)
		checkLines(t, runs, m, opt, lines)
		after, total := 0, 0
		for _, ln := range lines {
			if ln.End == BreakAfter || ln.End == BreakEmergency {
				total++
				s := ln.Segments[len(ln.Segments)-1].Text
				if isURLSeparator(rune(s[len(s)-1])) {
					after++
				}
			}
		}
		if total == 0 || after < total-1 {
			t.Errorf("width %g: %d of %d breaks in the URL after a separator: %q", w, after, total, lineTexts(lines))
		}
	}
}

// TestLongParagraph sets 40,000 words and checks that the active list stays
// small.
func TestLongParagraph(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	m := newFontMeasurer(t, 10.5)
	runs := []Run{{Text: longParagraph(40000)}}
	opt := Options{Width: 425, Hyphenate: hyphenator(t, "en")}
	ly := newLayout(runs, m, opt)
	ly.tokenize()
	ly.breakLines()
	if ly.maxActive > 100 {
		t.Errorf("active list grew to %d nodes", ly.maxActive)
	}
	lines := Lay(runs, m, opt)
	checkLines(t, runs, m, opt, lines)
	t.Logf("%d lines, at most %d active nodes, %d nodes", len(lines), ly.maxActive, ly.maxNodes)
}

// longParagraph returns n words of the corpus's long paragraph.
func longParagraph(n int) string {
	words := strings.Fields("harbour light long river stone stone harbour river морской river stone long long stone морской stone long river stone морской river long river морской river light ветер long light stone ветер light stone морской harbour stone stone river морской word, the quick brown fox jumps over the lazy dog. Typesetting paragraphs whole is better.")
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[(i*7+i/len(words))%len(words)])
	}
	return b.String()
}

// TestShortLastLine: the demerits for a short last line make them rarer.
func TestShortLastLine(t *testing.T) {
	m := newFontMeasurer(t, 10.5)
	count := func(demerits float64) (short int) {
		for w := 380.0; w <= 460; w += 4 {
			for _, p := range corpusParagraphs(t, "csto-summit-bishkek.txt") {
				opt := Options{Width: w, Hyphenate: hyphenator(t, "en"), ShortLastDemerits: demerits}
				lines := Lay([]Run{{Text: p}}, m, opt)
				if last := lines[len(lines)-1]; len(lines) > 1 && last.Width < 0.12*w {
					short++
				}
			}
		}
		return short
	}
	with, without := count(0), count(-1)
	t.Logf("short last lines: %d with the demerits, %d without", with, without)
	if with >= without || with > without/2 {
		t.Errorf("short last lines: %d with the demerits, %d without", with, without)
	}
}

func TestDeterministic(t *testing.T) {
	m := newFontMeasurer(t, 10.5)
	paras := corpusParagraphs(t, "csto-summit-bishkek.txt")
	opt := Options{Width: 425, Hyphenate: hyphenator(t, "en")}
	for _, p := range paras {
		a := Lay([]Run{{Text: p}}, m, opt)
		b := Lay([]Run{{Text: p}}, m, opt)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("two results for %q", p)
		}
	}
}

// TestBadOptions: nonsense options give lines, not panics.
func TestBadOptions(t *testing.T) {
	m := &unitMeasurer{}
	runs := []Run{{Text: "some words to set, and a longerword"}}
	for _, opt := range []Options{
		{},
		{Width: -5},
		{Width: math.NaN()},
		{Width: math.Inf(1)},
		{Width: 50, Indent: 80},
		{Width: 50, Align: Align(42), Tolerance: -1, Pretolerance: -1, SloppyTolerance: -1},
		{Width: 50, SpaceShrink: 5, SpaceStretch: -1, LinePenalty: math.Inf(1)},
	} {
		lines := Lay(runs, m, opt)
		if Text(lines) != normalize(runs) {
			t.Errorf("%+v: text %q", opt, Text(lines))
		}
	}
}

// TestInvalidUTF8 lays out text with bad bytes around soft hyphens (found
// by FuzzLay: dropping the hyphen joined the bytes into a character, and
// the segment no longer measured what its pieces did).
func TestInvalidUTF8(t *testing.T) {
	m := &unitMeasurer{}
	for _, text := range []string{"\xc2\u00ad\xad", "ab\xff\u00adcd\xfe", "\xe2\x80\u200b\x8b x"} {
		for _, width := range []float64{4, 66, 400} {
			runs := []Run{{Text: text}, {Text: "\xad tail"}}
			opt := Options{Width: width, Hyphenate: everyOther}
			lines := Lay(runs, m, opt)
			checkLines(t, runs, m, opt, lines)
			if got := Text(lines); !utf8.ValidString(got) {
				t.Errorf("Lay(%q) gives invalid UTF-8 %q", text, got)
			}
		}
	}
}
