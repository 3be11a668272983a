package linebreak

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// opKind is a kind of break opportunity inside a word. The order is the
// precedence when two fall at the same place.
type opKind uint8

const (
	opExHyphen opKind = iota // after a hyphen in the text
	opDash                   // after an en or em dash
	opZWSP                   // at a zero-width space
	opURL                    // after a URL separator
	opSHY                    // at a soft hyphen
	opHyphen                 // at a hyphenation point
)

// op is a break opportunity at byte offset off of a word.
type op struct {
	off  int
	kind opKind
}

// wordBreaks returns the break opportunities inside word (whose pieces are
// in ly.pieces), sorted by offset, one per offset.
func (ly *layout) wordBreaks(word string) []op {
	ops := ly.ops[:0]
	shy := false
	for _, pc := range ly.pieces {
		switch pc.mark {
		case markSHY:
			ops = append(ops, op{pc.off, opSHY})
			shy = true
		case markZWSP:
			ops = append(ops, op{pc.off, opZWSP})
		}
	}
	if len(word) < 2 {
		ly.ops = ops
		return ops
	}
	url := isURL(word)
	var (
		hasDigit bool
		runStart = -1 // start of the current run of letters
		runN     int  // letters in it
		runUpper bool // a capital after its first letter
		prevRun  int  // letters in the run of letters that ended at i, if it did
	)
	type letterRun struct{ start, end, n int }
	var runs [8]letterRun
	letterRuns := runs[:0]
	// runs of letters worth hyphenating: not too short, not too long
	keep := func(lr letterRun) bool {
		return ly.hyphenating && !shy && lr.n >= ly.p.minWord && lr.n <= maxHyphenLetters
	}
	for i := 0; i < len(word); {
		r, size := rune(word[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(word[i:])
		}
		letter := isLetter(r)
		mark := !letter && isMark(r) && runStart >= 0
		switch {
		case letter || mark:
			if runStart < 0 {
				runStart, runN, runUpper = i, 0, false
			}
			if letter {
				if runN > 0 && isUpper(r) {
					runUpper = true
				}
				runN++
			}
		default:
			if runStart >= 0 {
				if lr := (letterRun{runStart, i, runN}); !runUpper && keep(lr) {
					letterRuns = append(letterRuns, lr)
				}
				prevRun = runN
				runStart = -1
			} else {
				prevRun = 0
			}
			if unicode.IsDigit(r) {
				hasDigit = true
			}
			next := i + size
			switch {
			case url:
				if next < len(word) && isURLSeparator(r) && !(r == '/' && word[next] == '/') && !isURLSeparator(rune(word[next])) {
					ops = append(ops, op{next, opURL})
				}
			case r == '-' || r == '\u2010':
				if prevRun >= ly.p.minLeft && lettersAhead(word[next:], ly.p.minRight) && !ly.noHyphenAt(i) {
					ops = append(ops, op{next, opExHyphen})
				}
			case r == '\u2013' || r == '\u2014':
				if i > 0 && next < len(word) && !isCloser(firstRune(word[next:])) && !isPunct(firstRune(word[next:])) {
					ops = append(ops, op{next, opDash})
				}
			}
		}
		i += size
	}
	if lr := (letterRun{runStart, len(word), runN}); runStart >= 0 && !runUpper && keep(lr) {
		letterRuns = append(letterRuns, lr)
	}
	if ly.hyphenating && !shy && !hasDigit && !url {
		for _, lr := range letterRuns {
			if ly.noHyphenIn(lr.start, lr.end) {
				continue
			}
			ops = ly.hyphenate(ops, word, lr.start, lr.end)
		}
	}
	// Sort by offset, then precedence, and keep one per offset.
	slices.SortFunc(ops, func(a, b op) int {
		if c := cmp.Compare(a.off, b.off); c != 0 {
			return c
		}
		return cmp.Compare(a.kind, b.kind)
	})
	out := ops[:0]
	for _, o := range ops {
		if len(out) > 0 && out[len(out)-1].off == o.off {
			continue
		}
		out = append(out, o)
	}
	ly.ops = out
	return out
}

// hyphenate appends the hyphenation points of the letters word[start:end].
func (ly *layout) hyphenate(ops []op, word string, start, end int) []op {
	w := word[start:end]
	pts, ok := ly.hyph[w]
	if !ok {
		if ly.hyph == nil {
			ly.hyph = make(map[string][]int)
		}
		pts = ly.p.hyphenate(w)
		ly.hyph[w] = pts
	}
	for _, p := range pts {
		if p <= 0 || p >= len(w) || !utf8.RuneStart(w[p]) || isMark(firstRune(w[p:])) {
			continue
		}
		if !atLeastLetters(w[:p], ly.p.minLeft) || !atLeastLetters(w[p:], ly.p.minRight) {
			continue
		}
		off := start + p
		if ly.noHyphenAt(off-1) || ly.noHyphenAt(off) {
			continue
		}
		ops = append(ops, op{off, opHyphen})
	}
	return ops
}

// maxHyphenLetters is the longest run of letters handed to the hyphenator,
// as in TeX (and hyph.MaxLetters): a longer one is no word, and is broken
// between letters if it must be.
const maxHyphenLetters = 63

// noHyphenAt reports whether the byte at offset off of the current word lies
// in a piece that must not be hyphenated.
func (ly *layout) noHyphenAt(off int) bool {
	// the pieces are in order and adjacent
	i := sort.Search(len(ly.pieces), func(i int) bool { return ly.pieces[i].end > off })
	return i < len(ly.pieces) && off >= ly.pieces[i].off && ly.pieces[i].noHyphen
}

// noHyphenIn reports whether all of the bytes [start, end) of the current
// word lie in pieces that must not be hyphenated.
func (ly *layout) noHyphenIn(start, end int) bool {
	i := sort.Search(len(ly.pieces), func(i int) bool { return ly.pieces[i].end > start })
	for ; i < len(ly.pieces) && ly.pieces[i].off < end; i++ {
		if !ly.pieces[i].noHyphen {
			return false
		}
	}
	return true
}

// lettersAhead reports whether s starts with at least n letters.
func lettersAhead(s string, n int) bool {
	c := 0
	for _, r := range s {
		if isLetter(r) {
			c++
			if c >= n {
				return true
			}
			continue
		}
		if !isMark(r) {
			return false
		}
	}
	return false
}

// atLeastLetters reports whether s holds at least n letters, reading no
// more of it than it must.
func atLeastLetters(s string, n int) bool {
	if n <= 0 {
		return true
	}
	for _, r := range s {
		if isLetter(r) {
			n--
			if n == 0 {
				return true
			}
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isMark(r rune) bool {
	return r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
}

func isPunct(r rune) bool {
	return r < utf8.RuneSelf && strings.ContainsRune(".,;:!?", r)
}

// isURL reports whether word looks like a URL.
func isURL(word string) bool {
	if strings.Contains(word, "://") {
		return true
	}
	return len(word) > 4 && strings.EqualFold(word[:4], "www.")
}

// isURLSeparator reports whether a URL may break after r.
func isURLSeparator(r rune) bool {
	switch r {
	case '/', '.', '-', '?', '&', '=', '_', '#':
		return true
	}
	return false
}
