package linebreak

import (
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tokPiece   tokKind = iota // part of a word in one run
	tokSpace                  // a breakable word space
	tokNoBreak                // a no-break space (U+00A0): stretchable glue, no break
	tokNarrow                 // a narrow or figure no-break space: rigid glue, no break
	tokHard                   // a hard line break
)

// marks sit between two pieces of one word.
const (
	markNone uint8 = iota
	markSHY        // a soft hyphen: hyphenation point
	markZWSP       // a zero-width space: break point without hyphen
)

// token is a word piece, a space or a hard break. Text is the byte range
// [start, end) of runs[run].Text: the piece's text, or the space character.
type token struct {
	kind       tokKind
	mark       uint8 // tokPiece: the mark between this piece and the previous one
	run        int32
	start, end int32
}

// Characters with a meaning of their own.
const (
	nbsp       = '\u00a0'
	narrowNBSP = '\u202f'
	figureSP   = '\u2007'
	shy        = '\u00ad'
	zwsp       = '\u200b'
)

// charClass classifies a character for tokenizing.
func charClass(r rune) tokKind {
	switch r {
	case nbsp:
		return tokNoBreak
	case narrowNBSP, figureSP:
		return tokNarrow
	}
	if r == ' ' || (r > ' ' && r < 0x80) {
		if r == ' ' {
			return tokSpace
		}
		return tokPiece
	}
	if unicode.IsSpace(r) {
		return tokSpace
	}
	return tokPiece
}

// tokenize splits the runs into word pieces, spaces and hard breaks,
// collapsing whitespace, and reports whether there is anything to set.
func (ly *layout) tokenize() bool {
	toks := ly.toks[:0]
	var (
		pendingSpace bool
		space        token
		mark         uint8
		inWord       bool
	)
	lastIsPiece := func() bool { return len(toks) > 0 && toks[len(toks)-1].kind == tokPiece }
	for ri := range ly.runs {
		text := ly.runs[ri].Text
		if len(text) > maxRunBytes {
			text = text[:maxRunBytes]
		}
		pieceStart := -1
		flush := func(end int) {
			if pieceStart < 0 {
				return
			}
			if pendingSpace {
				toks = append(toks, space)
				pendingSpace = false
			}
			m := markNone
			if inWord {
				m = mark
			}
			toks = append(toks, token{kind: tokPiece, mark: m, run: int32(ri), start: int32(pieceStart), end: int32(end)})
			mark = markNone
			inWord = true
			pieceStart = -1
		}
		for i := 0; i < len(text); {
			r, size := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			switch {
			case r == shy || r == zwsp:
				flush(i)
				if inWord && mark == markNone {
					mark = markSHY
					if r == zwsp {
						mark = markZWSP
					}
				}
			default:
				switch c := charClass(r); c {
				case tokPiece:
					if pieceStart < 0 {
						pieceStart = i
					}
				default:
					flush(i)
					inWord = false
					mark = markNone
					if !lastIsPiece() && !pendingSpace {
						break // leading whitespace
					}
					t := token{kind: c, run: int32(ri), start: int32(i), end: int32(i + size)}
					if !pendingSpace {
						pendingSpace, space = true, t
					} else if space.kind == tokSpace && c != tokSpace {
						space = t
					}
				}
			}
			i += size
		}
		flush(len(text))
		if ly.runs[ri].Break {
			pendingSpace = false
			inWord = false
			mark = markNone
			toks = append(toks, token{kind: tokHard, run: int32(ri)})
		}
	}
	// A hard break that ends the paragraph is ignored.
	if n := len(toks); n > 0 && toks[n-1].kind == tokHard {
		toks = toks[:n-1]
	}
	ly.toks = toks
	return len(toks) > 0
}

// maxRunBytes bounds a run's text so that byte offsets fit in int32.
const maxRunBytes = 1<<31 - 1
