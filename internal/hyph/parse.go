package hyph

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// TeX's default minimums: no fewer than two letters before a hyphen and
// three after it.
const (
	defaultLeftMin  = 2
	defaultRightMin = 3
)

// maxPattern is the longest pattern, in letters, that is kept.
const maxPattern = 250

// New parses hyphenation patterns in the LibreOffice/Hunspell hyph_*.dic
// format and returns a Hyphenator for them.
//
// The first line names the character set (UTF-8, or a legacy set such as
// ISO8859-1, KOI8-R or microsoft-cp1251, which is decoded). Then come
// optional LEFTHYPHENMIN and RIGHTHYPHENMIN lines (TeX's 2 and 3 when
// absent) and one Liang pattern per line, such as ".ad4der" or "a2ch4".
// Lines starting with "%" or "#" are comments.
//
// Hunspell's extensions are read as follows. Its non-standard patterns,
// which change the spelling at a break ("1ff/f=f,1,2": "Schiffahrt" is
// hyphenated "Schiff-fahrt"; Hungarian "ssz/sz=sz,…": "asz-szony"), cannot
// be expressed as a place to insert a hyphen, so no break is made where
// one of them would win: the pattern is kept with each odd value raised
// to the next even one, which forbids a plain break there and still
// yields to a higher odd value of another pattern, and its even values
// are kept as they are. When the file has a NEXTLEVEL line, only the
// patterns after it, the ordinary hyphenation level, are used: the level
// before it marks the joints of compound words for Hunspell's two-level
// hyphenation (German's lists some 69,000 compounds; most others only
// allow breaks at hyphens and apostrophes, where offprint breaks anyway).
// The COMPOUND… minimums and NOHYPHEN are ignored.
//
// A TeX \hyphenation{…} block lists exceptions, one word a line, with "-"
// at the allowed breaks.
func New(patterns []byte) (*Hyphenator, error) {
	return parse(patterns, defaultLeftMin, defaultRightMin)
}

// parse is New with the minimums to use when the file sets none.
func parse(data []byte, left, right int) (*Hyphenator, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	charset, rest, _ := bytes.Cut(data, []byte("\n"))
	name := strings.TrimSpace(string(charset))
	if name == "" {
		return nil, errors.New("hyph: no character set on the first line")
	}
	text, err := decode(name, rest)
	if err != nil {
		return nil, err
	}

	var p patternSet
	exceptions := make(map[string][]int)
	inExceptions := false
	lineNo := 1
	for line := range strings.Lines(text) {
		lineNo++
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '%' || line[0] == '#' {
			continue
		}
		if keyword, arg, ok := setting(line); ok {
			switch keyword {
			case "LEFTHYPHENMIN", "RIGHTHYPHENMIN":
				n, err := strconv.Atoi(arg)
				if err != nil || n < 1 || n > 20 {
					return nil, fmt.Errorf("hyph: line %d: bad %s %q", lineNo, keyword, arg)
				}
				if keyword == "LEFTHYPHENMIN" {
					left = n
				} else {
					right = n
				}
			case "NEXTLEVEL":
				// The patterns so far are the compound-word level; the
				// ordinary ones follow.
				p = patternSet{}
			}
			continue
		}
		for field := range strings.FieldsSeq(line) {
			switch {
			case strings.HasPrefix(field, `\hyphenation`):
				inExceptions = true
				continue
			case strings.HasPrefix(field, `\`):
				inExceptions = false // \patterns{ or another TeX command
				continue
			}
			end := strings.HasSuffix(field, "}")
			field = strings.Trim(field, "{}")
			if field != "" {
				if inExceptions {
					if key, pos, ok := exception(field, nil); ok {
						exceptions[key] = pos
					}
				} else if err := p.add(field); err != nil {
					return nil, err
				}
			}
			if end {
				inExceptions = false
			}
		}
	}
	t := p.b.trie()
	if t == nil {
		return nil, errors.New("hyph: no hyphenation patterns")
	}
	h := &Hyphenator{
		trie:       t,
		exceptions: exceptions,
		left:       left,
		right:      right,
	}
	// Pattern sets that never mention "ё" (the Russian ones) treat it as "е".
	if !strings.ContainsRune(text, 'ё') && strings.ContainsRune(text, 'е') {
		h.foldYo = true
		folded := make(map[string][]int, len(exceptions))
		for k, v := range exceptions {
			folded[strings.ReplaceAll(k, "ё", "е")] = v
		}
		h.exceptions = folded
	}
	if len(h.exceptions) == 0 {
		h.exceptions = nil
	}
	return h, nil
}

// decode converts the body of a pattern file from the named character set
// to UTF-8.
func decode(charset string, body []byte) (string, error) {
	name := strings.ToLower(charset)
	switch {
	case name == "utf-8" || name == "utf8":
		if !utf8.Valid(body) {
			return "", errors.New("hyph: patterns are not valid UTF-8")
		}
		return string(body), nil
	case strings.HasPrefix(name, "iso8859-"):
		name = "iso-8859-" + strings.TrimPrefix(name, "iso8859-")
	case strings.HasPrefix(name, "microsoft-cp"):
		name = "windows-" + strings.TrimPrefix(name, "microsoft-cp")
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return "", fmt.Errorf("hyph: unknown character set %q: %w", charset, err)
	}
	b, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return "", fmt.Errorf("hyph: decoding %s: %w", charset, err)
	}
	return string(b), nil
}

// setting splits a header line such as "LEFTHYPHENMIN 2" or "NEXTLEVEL".
func setting(line string) (keyword, arg string, ok bool) {
	keyword, arg, _ = strings.Cut(line, " ")
	switch keyword {
	case "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN",
		"COMPOUNDRIGHTHYPHENMIN", "NEXTLEVEL", "NOHYPHEN":
		return keyword, strings.TrimSpace(arg), true
	}
	return "", "", false
}

// patternSet collects patterns into a trie builder.
type patternSet struct {
	b    builder
	key  []rune  // scratch: the letters of the pattern being added
	vals []value // scratch: its values
}

// add parses a Liang pattern such as "a2ch4" into its letters ("ach") and
// its non-zero values, and adds it to the set. Malformed patterns are
// skipped. A Hunspell non-standard pattern ("s1sz/sz=sz,1,3") adds its
// Liang part with its odd values made even (see New).
func (s *patternSet) add(p string) error {
	p, _, replacement := strings.Cut(p, "/")
	s.key, s.vals = s.key[:0], s.vals[:0]
	pos := 0
	digit := false
	for _, r := range p {
		if r >= '0' && r <= '9' {
			if digit || pos > maxPattern { // two digits in a row, or too long
				return nil
			}
			digit = true
			if v := uint8(r - '0'); v != 0 {
				if replacement && v%2 == 1 {
					v++
				}
				s.vals = append(s.vals, value{pos: uint8(pos), v: v})
			}
			continue
		}
		digit = false
		s.key = append(s.key, lower(r))
		pos++
	}
	if pos == 0 || pos > maxPattern {
		return nil
	}
	return s.b.insert(s.key, s.vals)
}

// mergeValues combines the values of two patterns with the same letters,
// keeping the larger value at each position.
func mergeValues(old, vals []value) []value {
	var pts [maxPattern + 1]uint8
	for _, v := range old {
		pts[v.pos] = max(pts[v.pos], v.v)
	}
	for _, v := range vals {
		pts[v.pos] = max(pts[v.pos], v.v)
	}
	var out []value
	for i, v := range pts {
		if v != 0 {
			out = append(out, value{pos: uint8(i), v: v})
		}
	}
	return out
}

// exception parses a hyphenated word such as "ta-ble" into its lowercased
// letters ("table") and the number of letters before each break ([2]).
// fold, when not nil, maps each lowercased letter. ok is false when the
// word holds anything but letters and hyphens.
func exception(word string, fold func(rune) rune) (key string, pos []int, ok bool) {
	var b strings.Builder
	n := 0
	pos = []int{}
	for _, r := range word {
		switch {
		case r == '-' || r == '\u00AD':
			if n > 0 && (len(pos) == 0 || pos[len(pos)-1] != n) {
				pos = append(pos, n)
			}
		case unicode.IsLetter(r):
			r = unicode.ToLower(r)
			if fold != nil {
				r = fold(r)
			}
			b.WriteRune(r)
			n++
		default:
			return "", nil, false
		}
	}
	if n == 0 {
		return "", nil, false
	}
	if len(pos) > 0 && pos[len(pos)-1] == n {
		pos = pos[:len(pos)-1] // a trailing hyphen
	}
	return b.String(), pos, true
}
