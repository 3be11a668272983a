package pdf

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/linebreak"
)

// Right-to-left text. A paragraph is broken into lines on its logical
// text, as any other; then each line is reordered for display by the
// Unicode bidirectional algorithm applied to its segments (each a word,
// or a piece of one in one style): a segment's level comes from its
// strong characters (Arabic and Hebrew letters are right to left, Latin
// letters left to right, digits keep their order), a segment of neutrals
// (punctuation) takes the direction around it, and the runs of each level
// are reversed from the highest down (rule L2) by mirroring their
// positions. In a right-to-left paragraph the whole line is mirrored, so
// the first-line indent, ragged lines and the last line of a justified
// paragraph sit at the right. Shaped faces draw their glyphs in visual
// order themselves; a right-to-left segment in another face (a run of
// punctuation) is reversed and its brackets mirrored.

// rtlLanguages are the languages written from right to left.
var rtlLanguages = []string{"ar", "fa", "he", "iw", "ur", "yi", "ji", "ps", "ckb", "dv", "sd", "ug", "syr", "arc"}

// isRTL reports whether an article's text runs from right to left: as its
// source says (Meta.Direction), else as its language is written.
func isRTL(m *article.Meta) bool {
	switch strings.ToLower(strings.TrimSpace(m.Direction)) {
	case "rtl":
		return true
	case "ltr":
		return false
	}
	return rtlLanguage(m.Language)
}

// rtlLanguage reports whether lang is written from right to left.
func rtlLanguage(lang string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(lang)), "-")
	primary, _, _ = strings.Cut(primary, "_")
	for _, l := range rtlLanguages {
		if primary == l {
			return true
		}
	}
	return false
}

// lay breaks runs into lines (linebreak.Lay) and orders each line for
// display in the layout's direction.
func (l *layout) lay(runs []linebreak.Run, opt linebreak.Options) []linebreak.Line {
	lines := linebreak.Lay(runs, l, opt)
	l.justifyCJK(lines, opt) // cjkjustify.go
	if !l.rtl && !l.runsHaveRTL(runs) {
		return lines
	}
	for i := range lines {
		l.reorder(lines[i].Segments, opt.Width, l.rtl)
	}
	return lines
}

// runsHaveRTL reports whether any run holds a right-to-left character.
func (l *layout) runsHaveRTL(runs []linebreak.Run) bool {
	for _, r := range runs {
		if f := l.styles[r.Style].face; f == faceArabic || f == faceHebrew {
			return true
		}
	}
	return false
}

// segClass is a segment's bidi class.
type segClass uint8

const (
	segNeutral segClass = iota
	segL
	segR
	segNum
)

// classOf classifies a segment's text by its first strong character;
// digits without one make a number.
func classOf(s string) segClass {
	num := false
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return segL
		case bidi.R, bidi.AL:
			return segR
		case bidi.EN, bidi.AN:
			num = true
		}
	}
	if num {
		return segNum
	}
	return segNeutral
}

// reorder places the segments of a line of width w in visual order: their
// X are changed, their order in the slice kept.
func (l *layout) reorder(segs []linebreak.Segment, w float64, rtl bool) {
	n := len(segs)
	if n == 0 {
		return
	}
	base := 0
	if rtl {
		base = 1
	}
	cls := make([]segClass, n)
	for i := range segs {
		cls[i] = classOf(segs[i].Text)
	}
	levels := make([]int, n)
	// Strong segments and numbers (W7: a number after a left-to-right
	// letter, or at the start of a left-to-right line, is left to right).
	prevStrong := segL
	if rtl {
		prevStrong = segR
	}
	for i, c := range cls {
		switch c {
		case segL:
			levels[i] = base + base%2 // 0, or 2 in a right-to-left line
			prevStrong = segL
		case segR:
			levels[i] = 1
			prevStrong = segR
		case segNum:
			if prevStrong == segL {
				levels[i] = base + base%2
			} else {
				levels[i] = 2
			}
		}
	}
	// Neutrals (N1, N2): between segments of one direction, that
	// direction (numbers count as right to left); else the base.
	dirAt := func(i int) int { // 0 ltr, 1 rtl, -1 none
		switch cls[i] {
		case segL:
			return 0
		case segR:
			return 1
		case segNum:
			if levels[i]%2 == 0 && levels[i] == base+base%2 && !rtl {
				return 0
			}
			return 1
		}
		return -1
	}
	for i := 0; i < n; {
		if cls[i] != segNeutral {
			i++
			continue
		}
		j := i
		for j < n && cls[j] == segNeutral {
			j++
		}
		before, after := base, base
		if i > 0 {
			before = dirAt(i - 1)
		}
		if j < n {
			after = dirAt(j)
		}
		lv := base
		if before == after {
			if before == 1 {
				lv = 1
			} else if rtl {
				lv = 2
			} else {
				lv = 0
			}
		}
		for k := i; k < j; k++ {
			levels[k] = lv
		}
		i = j
	}
	maxLevel, minOdd := 0, 3
	for _, lv := range levels {
		maxLevel = max(maxLevel, lv)
		if lv%2 == 1 {
			minOdd = min(minOdd, lv)
		}
	}
	if rtl {
		minOdd = 1
	}
	// L2: reverse each run of levels ≥ k, from the highest k down.
	for k := maxLevel; k >= minOdd && k >= 1; k-- {
		for i := 0; i < n; {
			if levels[i] < k {
				i++
				continue
			}
			j := i
			for j < n && levels[j] >= k {
				j++
			}
			if rtl && k == 1 && i == 0 && j == n {
				mirror(segs, 0, w) // the whole line, within the measure
			} else {
				lo, hi := segs[i].X, segs[i].X+segs[i].Width
				for _, s := range segs[i:j] {
					lo, hi = min(lo, s.X), max(hi, s.X+s.Width)
				}
				mirror(segs[i:j], lo, hi)
			}
			i = j
		}
	}
	// Right-to-left segments not drawn by a shaper read backwards.
	for i := range segs {
		if levels[i]%2 == 1 && shapedFont(l.styles[segs[i].Style].face) == nil {
			orig := segs[i].Text
			segs[i].Text = reverseMirrored(orig)
			if segs[i].Text != orig && utf8.RuneCountInString(orig) == 1 {
				// a mirrored bracket: copied as the character it is
				st := l.styles[segs[i].Style]
				st.actual = orig
				segs[i].Style = l.style(st)
			}
		}
	}
}

// mirror reflects the segments' positions within [lo, hi].
func mirror(segs []linebreak.Segment, lo, hi float64) {
	for i := range segs {
		segs[i].X = lo + hi - segs[i].X - segs[i].Width
	}
}

// reverseMirrored reverses s and mirrors its brackets, as it reads in a
// right-to-left line.
func reverseMirrored(s string) string {
	rs := []rune(s)
	if len(rs) < 2 && !strings.ContainsAny(s, "()[]{}<>«»‹›") {
		return s
	}
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	for i, r := range rs {
		if m, ok := mirrorPairs[r]; ok {
			rs[i] = m
		}
	}
	return string(rs)
}

// mirrorPairs are the mirrored forms of the common paired punctuation.
var mirrorPairs = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹',
}

// placeLine sets runs on one line without breaking it (placeRuns), in
// visual order for a line whose base direction is rtl.
func (l *layout) placeLine(runs []linebreak.Run, rtl bool) []linebreak.Segment {
	segs := l.placeRuns(runs)
	if rtl || l.runsHaveRTL(runs) {
		w := 0.0
		for _, s := range segs {
			w = max(w, s.X+s.Width)
		}
		l.reorder(segs, w, rtl)
	}
	return segs
}

// articleRTL reports whether article a runs from right to left: as its
// metadata says (isRTL), or, when it states neither a language nor a
// direction, when most of the strong characters of its body are
// right-to-left letters (as the bidi algorithm's rule P2 finds a
// paragraph's direction, applied to the whole text).
func articleRTL(a *article.Article) bool {
	m := &a.Meta
	if strings.TrimSpace(m.Language) != "" || strings.TrimSpace(m.Direction) != "" {
		return isRTL(m)
	}
	var l, r int
	const enough = 4000 // strong characters looked at
	article.WalkBlocks(a.Blocks, func(b article.Block) bool {
		p, ok := b.(*article.Paragraph)
		if !ok {
			return l+r < enough
		}
		for _, c := range article.InlineText(p.Inlines) {
			prop, _ := bidi.LookupRune(c)
			switch prop.Class() {
			case bidi.L:
				l++
			case bidi.R, bidi.AL:
				r++
			}
		}
		return l+r < enough
	})
	return r > l
}
