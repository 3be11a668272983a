package hyph

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Hyphenator finds hyphenation points with one set of patterns. It is
// immutable and safe for concurrent use. Make one with New or ForLanguage;
// the zero Hyphenator finds no points.
type Hyphenator struct {
	trie *trie
	// exceptions maps a lowercased word to the number of letters before
	// each allowed break.
	exceptions  map[string][]int
	left, right int
	// foldYo matches "ё" as "е", for pattern sets that never mention "ё".
	foldYo bool
	// other, when not nil, hyphenates the runs of letters that hold a
	// character of otherScript, with its own patterns and minimums: a
	// language written in two scripts (Serbian) or two spellings (Greek).
	other       *Hyphenator
	otherScript *unicode.RangeTable
}

// withOther returns a copy of h that hyphenates the runs of letters that
// hold a character of script with o instead.
func (h *Hyphenator) withOther(o *Hyphenator, script *unicode.RangeTable) *Hyphenator {
	c := *h
	c.other, c.otherScript = o, script
	return &c
}

// Minimums returns the fewest letters kept before (left) and after (right)
// a hyphen.
func (h *Hyphenator) Minimums() (left, right int) { return h.left, h.right }

// WithMinimums returns a copy of h that keeps at least left letters before
// and right letters after every hyphen. Values below 1 are taken as 1.
func (h *Hyphenator) WithMinimums(left, right int) *Hyphenator {
	c := *h
	c.left, c.right = max(left, 1), max(right, 1)
	if h.other != nil {
		c.other = h.other.WithMinimums(left, right)
	}
	return &c
}

// WithExceptions returns a copy of h that hyphenates the given words only
// where they are marked with "-": "ta-ble", "pro-ject", or "offprint" for a
// word never to break. Matching ignores case. Entries holding anything but
// letters and hyphens are ignored. h itself is unchanged.
func (h *Hyphenator) WithExceptions(words ...string) *Hyphenator {
	c := *h
	c.exceptions = make(map[string][]int, len(h.exceptions)+len(words))
	for k, v := range h.exceptions {
		c.exceptions[k] = v
	}
	for _, w := range words {
		if key, pos, ok := exception(w, h.fold); ok {
			c.exceptions[key] = pos
		}
	}
	if h.other != nil {
		c.other = h.other.WithExceptions(words...)
	}
	return &c
}

// Hyphenate returns word with sep inserted at every hyphenation point.
func (h *Hyphenator) Hyphenate(word, sep string) string {
	pts := h.Points(word)
	if len(pts) == 0 {
		return word
	}
	var b strings.Builder
	b.Grow(len(word) + len(pts)*len(sep))
	last := 0
	for _, p := range pts {
		b.WriteString(word[last:p])
		b.WriteString(sep)
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}

// MaxLetters is the longest run of letters Points hyphenates, as in TeX: a
// longer run is no word of any language but a string of letters (a key, a
// base64 blob, a joke), which is better broken anywhere than at patterns'
// guesses, and is skipped without allocating, however long it is.
const MaxLetters = 63

// Points returns the byte offsets in word where a hyphen may be inserted,
// in increasing order, or nil. A break at offset i splits word into
// word[:i] and word[i:].
//
// Only letters are hyphenated: any other character (an apostrophe, a digit,
// a hyphen, punctuation) splits word into runs of letters, each hyphenated
// on its own with the left and right minimums; a run of more than
// MaxLetters letters is not hyphenated. Case is ignored. A combining mark
// stays with its letter. A Hyphenator for a language written in two
// scripts or spellings (Serbian, Greek) hyphenates each run with the
// patterns of its script or spelling.
func (h *Hyphenator) Points(word string) []int {
	if h == nil || h.trie == nil {
		return nil
	}
	var small [16]int // most words have fewer breaks: one allocation, exact
	out := small[:0]
	for i := 0; i < len(word); {
		r, size := utf8.DecodeRuneInString(word[i:])
		if !isLetter(r) {
			i += size
			continue
		}
		start, n, marks := i, 0, false
		for i < len(word) {
			r, size = utf8.DecodeRuneInString(word[i:])
			if isLetter(r) {
				n++
			} else if unicode.Is(unicode.Mn, r) {
				marks = true
			} else {
				break
			}
			i += size
		}
		hh := h
		if h.other != nil && h.inOther(word[start:i]) {
			hh = h.other
		}
		if n >= hh.left+hh.right && n <= MaxLetters && hh.trie != nil {
			out = hh.run(word[start:i], start, n, marks, out)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return slices.Clip(slices.Clone(out))
}

// inOther reports whether run holds a character of h.otherScript.
func (h *Hyphenator) inOther(run string) bool {
	for _, r := range run {
		if unicode.Is(h.otherScript, r) {
			return true
		}
	}
	return false
}

// run appends to out the breaks in run, a run of n <= MaxLetters letters
// at offset start of the word; marks tells whether the run holds combining
// marks. Its arrays are on the stack.
func (h *Hyphenator) run(run string, start, n int, marks bool, out []int) []int {
	var symArray, ptsArray [MaxLetters + 3]uint8
	var keyArray [4 * (MaxLetters + 1)]byte
	syms, key := symArray[:0], keyArray[:0]
	dot := h.trie.symbol('.')
	syms = append(syms, dot)
	for i := 0; i < len(run); {
		r, size := h.letter(run[i:], marks)
		r = h.fold(lower(r))
		syms = append(syms, h.trie.symbol(r))
		if len(h.exceptions) > 0 {
			key = utf8.AppendRune(key, r)
		}
		i += size
	}
	syms = append(syms, dot)

	// pts[k] is the value before the k-th symbol of the dotted word, so the
	// break after the j-th letter is pts[j+1].
	pts := ptsArray[:n+3]
	if pos, ok := h.exception(key); ok {
		for _, p := range pos {
			if p < n {
				pts[p+1] = 1
			}
		}
	} else {
		h.trie.match(syms, pts)
	}

	j := 0 // letters before offset i
	for i := 0; i < len(run); j++ {
		if j >= h.left && j <= n-h.right && pts[j+1]&1 == 1 {
			out = append(out, start+i)
		}
		_, size := h.letter(run[i:], marks)
		i += size
	}
	return out
}

// exception returns the breaks listed for the lowercased word key.
func (h *Hyphenator) exception(key []byte) (pos []int, ok bool) {
	if len(h.exceptions) == 0 {
		return nil, false
	}
	pos, ok = h.exceptions[string(key)]
	return pos, ok
}

// letter decodes the letter at the start of s with the combining marks
// that follow it, composed when possible. size covers the marks too.
func (h *Hyphenator) letter(s string, marks bool) (r rune, size int) {
	r, size = utf8.DecodeRuneInString(s)
	if !marks {
		return r, size
	}
	end := size
	for end < len(s) {
		m, msize := utf8.DecodeRuneInString(s[end:])
		if !unicode.Is(unicode.Mn, m) {
			break
		}
		end += msize
	}
	if end > size {
		if c := norm.NFC.String(s[:end]); utf8.RuneCountInString(c) == 1 {
			r, _ = utf8.DecodeRuneInString(c)
		}
	}
	return r, end
}

// fold maps a lowercased letter to the letter the patterns use for it.
func (h *Hyphenator) fold(r rune) rune {
	if h.foldYo && r == 'ё' {
		return 'е'
	}
	return r
}

// isLetter reports whether r can be part of a hyphenated word.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// lower lowercases a letter, quickly for ASCII.
func lower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}
