package typo

import (
	"strings"
	"unicode"
)

// count counts the input runes equal to r from input rune i on.
func (s *stream) count(i int, r rune) int {
	n := 0
	for s.text(i+n) && s.in[i+n] == r {
		s.work++
		n++
	}
	return n
}

// dots refines the dots at input rune i: exactly three become an ellipsis.
// It returns the number of input runes consumed.
func (s *stream) dots(i int) int {
	n := s.count(i, '.')
	if n == 3 {
		s.emit('…', s.inSeg[i])
		return 3
	}
	for j := i; j < i+n; j++ {
		s.work++
		s.emit('.', s.inSeg[j])
	}
	return n
}

// hyphens refines the hyphens at input rune i and returns the number of
// input runes consumed: "---" is an em dash, "--" an en dash, a hyphen
// between spaces the language's dash, a hyphen between numbers an en dash.
func (s *stream) hyphens(i int) int {
	n := s.count(i, '-')
	seg := s.inSeg[i]
	prev, next := s.prev(), s.at(i+n)
	start := prev == 0 || prev == '\n'
	spaceAfter := next == 0 || typedSpace(next)
	verbatim := func() int {
		for j := i; j < i+n; j++ {
			s.work++
			s.emit('-', s.inSeg[j])
		}
		return n
	}
	switch {
	case n > 3:
		return verbatim()
	case start && next == ' ' && (s.c.dialogue || s.attribution):
		return n + s.leadingDash('—', i+n, seg)
	case start && next == ' ' && n > 1:
		s.emit([]rune{0, 0, '–', '—'}[n], seg)
	case start:
		return verbatim()
	case typedSpace(prev) && spaceAfter:
		d := s.c.spacedDash
		if n == 3 {
			d = '—'
		}
		s.spacedDash(d, seg)
	case n == 1 && s.numberRange(i):
		s.emit('–', seg)
	case n == 1:
		s.emit('-', seg)
	case unicode.IsSpace(prev) && unicode.IsLetter(next): // --option
		return verbatim()
	default: // word--word
		s.emit([]rune{0, 0, '–', '—'}[n], seg)
	}
	return n
}

// typedSpace reports whether r is white space that makes a hyphen beside
// it a spaced dash: any but the narrow no-break space, which French
// spacing puts inside guillemets ("-" in quotes is «\u202f-\u202f»,
// still a hyphen).
func typedSpace(r rune) bool { return r != narrowNbsp && unicode.IsSpace(r) }

// leadingDash writes dash d that opens a line of dialogue or an
// attribution; input rune i is the space after it. In languages that bind
// a dialogue dash to its line, the space becomes a no-break space. It
// returns the number of input runes consumed after the dash.
func (s *stream) leadingDash(d rune, i int, seg int32) int {
	s.emit(d, seg)
	if s.c.dialogue && s.at(i) == ' ' && s.text(i) {
		s.emit(nbsp, s.inSeg[i])
		return 1
	}
	return 0
}

// spacedDash writes a dash that stands between spaces, binding it to the
// word before when the language wants it.
func (s *stream) spacedDash(d rune, seg int32) {
	if n := len(s.out); s.c.nbspBeforeDash && n > 1 && s.out[n-1] == ' ' && s.oSeg[n-1] >= 0 {
		s.out[n-1] = nbsp
	}
	s.emit(d, seg)
}

// dash writes the en or em dash at input rune i, binding it to the word
// before or, at the start of dialogue, to the words after, when the
// language wants it. It returns the number of input runes consumed.
func (s *stream) dash(i int) int {
	r, seg := s.in[i], s.inSeg[i]
	prev, next := s.prev(), s.at(i+1)
	switch {
	case (prev == 0 || prev == '\n') && next == ' ' && r == '—':
		return 1 + s.leadingDash(r, i+1, seg)
	case unicode.IsSpace(prev) && (next == 0 || unicode.IsSpace(next)):
		s.spacedDash(r, seg)
	default:
		s.emit(r, seg)
	}
	return 1
}

// numberRange reports whether the hyphen at input rune i joins the ends of
// a range of numbers, like 1990-1995, 10-15 or 1914-18: two numbers of at
// most four digits, the first smaller, and no longer chain of numbers
// (a date 2024-01-15, a version 1.2-3, a telephone number) around them.
func (s *stream) numberRange(i int) bool {
	// The number before, already written.
	n := len(s.out)
	a, da := 0, 0
	for n > 0 && digit(s.out[n-1]) && s.oSeg[n-1] >= 0 && da < 5 {
		s.work++
		n--
		da++
	}
	if da == 0 || da > 4 {
		return false
	}
	if n > 0 && (word(s.out[n-1]) || strings.ContainsRune("-–./,:+#", s.out[n-1])) {
		return false
	}
	for _, r := range s.out[n:] {
		s.work++
		a = a*10 + int(r-'0')
	}
	// The number after.
	j := i + 1
	b, db := 0, 0
	for s.text(j) && digit(s.in[j]) && db < 5 {
		s.work++
		b = b*10 + int(s.in[j]-'0')
		j++
		db++
	}
	if db == 0 || db > 4 {
		return false
	}
	next := s.at(j)
	if next == '-' && s.count(j, '-') == 3 {
		next = '—' // "---" after a number is an em dash, not a chain: 1990-1995---the era
	}
	if strings.ContainsRune("-–/:", next) ||
		(next == '.' || next == ',') && digit(s.at(j+1)) {
		return false
	}
	if db < da { // 1914-18
		p := 1
		for range db {
			p *= 10
		}
		a %= p
	}
	return a < b
}

// space refines the ordinary space at input rune i: it becomes a no-break
// space after a one-letter word (in languages that bind them), after
// № and §, between a number and its unit ("5 km", "12 %"), and a narrow
// no-break space between the digit groups of a number ("12 000") in
// languages that group digits with spaces.
func (s *stream) space(i int) {
	seg := s.inSeg[i]
	prev, next := s.prev(), s.at(i+1)
	if next == 0 || unicode.IsSpace(next) || len(s.out) == 0 || s.oSeg[len(s.out)-1] < 0 {
		s.emit(' ', seg)
		return
	}
	switch {
	case s.c.shortWords != "" && strings.ContainsRune(s.c.shortWords, prev) && !word(s.back(2)):
		s.emit(nbsp, seg)
	case (prev == '№' || prev == '§') && digit(next):
		s.emit(nbsp, seg)
	case s.c.groupDigits && digit(prev) && s.digitGroup(i):
		s.emit(narrowNbsp, seg)
	case digit(prev) && s.unitAt(i+1):
		s.emit(nbsp, seg)
	default:
		s.emit(' ', seg)
	}
}

// digitGroup reports whether the space at input rune i separates two digit
// groups of one number: one to three digits before (or a group of three
// after another group), exactly three after.
func (s *stream) digitGroup(i int) bool {
	for k := 1; k <= 3; k++ {
		s.work++
		if !s.text(i+k) || !digit(s.in[i+k]) {
			return false
		}
	}
	if digit(s.at(i + 4)) {
		return false
	}
	if s.at(i+4) == ' ' && digit(s.at(i+5)) {
		// Another number follows: it must be a group of three too.
		k := 0
		for k < 4 && s.text(i+5+k) && digit(s.in[i+5+k]) {
			s.work++
			k++
		}
		if k != 3 {
			return false
		}
	}
	n := len(s.out)
	d := 0
	for n > 0 && digit(s.out[n-1]) && s.oSeg[n-1] >= 0 && d < 4 {
		s.work++
		n--
		d++
	}
	if d > 3 {
		return false
	}
	if n == 0 {
		return true
	}
	before := s.out[n-1]
	if before == narrowNbsp {
		return d == 3
	}
	if before == ' ' {
		// A short number just before that was not grouped with this one
		// makes a row of numbers, like a telephone number: 7 913 123.
		k := n - 1
		for k > 0 && digit(s.out[k-1]) && n-1-k < 4 {
			s.work++
			k--
		}
		if d := n - 1 - k; d > 0 && d <= 3 {
			return false
		}
	}
	return !word(before) && !strings.ContainsRune(".,+-–", before)
}

// punctuation writes the punctuation mark at input rune i. In French a
// narrow no-break space comes before ; ! ? and a no-break space before :
// (the space typed there becomes one, and one is put in after a word when
// none was typed), unless a word follows the mark: 10:30 stays as it is.
func (s *stream) punctuation(i int) {
	r, seg := s.in[i], s.inSeg[i]
	n := len(s.out)
	if !s.c.french || n == 0 || s.oSeg[n-1] < 0 {
		s.emit(r, seg)
		return
	}
	next := s.at(i + 1)
	// A straight double quote counts as a closing mark: refined, it
	// becomes one (or an opening « followed by a space), so that a
	// second pass decides as the first did.
	if next != 0 && !unicode.IsSpace(next) && !strings.ContainsRune("»”)!?;\"", next) {
		s.emit(r, seg) // 10:30, a ratio, a query string
		return
	}
	space := narrowNbsp
	if r == ':' {
		space = nbsp
	}
	switch prev := s.out[n-1]; {
	case n > 1 && !unicode.IsSpace(s.out[n-2]) && (prev == ' ' || r != ':' && prev == nbsp):
		s.out[n-1] = space // the space typed before the mark
	case word(prev) || prev == '»' || prev == ')' || prev == ']' || prev == '”':
		s.emit(space, seg) // none typed: "Quoi?" is "Quoi ?"
	}
	s.emit(r, seg)
}
