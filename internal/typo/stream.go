package typo

import (
	"strings"
	"unicode"
)

// objectRune stands in the stream for an inline that is not text (inline
// code, a footnote reference): it reads as a word and is never written.
const objectRune = '\uFFFC'

// A stream is one piece of prose (a paragraph, a heading, a caption, a
// title) read as a whole across its inlines, so that a quotation mark in
// one inline can close a quotation opened in another. Each rune remembers
// the segment (Text inline) it came from; refined runes go back to the
// segment of the rune they replace. Placeholders for other inlines have
// segment -1: they give context and are not written back.
type stream struct {
	c           *conventions
	attribution bool // a quote's attribution: "- Name" becomes "— Name"

	in, out     []rune
	inSeg, oSeg []int32
	quotes      []quote // the quotations open at this point

	// What isAddress last found, so that the runes of one long run are not
	// read again for every letter in it: the input runes [runFrom, runEnd)
	// are a run of the characters of a scheme or a local part, and the
	// domain looked at from domFrom has its first dot before a word, or
	// its end, at domAt (domDot tells which).
	runFrom, runEnd int
	domFrom, domAt  int
	domDot          bool

	// work counts the steps of every loop over the runes, for the tests
	// that the cost stays linear in the input.
	work int
}

// quote is an open quotation: double or single, and whether it uses the
// secondary (nested) marks: a double one nested in another, a single one
// opened inside a double one. It also records the stack
// up to and including itself: how many double and single quotations are
// open, and the opening mark of the innermost double one (or -1).
type quote struct {
	double, secondary bool
	doubles, singles  int32
	opened            rune
}

// reset empties the stream for new prose in the conventions c.
func (s *stream) reset(c *conventions, attribution bool) {
	s.c, s.attribution = c, attribution
	s.in, s.out = s.in[:0], s.out[:0]
	s.inSeg, s.oSeg = s.inSeg[:0], s.oSeg[:0]
	s.quotes = s.quotes[:0]
	s.runFrom, s.runEnd = 0, 0
	s.domFrom, s.domAt, s.domDot = 0, -1, false
	s.work = 0
}

// add appends the text of segment seg.
func (s *stream) add(text string, seg int32) {
	for _, r := range text {
		s.in = append(s.in, r)
		s.inSeg = append(s.inSeg, seg)
	}
}

// placeholder appends a stand-in for an inline that is not text.
func (s *stream) placeholder(r rune) {
	s.in = append(s.in, r)
	s.inSeg = append(s.inSeg, -1)
}

// emit writes r for segment seg.
func (s *stream) emit(r rune, seg int32) {
	s.out = append(s.out, r)
	s.oSeg = append(s.oSeg, seg)
}

// prev returns the last rune written, or 0 at the start.
func (s *stream) prev() rune { return s.back(1) }

// back returns the n-th rune written counting back from the last, or 0.
func (s *stream) back(n int) rune {
	if len(s.out) < n {
		return 0
	}
	return s.out[len(s.out)-n]
}

// at returns input rune i, or 0 past the end.
func (s *stream) at(i int) rune {
	if i < 0 || i >= len(s.in) {
		return 0
	}
	return s.in[i]
}

// text reports whether input rune i exists and is text (not a placeholder).
func (s *stream) text(i int) bool { return i >= 0 && i < len(s.in) && s.inSeg[i] >= 0 }

// run refines the stream's input into its output.
func (s *stream) run() {
	for i := 0; i < len(s.in); {
		s.work++
		r, seg := s.in[i], s.inSeg[i]
		if seg < 0 {
			s.emit(r, seg)
			i++
			continue
		}
		if n := s.url(i); n > 0 {
			for ; n > 0; n, i = n-1, i+1 {
				s.work++
				s.emit(s.in[i], s.inSeg[i])
			}
			continue
		}
		switch r {
		case '"':
			i += s.doubleQuote(i)
		case '\'':
			i += s.singleQuote(i)
		case '.':
			i += s.dots(i)
		case '-':
			i += s.hyphens(i)
		case '—', '–':
			i += s.dash(i)
		case ' ':
			s.space(i)
			i++
		case ';', '!', '?', ':':
			s.punctuation(i)
			i++
		default:
			i += s.existingQuote(i)
		}
	}
}

// opening reports whether a quotation mark after r opens a quotation: at
// the start, after a space, an opening bracket or quotation mark, a dash,
// a slash or an equals sign.
func opening(r rune) bool {
	switch r {
	case 0, ' ', '(', '[', '{', '<', '«', '‹', '„', '‚', '“', '‘', '-', '–', '—', '/', '=':
		return true
	}
	return space(r)
}

// closing reports whether a quotation mark before r closes a quotation: at
// the end, before a space or closing punctuation.
func closing(r rune) bool {
	switch r {
	case 0, ' ', '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '…', '»', '›':
		return true
	}
	return space(r)
}

// space reports whether r is white space, quickly for ASCII.
func space(r rune) bool {
	if r < 0x80 {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// word reports whether r is part of a word.
func word(r rune) bool {
	return r == objectRune || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func digit(r rune) bool { return '0' <= r && r <= '9' }

// url returns the length of the web address or e-mail address that starts
// at input rune i, or 0. Addresses are copied unchanged. Trailing
// punctuation is left out of the address.
func (s *stream) url(i int) int {
	r := s.in[i]
	if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') || !opening(s.prev()) || !s.isAddress(i) {
		return 0
	}
	end := i
	for end < len(s.in) && s.inSeg[end] >= 0 && !unicode.IsSpace(s.in[end]) &&
		!strings.ContainsRune(addressEnd, s.in[end]) {
		s.work++
		end++
	}
	for end > i && strings.ContainsRune(".,;:!?)'…", s.in[end-1]) {
		s.work++
		end--
	}
	return end - i
}

// addressEnd are the characters that end a URL or an e-mail address.
const addressEnd = "\"<>«»“”„"

// isAddress reports whether the input from rune i on looks like a URL
// ("scheme://…", "www.…", "mailto:…") or an e-mail address.
func (s *stream) isAddress(i int) bool {
	if s.hasPrefixFold(i, "www.") || s.hasPrefixFold(i, "mailto:") {
		return true
	}
	j := s.addressRun(i)
	switch s.at(j) {
	case ':':
		return j > i && s.at(j+1) == '/' && s.at(j+2) == '/'
	case '@':
		return j > i && s.domain(j+1)
	}
	return false
}

// addressChar reports whether r may stand in a URL scheme or in the local
// part of an e-mail address.
func addressChar(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || digit(r) || r == '+' || r == '.' || r == '-' || r == '_'
}

// addressRun returns the end of the run of address characters that
// starts at input rune i. Every rune of a run ends at the same place, so
// the run found last is reused: a text that is one long run is read once,
// not once for each of its letters.
func (s *stream) addressRun(i int) int {
	if s.runFrom <= i && i < s.runEnd {
		return s.runEnd
	}
	j := i
	for s.text(j) && addressChar(s.in[j]) {
		s.work++
		j++
	}
	if j > i {
		s.runFrom, s.runEnd = i, j
	}
	return j
}

// domain reports whether the domain of an e-mail address that starts at
// input rune i has a dot before a word. The domain ends where url ends
// the address, so that what is taken for an address is the same once the
// rest is refined. The first dot or end found is kept: every later start
// before it finds the same one.
func (s *stream) domain(i int) bool {
	if s.domFrom <= i && i <= s.domAt {
		return s.domDot
	}
	k := i
	for s.text(k) && !unicode.IsSpace(s.in[k]) && !strings.ContainsRune(addressEnd, s.in[k]) {
		s.work++
		if s.in[k] == '.' && word(s.at(k+1)) {
			break
		}
		k++
	}
	s.domFrom, s.domAt, s.domDot = i, k, s.text(k) && s.in[k] == '.'
	return s.domDot
}

// hasPrefixFold reports whether the input at rune i starts with the
// lowercase ASCII prefix, ignoring case.
func (s *stream) hasPrefixFold(i int, prefix string) bool {
	for k := 0; k < len(prefix); k++ {
		s.work++
		if !s.text(i+k) || unicode.ToLower(s.in[i+k]) != rune(prefix[k]) {
			return false
		}
	}
	return true
}
