package typo

import (
	"strings"
	"unicode"
)

// apostrophe is the typographic apostrophe (the same mark as an English
// closing single quote).
const apostrophe = '’'

// doubleQuote refines the straight double quote at input rune i and
// returns the number of input runes consumed.
func (s *stream) doubleQuote(i int) int {
	prev, next := s.prev(), s.at(i+1)
	depth := s.depth(true)
	var open bool
	switch after, before := opening(prev), closing(next); {
	case depth > 0 && prev == s.openedDouble() && !word(next): // empty: ""
		open = false
	case after && !before: // «word
		open = true
	case !after && before: // word»
		open = false
	case after && before: // a quote between spaces: balance
		open = depth == 0
	default: // between two non-spaces: "said:"Hello" opens, "end".x closes
		open = depth == 0 && word(next) && !word(prev)
	}
	seg := s.inSeg[i]
	if open {
		p := s.c.primary
		if depth > 0 {
			p = s.c.secondary
		}
		s.push(true, depth > 0)
		return s.openMark(p.open, i, seg)
	}
	p := s.c.primary
	if q, ok := s.pop(true); ok && q.secondary {
		p = s.c.secondary
	}
	s.closeMark(p.close, seg)
	return 1
}

// singleQuote refines the straight single quote at input rune i: an
// apostrophe (don't, '90s, rock 'n' roll) or a single quotation mark, and
// returns the number of input runes consumed.
func (s *stream) singleQuote(i int) int {
	prev, next := s.prev(), s.at(i+1)
	seg := s.inSeg[i]
	switch {
	case word(prev) && unicode.IsLetter(next): // don't, O'Neil
		s.emit(apostrophe, seg)
	case opening(prev):
		switch {
		case digit(next) && digit(s.at(i+2)) && !digit(s.at(i+3)): // '90s
			s.emit(apostrophe, seg)
		case len(s.c.elisions) > 0 && s.elision(i+1):
			s.emit(apostrophe, seg)
		case closing(next) && s.depth(false) > 0:
			s.closeSingle(seg)
		case closing(next):
			s.emit(apostrophe, seg)
		default:
			// Inside a double quotation opened with the primary marks, a
			// single quotation takes the nested marks: 'привет' in «…»
			// becomes „привет“, not an English ‘привет’.
			if s.openedDouble() == s.c.primary.open && s.depth(true) > 0 {
				s.push(false, true)
				return s.openMark(s.c.secondary.open, i, seg)
			}
			s.push(false, false)
			return s.openMark(s.c.single.open, i, seg)
		}
	case s.depth(false) > 0: // word' closes an open single quotation
		s.closeSingle(seg)
	default: // the students' books
		s.emit(apostrophe, seg)
	}
	return 1
}

// closeSingle closes the innermost open single quotation with the marks
// it was opened with.
func (s *stream) closeSingle(seg int32) {
	mark := s.c.single.close
	if q, ok := s.pop(false); ok && q.secondary {
		mark = s.c.secondary.close
	}
	s.closeMark(mark, seg)
}

// elision reports whether the letters at input rune i form a word of the
// language that starts with an apostrophe, like 'tis or the 'n' of rock
// 'n' roll in English, 's avonds in Dutch.
func (s *stream) elision(i int) bool {
	j := i
	for j < len(s.in) && j-i <= 5 && unicode.IsLetter(s.in[j]) {
		s.work++
		j++
	}
	if j == i || j-i > 5 {
		return false
	}
	w := strings.ToLower(string(s.in[i:j]))
	for _, e := range s.c.elisions {
		if w == e {
			// 'em' and 'tis' in quotes are quoted words; 'n' is not.
			return w == "n" || s.at(j) != '\''
		}
	}
	return false
}

// existingQuote writes input rune i, keeping track of the curly quotation
// marks the text already has so that straight ones nest around them. It
// returns the number of input runes consumed.
func (s *stream) existingQuote(i int) int {
	r, seg := s.in[i], s.inSeg[i]
	c := s.c
	if r == c.primary.open && r == c.primary.close && s.openedDouble() == r && !opening(s.prev()) {
		// Finnish and Swedish open and close with the same ”: after a
		// word, with one open, it closes.
		s.pop(true)
		s.closeMark(r, seg)
		return 1
	}
	if r == apostrophe && c.single.open == apostrophe {
		// Where ’ opens a single quotation too (Finnish, Swedish,
		// Serbian), a typed ’ is read as an apostrophe or a closing mark,
		// never as an opening one: it is far more often an apostrophe.
		if !unicode.IsLetter(s.at(i + 1)) {
			s.pop(false)
		}
		s.emit(r, seg)
		return 1
	}
	switch r {
	case c.primary.open:
		s.push(true, false)
		return s.openMark(r, i, seg)
	case c.primary.close:
		s.pop(true)
		s.closeMark(r, seg)
	case c.single.open:
		s.push(false, false)
		s.emit(r, seg)
	case c.secondary.open:
		s.push(true, true)
		s.emit(r, seg)
	case c.single.close:
		if r != apostrophe || !unicode.IsLetter(s.at(i+1)) {
			if top := len(s.quotes) - 1; c.single.close == c.secondary.close && top >= 0 &&
				s.quotes[top].double && s.quotes[top].secondary {
				s.pop(true)
			} else {
				s.pop(false)
			}
		}
		s.emit(r, seg)
	case c.secondary.close:
		s.pop(true)
		s.emit(r, seg)
	default:
		s.emit(r, seg)
	}
	return 1
}

// push opens a double (or single) quotation, secondary when it uses the
// nested marks. Each entry keeps what the stack holds up to it, so that
// depth and openedDouble need not walk the stack.
func (s *stream) push(double, secondary bool) {
	q := quote{double: double, secondary: secondary, opened: -1}
	if top := len(s.quotes) - 1; top >= 0 {
		q.doubles, q.singles, q.opened = s.quotes[top].doubles, s.quotes[top].singles, s.quotes[top].opened
	}
	if double {
		q.doubles++
		q.opened = s.c.primary.open
		if secondary {
			q.opened = s.c.secondary.open
		}
	} else {
		q.singles++
	}
	s.quotes = append(s.quotes, q)
}

// openedDouble returns the opening mark of the innermost open double
// quotation, or -1.
func (s *stream) openedDouble() rune {
	if top := len(s.quotes) - 1; top >= 0 {
		return s.quotes[top].opened
	}
	return -1
}

// depth returns the number of open double (or single) quotations.
func (s *stream) depth(double bool) int {
	top := len(s.quotes) - 1
	switch {
	case top < 0:
		return 0
	case double:
		return int(s.quotes[top].doubles)
	}
	return int(s.quotes[top].singles)
}

// pop closes the innermost open double (or single) quotation, and any
// quotation left open inside it. The walk down the stack is paid for by
// the entries it removes; with none of that kind open it does not walk.
func (s *stream) pop(double bool) (quote, bool) {
	if s.depth(double) == 0 {
		return quote{}, false
	}
	for j := len(s.quotes) - 1; j >= 0; j-- {
		s.work++
		if q := s.quotes[j]; q.double == double {
			s.quotes = s.quotes[:j]
			return q, true
		}
	}
	return quote{}, false
}

// openMark writes the opening mark r for the quote at input rune i and
// returns the number of input runes consumed. In French a narrow no-break
// space follows « and replaces the spaces typed after it.
func (s *stream) openMark(r rune, i int, seg int32) int {
	s.emit(r, seg)
	if !s.c.french || r != '«' {
		return 1
	}
	j := i + 1
	for s.text(j) && (s.in[j] == ' ' || s.in[j] == nbsp || s.in[j] == narrowNbsp) {
		s.work++
		j++
	}
	if j < len(s.in) && s.in[j] != '\n' {
		s.emit(narrowNbsp, seg)
		return j - i
	}
	return 1
}

// closeMark writes the closing mark r. In French a narrow no-break space
// comes before » and replaces the spaces typed before the quote.
func (s *stream) closeMark(r rune, seg int32) {
	if s.c.french && r == '»' {
		n := len(s.out)
		for n > 0 && s.oSeg[n-1] >= 0 && (s.out[n-1] == ' ' || s.out[n-1] == nbsp || s.out[n-1] == narrowNbsp) {
			s.work++
			n--
		}
		if n > 0 && s.out[n-1] != '\n' {
			s.out, s.oSeg = s.out[:n], s.oSeg[:n]
			s.emit(narrowNbsp, seg)
		}
	}
	s.emit(r, seg)
}
