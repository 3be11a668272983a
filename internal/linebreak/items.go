package linebreak

import "unicode/utf8"

// itemKind is the kind of an item of Knuth and Plass's box/glue/penalty
// model.
type itemKind uint8

const (
	box     itemKind = iota // text of fixed width
	glue                    // a space that stretches and shrinks; a break point unless level says otherwise
	penalty                 // a possible break point, with a cost
)

// Break levels: the first pass in which a glue or penalty is a legal break.
const (
	levelAlways    uint8 = 0   // spaces, explicit hyphens, soft hyphens
	levelHyphen    uint8 = 1   // hyphenation points, URL separators
	levelEmergency uint8 = 2   // between characters of over-wide words
	levelNever     uint8 = 255 // no-break spaces, the space before a dash
)

// item is a box, glue or penalty. Boxes and glue refer to their text as a
// byte range of a run's text; a penalty's run is the run whose style the
// hyphen is set in.
type item struct {
	width, stretch, shrink float64
	penalty                float64 // penalty: its cost; -infPenalty forces a break
	run                    int32
	start, end             int32
	kind                   itemKind
	brk                    Break   // penalty: what a break here is
	level                  uint8   // glue, penalty: see levelAlways etc.
	flagged                bool    // penalty: a hyphen ends the line (explicit or inserted)
	space                  tokKind // glue: tokSpace, tokNoBreak or tokNarrow
}

// build turns the tokens into items, with hyphenation points when
// hyphenate is true and Options.Hyphenate is set.
func (ly *layout) build(hyphenate bool) {
	ly.hyphenating = hyphenate && ly.p.hyphenate != nil
	items := ly.items[:0]
	if cap(items) == 0 {
		items = make([]item, 0, len(ly.toks)*2+1)
	}
	var (
		sentence bool // the word before a pending space ends a sentence
		gap      = -1 // index in ly.toks of the space before the next word, or -1
	)
	toks := ly.toks
	for i := 0; i < len(toks); {
		t := toks[i]
		switch t.kind {
		case tokPiece:
			j := i + 1
			for j < len(toks) && toks[j].kind == tokPiece {
				j++
			}
			word := ly.wordText(toks[i:j])
			if gap >= 0 {
				items = append(items, ly.glue(toks[gap], sentence, isDash(word)))
				gap = -1
			}
			items = ly.word(items, word)
			sentence = sentenceEnd(word)
			i = j
			continue
		case tokHard:
			items = append(items, item{kind: penalty, penalty: -infPenalty, brk: BreakHard, run: t.run})
			gap = -1
		default:
			gap = i
		}
		i++
	}
	items = append(items, item{kind: penalty, penalty: -infPenalty, brk: BreakEnd})
	ly.items = items
	ly.sums()
}

// glue returns the glue for a space token. after tells whether the word
// before ends a sentence, dash whether the word after is a lone dash, which
// must not start a line.
func (ly *layout) glue(t token, after, dash bool) item {
	st := ly.style(t.run)
	sp := ly.w.of(st, " ")
	g := item{kind: glue, run: t.run, start: t.start, end: t.end, space: t.kind, width: sp}
	switch t.kind {
	case tokNarrow:
		g.level = levelNever
		if ly.text(t.run, t.start, t.end) == string(figureSP) {
			g.width = ly.w.of(st, "0")
		} else {
			g.width = 0.6 * sp
		}
		return g
	case tokNoBreak:
		g.level = levelNever
	default:
		if dash {
			g.level = levelNever
		}
	}
	if ly.p.align == Justify {
		g.stretch = sp * ly.p.stretch
		g.shrink = sp * ly.p.shrink
		if after && t.kind == tokSpace {
			g.stretch *= ly.p.sentence
		}
	}
	return g
}

// wordPiece is a piece of the word being built: its byte range in the
// word's text and where it comes from.
type wordPiece struct {
	off, end int // in the word's text
	run      int32
	start    int32 // in the run's text
	noHyphen bool
	mark     uint8 // the mark before this piece
	style    int
}

// wordText returns the text of a word made of piece tokens, without its
// marks, and fills ly.pieces.
func (ly *layout) wordText(toks []token) string {
	ly.pieces = ly.pieces[:0]
	if len(toks) == 1 {
		t := toks[0]
		s := ly.text(t.run, t.start, t.end)
		ly.pieces = append(ly.pieces, wordPiece{off: 0, end: len(s), run: t.run, start: t.start,
			noHyphen: ly.runs[t.run].NoHyphenate, style: ly.style(t.run)})
		return s
	}
	b := ly.buf[:0]
	for _, t := range toks {
		s := ly.text(t.run, t.start, t.end)
		ly.pieces = append(ly.pieces, wordPiece{off: len(b), end: len(b) + len(s), run: t.run, start: t.start,
			noHyphen: ly.runs[t.run].NoHyphenate, mark: t.mark, style: ly.style(t.run)})
		b = append(b, s...)
	}
	ly.buf = b
	return string(b)
}

// word appends the items of one word: boxes, with penalties at the places
// the word may break.
func (ly *layout) word(items []item, word string) []item {
	ops := ly.wordBreaks(word)
	k := 0 // next op
	for pi, pc := range ly.pieces {
		cur := pc.off
		for k < len(ops) && ops[k].off <= pc.end {
			o := ops[k]
			if o.off == pc.end && pi+1 < len(ly.pieces) {
				break // at the start of the next piece
			}
			if o.off <= 0 || o.off >= len(word) {
				k++
				continue
			}
			if o.off > cur {
				items = ly.box(items, pc, cur, o.off)
				cur = o.off
			}
			items = append(items, ly.opPenalty(o, items))
			k++
		}
		if pc.end > cur {
			items = ly.box(items, pc, cur, pc.end)
		}
	}
	return items
}

// box appends the box for the bytes [from, to) of the word, inside piece pc.
func (ly *layout) box(items []item, pc wordPiece, from, to int) []item {
	start := pc.start + int32(from-pc.off)
	end := pc.start + int32(to-pc.off)
	return append(items, item{kind: box, run: pc.run, start: start, end: end,
		width: ly.w.of(pc.style, ly.text(pc.run, start, end))})
}

// opPenalty returns the penalty for a break opportunity; items ends with the
// box before it.
func (ly *layout) opPenalty(o op, items []item) item {
	pen := item{kind: penalty, brk: BreakAfter}
	if n := len(items); n > 0 {
		pen.run = items[n-1].run
	}
	switch o.kind {
	case opHyphen, opSHY:
		pen.penalty = ly.p.hyphenPenalty
		pen.flagged = true
		pen.brk = BreakHyphen
		pen.width = ly.w.of(ly.style(pen.run), "-")
		pen.level = levelHyphen
		if o.kind == opSHY {
			pen.level = levelAlways
		}
	case opZWSP:
		pen.level = levelAlways
	case opExHyphen:
		pen.penalty = ly.p.exHyphenPenalty
		pen.flagged = true
	case opDash:
		pen.penalty = ly.p.exHyphenPenalty
	case opURL:
		pen.penalty = urlPenalty
		pen.level = levelHyphen
	}
	return pen
}

// urlPenalty is the penalty for breaking a URL after a separator.
const urlPenalty = 100

// sentenceEnd reports whether a space after word is a space between
// sentences: word ends with '.', '!', '?' or '…', possibly followed by
// closing quotes and brackets, and the character before is not a capital
// ("U.S.", "J.").
func sentenceEnd(word string) bool {
	s := word
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !isCloser(r) {
			break
		}
		s = s[:len(s)-size]
	}
	r, size := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…':
	default:
		return false
	}
	prev, n := utf8.DecodeLastRuneInString(s[:len(s)-size])
	return n > 0 && !isUpper(prev)
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '»', '”', '’', '›', '“':
		return true
	}
	return false
}

// isDash reports whether word is a lone dash or hyphen.
func isDash(word string) bool {
	if word == "" {
		return false
	}
	for _, r := range word {
		switch r {
		case '-', '\u2010', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		default:
			return false
		}
	}
	return true
}
