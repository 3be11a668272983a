package linebreak

import "strings"

// Run is a piece of a paragraph's text in one style. Style is opaque to
// linebreak (the PDF renderer uses it to pick a font, size, colour and link);
// it is only passed back to the Measurer and copied into the output.
//
// Runs follow each other without any separator: a word may span several runs
// ("**bold**," is the run "bold" in a bold style followed by a run starting
// with ","), and it stays one unbreakable word.
type Run struct {
	Text  string
	Style int
	// Break marks a hard line break after this run (article.LineBreak).
	// Text may be empty. A hard break at the very end of a paragraph is
	// ignored; "\n" inside Text is an ordinary word space.
	Break bool
	// NoHyphenate forbids hyphenation inside this run (code, URLs). URL-like
	// words are still broken after '/', '.' and the like when they must be.
	NoHyphenate bool
}

// Measurer measures text: Width returns the advance width in points of s set
// in style. Widths are taken to be additive: the width of a string is the sum
// of the widths of its pieces (no kerning across the places where a word may
// break). Lay calls Width for every box and space, without caching: Width
// should be cheap.
type Measurer interface {
	Width(style int, s string) float64
}

// MeasurerFunc adapts a function to the Measurer interface.
type MeasurerFunc func(style int, s string) float64

// Width returns f(style, s).
func (f MeasurerFunc) Width(style int, s string) float64 { return f(style, s) }

// Align is the alignment of a paragraph's lines.
type Align int

// The alignments. Justify, the zero value, is for running text; Left sets
// lines ragged right; Center and Right balance the lengths of all lines,
// which suits headings, captions and title pages.
const (
	Justify Align = iota
	Left
	Center
	Right
)

// Segment is a piece of text placed on a line: draw Text in Style with its
// left edge at X points from the left edge of the measure (X includes the
// indent, the justified word spacing and the offset of centred or
// right-aligned lines). Spaces are never drawn: a segment holds a word or the
// part of a word in one style.
type Segment struct {
	Text  string
	Style int
	X     float64
	Width float64
	// Space is the input's whitespace between the previous segment of the
	// line and this one: "" when this segment continues the same word (a
	// style change inside a word) or starts the line, " " for a word space,
	// or the no-break space character (U+00A0, U+202F, U+2007) it replaces.
	// It is not drawn: X already includes the gap.
	Space string
}

// Break tells what ended a line.
type Break uint8

// The kinds of line ends.
const (
	// BreakSpace: at a word space, which is dropped (Line.Space holds it).
	BreakSpace Break = iota
	// BreakHyphen: inside a word at a hyphenation point or soft hyphen; a
	// hyphen was appended to the last segment (Line.Hyphen).
	BreakHyphen
	// BreakAfter: after a hyphen, dash or URL separator that is in the
	// text, or at a zero-width space; nothing is added or dropped.
	BreakAfter
	// BreakEmergency: between two characters of a word too wide for the
	// line; nothing is added or dropped.
	BreakEmergency
	// BreakHard: at a hard line break (Run.Break). The line is set ragged.
	BreakHard
	// BreakEnd: the end of the paragraph (Line.Last).
	BreakEnd
)

var breakNames = [...]string{"space", "hyphen", "after", "emergency", "hard", "end"}

// String returns the name of the break kind.
func (b Break) String() string {
	if int(b) < len(breakNames) {
		return breakNames[b]
	}
	return "break(?)"
}

// Line is one output line.
type Line struct {
	Segments []Segment
	// Width is the width of the set line, from the left edge of its first
	// segment to the right edge of its last: for a justified line, the
	// available width (Options.Width minus the indent).
	Width float64
	// Ratio is the adjustment ratio the word spaces were set with: >0
	// stretched (1 is the full stretch), <0 shrunk (-1 is the full shrink),
	// 0 natural. Ragged and last lines are 0 unless they had to shrink.
	Ratio float64
	// Hyphen: the line ends with an inserted hyphen (End == BreakHyphen).
	Hyphen bool
	// Last: the last line of the paragraph (set ragged, not justified).
	Last bool
	// End tells what ended the line.
	End Break
	// Space is the whitespace the line break replaced when End is
	// BreakSpace: " ", or a no-break space broken in an emergency.
	Space string
}

// Text returns the text the lines were set from, for tests and text
// extraction: segments are joined with their Space, lines with the space
// their break replaced, inserted hyphens are removed and hard breaks become
// "\n". It equals the input's text with every stretch of whitespace reduced
// to one space (or to its first no-break space), leading and trailing
// whitespace trimmed, soft hyphens (U+00AD) and zero-width spaces (U+200B)
// removed, and invalid UTF-8 replaced by U+FFFD.
func Text(lines []Line) string {
	var b strings.Builder
	for _, ln := range lines {
		for i, s := range ln.Segments {
			b.WriteString(s.Space)
			t := s.Text
			if ln.Hyphen && i == len(ln.Segments)-1 {
				t = strings.TrimSuffix(t, "-")
			}
			b.WriteString(t)
		}
		switch ln.End {
		case BreakSpace:
			b.WriteString(ln.Space)
		case BreakHard:
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// Lay sets a paragraph. It never returns a line wider than its available
// width unless a single character is wider than that: words wider than a
// line are broken between characters, URLs after '/', '.', '-', '?', '&',
// '=', '_' preferably. Lay returns nil for a paragraph without text.
// Invalid UTF-8 in a run is set as U+FFFD, one for each run of bad bytes.
func Lay(runs []Run, m Measurer, opt Options) []Line {
	ly := newLayout(runs, m, opt)
	if !ly.tokenize() {
		return nil
	}
	return ly.set(ly.breakLines())
}
