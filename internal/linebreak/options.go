package linebreak

import "math"

// Options configure Lay. Width is required; every other field's zero value
// means the default. Penalties and demerits follow TeX's \linepenalty,
// \hyphenpenalty and so on; a negative penalty or demerit means zero (off).
type Options struct {
	// Width is the measure (line width) in points.
	Width float64
	// Indent is the first line's indent in points.
	Indent float64
	// Hang is the indent of every line after the first (a hanging indent
	// for list items), in points.
	Hang float64
	// Align is the alignment: Justify (default), Left, Center or Right.
	Align Align
	// Hyphenate returns the byte offsets at which word may be hyphenated
	// (hyph.(*Hyphenator).Points); nil: no hyphenation (headings). Lay calls
	// it with runs of letters only, at least MinWordLength long, never with
	// words holding digits or capitals after the first letter. The hyphen is
	// measured in the style of the letter before the break.
	Hyphenate func(word string) []int

	// Tolerance is the largest adjustment ratio a line may have in the pass
	// that hyphenates: how far its spaces may stretch, in units of their
	// stretch (default 1.26, TeX's \tolerance=200; the badness of a line is
	// 100·ratio³). Shrinking is limited to the full shrink in every pass.
	// Lay retries with looser settings and finally emergency breaks rather
	// than failing.
	Tolerance float64
	// Pretolerance is the largest adjustment ratio of the first pass, which
	// does not hyphenate (default 1, TeX's \pretolerance=100). Negative:
	// skip that pass.
	Pretolerance float64
	// SloppyTolerance is the largest adjustment ratio of the third pass,
	// tried when the second finds no way to keep every line within
	// Tolerance (default 4.64, TeX's \tolerance=10000). Negative: no third
	// pass. Lines beyond it are set by the final pass, which breaks words
	// wider than a line and accepts any ratio.
	SloppyTolerance float64
	// EmergencyStretch is the stretch in points that the third pass adds to
	// every line when rating it (TeX's \emergencystretch; default 0). It
	// makes the pass prefer several moderately loose lines to one very loose
	// line, measured in points rather than relative to a line's spaces.
	EmergencyStretch float64

	// SpaceStretch and SpaceShrink are how far a word space may stretch and
	// shrink, as fractions of its natural width (defaults 0.5 and 0.35).
	SpaceStretch, SpaceShrink float64
	// SentenceStretch multiplies the stretch of a space after a sentence
	// end (., !, ? not after a capital), somewhat like TeX's
	// \nonfrenchspacing (default 1.5: such spaces grow a little more in loose
	// lines). Negative: 1, spaces after sentences are like all others.
	SentenceStretch float64

	// LinePenalty is added to every line's badness (default 10).
	LinePenalty float64
	// HyphenPenalty is the penalty for breaking at a hyphenation point
	// (default 50); ExHyphenPenalty after an explicit hyphen or dash
	// (default 50).
	HyphenPenalty, ExHyphenPenalty float64
	// DoubleHyphenDemerits are added for two hyphenated lines in a row
	// (default 10000); FinalHyphenDemerits when the second last line ends
	// hyphenated (default 5000); AdjDemerits when adjacent lines' spacing
	// classes (tight, decent, loose, very loose) are not neighbours
	// (default 10000).
	DoubleHyphenDemerits, FinalHyphenDemerits, AdjDemerits float64
	// HyphenLines is the most lines in a row that may end with a hyphen,
	// inserted or explicit (default 3, as Bringhurst advises; at most 4).
	// Negative: no limit, as in TeX. The final, emergency pass ignores it.
	HyphenLines int
	// ShortLastLine is the fraction of the measure below which a paragraph's
	// last line counts as short (default 0.12); ShortLastDemerits are added
	// for such a line (default 20000, less than one line at Tolerance
	// costs), so a last line of one short word is avoided when an
	// alternative within the tolerance exists. When the first pass ends a
	// paragraph with a short line, the hyphenating pass is tried too.
	ShortLastLine, ShortLastDemerits float64

	// MinWordLength is the fewest letters a word must have to be hyphenated
	// (default 5). MinLeft and MinRight are the fewest letters kept before
	// and after a hyphen, inserted or explicit (defaults 2 and 2; the
	// Hyphenate function may ask for more).
	MinWordLength, MinLeft, MinRight int

	// RaggedStretch is the room in points that ragged (Left, Center, Right)
	// lines are rated against: a line that falls short of the measure by
	// RaggedStretch has ratio 1 (default a fifth of the measure for Left, a
	// quarter for Center and Right).
	RaggedStretch float64
}

// params are the resolved options.
type params struct {
	width, indent, hang float64
	align               Align
	hyphenate           func(string) []int

	tolerance, pretolerance, sloppy float64
	emergency                       float64
	stretch, shrink, sentence       float64
	linePenalty                     float64
	hyphenPenalty, exHyphenPenalty  float64
	doubleHyphen, finalHyphen, adj  float64
	shortLast, shortLastDemerits    float64
	minWord, minLeft, minRight      int
	hyphenLines                     int // 0: no limit
	ragged                          float64
}

// def returns v, or d when v is zero, or 0 when v is negative; at most
// maxKnob.
func def(v, d float64) float64 {
	switch {
	case v == 0 || math.IsNaN(v):
		return d
	case v < 0:
		return 0
	}
	return math.Min(v, maxKnob)
}

// maxKnob bounds penalties, demerits and tolerances so that demerits stay
// finite.
const maxKnob = 1e9

func defInt(v, d int) int {
	if v <= 0 {
		return d
	}
	return v
}

// finite returns v, or 0 when v is NaN or infinite.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// maxMeasure bounds the measure so that sums stay finite.
const maxMeasure = 1e9

func resolve(o Options) params {
	p := params{
		width:     finite(o.Width),
		indent:    finite(o.Indent),
		hang:      finite(o.Hang),
		align:     o.Align,
		hyphenate: o.Hyphenate,
	}
	if math.IsInf(o.Width, 1) {
		p.width = maxMeasure
	}
	p.width = math.Min(p.width, maxMeasure)
	p.indent = math.Max(math.Min(p.indent, maxMeasure), -maxMeasure)
	p.hang = math.Max(math.Min(p.hang, maxMeasure), -maxMeasure)
	if p.align < Justify || p.align > Right {
		p.align = Justify
	}
	p.tolerance = badness(def(o.Tolerance, 1.26))
	p.pretolerance = badness(def(o.Pretolerance, 1))
	if o.Pretolerance < 0 {
		p.pretolerance = -1
	}
	p.sloppy = badness(def(o.SloppyTolerance, 4.64))
	if o.SloppyTolerance < 0 {
		p.sloppy = 0
	}
	p.emergency = math.Min(def(finite(o.EmergencyStretch), 0), maxMeasure)
	p.stretch = def(o.SpaceStretch, 0.5)
	p.shrink = math.Min(def(o.SpaceShrink, 0.35), 1)
	p.sentence = def(o.SentenceStretch, 1.5)
	if o.SentenceStretch < 0 {
		p.sentence = 1
	}
	p.linePenalty = def(o.LinePenalty, 10)
	p.hyphenPenalty = math.Min(def(o.HyphenPenalty, 50), infPenalty-1)
	p.exHyphenPenalty = math.Min(def(o.ExHyphenPenalty, 50), infPenalty-1)
	p.doubleHyphen = def(o.DoubleHyphenDemerits, 10000)
	p.finalHyphen = def(o.FinalHyphenDemerits, 5000)
	p.adj = def(o.AdjDemerits, 10000)
	p.shortLast = def(o.ShortLastLine, 0.12)
	p.shortLastDemerits = def(o.ShortLastDemerits, 20000)
	p.hyphenLines = min(defInt(o.HyphenLines, 3), maxStreak)
	if o.HyphenLines < 0 {
		p.hyphenLines = 0
	}
	p.minWord = defInt(o.MinWordLength, 5)
	p.minLeft = defInt(o.MinLeft, 2)
	p.minRight = defInt(o.MinRight, 2)
	raggedFrac := 0.2
	if p.align == Center || p.align == Right {
		raggedFrac = 0.25
	}
	p.ragged = math.Max(def(finite(o.RaggedStretch), raggedFrac*p.width), 1)
	return p
}

// badness returns the badness of a line set with adjustment ratio r.
func badness(r float64) float64 { return 100 * r * r * r }

// infPenalty is TeX's infinite penalty: a break with it is never taken.
const infPenalty = 10000
