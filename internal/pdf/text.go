package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/linebreak"
	"golang.org/x/text/unicode/norm"
)

// runs converts inlines to linebreak runs set in sp.
func (l *layout) runs(ins []article.Inline, sp span) []linebreak.Run {
	var rs []linebreak.Run
	l.appendInlines(&rs, ins, sp)
	return rs
}

// plainRuns converts plain text to runs set in sp.
func (l *layout) plainRuns(s string, sp span, noHyphenate bool) []linebreak.Run {
	var rs []linebreak.Run
	l.appendText(&rs, s, sp, noHyphenate)
	return rs
}

func (l *layout) appendInlines(rs *[]linebreak.Run, ins []article.Inline, sp span) {
	for _, in := range ins {
		switch x := in.(type) {
		case *article.Text:
			l.appendText(rs, x.Text, sp, sp.fam == mono)
		case *article.Emphasis:
			s := sp
			s.italic = !s.italic // emphasis inside italics is set upright
			l.appendInlines(rs, x.Inlines, s)
		case *article.Strong:
			s := sp
			s.bold = true
			l.appendInlines(rs, x.Inlines, s)
		case *article.Strike:
			s := sp
			s.strike = true
			l.appendInlines(rs, x.Inlines, s)
		case *article.Code:
			s := sp
			if s.fam != mono {
				s.fam, s.bold, s.italic = mono, false, false
				s.size = sp.size * monoScale
			}
			l.appendText(rs, x.Text, s, true)
		case *article.Link:
			s := sp
			if u := linkTarget(x.URL); u != "" {
				s.link = u
				s.color = colorLink
			}
			l.appendInlines(rs, x.Inlines, s)
		case *article.LineBreak:
			*rs = append(*rs, linebreak.Run{Break: true})
		case *article.NoteRef:
			l.appendNoteRef(rs, x.ID, sp)
		}
	}
}

// monoScale is the size of monospaced text relative to the text around it:
// PT Mono is wide and dark beside PT Serif.
const monoScale = 0.88

// appendNoteRef appends a note's number as a superscript that links to the
// note; the first reference to a note is where the note links back to.
func (l *layout) appendNoteRef(rs *[]linebreak.Run, id string, sp span) {
	n := l.art.notes[id]
	if n == nil {
		return
	}
	st := textStyle{face: faceSerif, size: sp.size * 0.68, rise: sp.size * 0.36, color: colorLink, dest: n.anchor}
	if n.refAnchor == 0 {
		n.refAnchor = l.newAnchor()
		st.anchor = n.refAnchor
	}
	*rs = append(*rs, linebreak.Run{Text: strconv.Itoa(n.num), Style: l.style(st), NoHyphenate: true})
}

// linkTarget returns the URL a link may point to in the PDF, or "" for a
// link that cannot work there (a fragment of the original page, a
// javascript: URL) or whose address is longer than article.MaxLinkURL: its
// text is then set plain. Non-ASCII bytes are percent-encoded: a PDF URI is
// ASCII.
func linkTarget(u string) string {
	u = strings.TrimSpace(u)
	if len(u) > article.MaxLinkURL {
		return ""
	}
	lower := strings.ToLower(u)
	ok := false
	for _, scheme := range []string{"http://", "https://", "mailto:", "ftp://"} {
		if strings.HasPrefix(lower, scheme) {
			ok = true
		}
	}
	if !ok {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// appendText appends s set in sp, resolving every character to a face that
// has it: sp's face, the regular face of sp's family, PT Serif, PT Sans,
// the fallback font; a character none of them has becomes a visible marker
// "[U+1F61A]" whose ActualText is the character, and is reported once per
// document by Write.
func (l *layout) appendText(rs *[]linebreak.Run, s string, sp span, noHyphenate bool) {
	if s == "" {
		return
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	if !noHyphenate {
		s = thaiBreaks(cjkBreaks(s)) // cjkbreak.go, thaibreak.go
	}
	base := sp.textStyle()
	var byFace [numFaces]int // style index of base in each face, +1
	styleIn := func(f face) int {
		if byFace[f] == 0 {
			st := base
			st.face = f
			byFace[f] = l.style(st) + 1
		}
		return byFace[f] - 1
	}
	var buf strings.Builder
	cur := -1 // style of buf
	flush := func() {
		if buf.Len() > 0 {
			*rs = append(*rs, linebreak.Run{Text: buf.String(), Style: cur, NoHyphenate: noHyphenate})
			buf.Reset()
		}
	}
	put := func(style int, r rune) {
		if style != cur {
			flush()
			cur = style
		}
		buf.WriteRune(r)
	}
	for _, r := range s {
		r, ok := cleanRune(r)
		if !ok {
			continue
		}
		if r == softHyphen || r == zeroWidthSpace || r == zwnj || r == zwj {
			if cur < 0 {
				cur = styleIn(base.face)
			}
			buf.WriteRune(r)
			continue
		}
		if f, ok := l.faceFor(base.face, sp.fam, r); ok {
			put(styleIn(f), r)
			continue
		}
		if unicode.Is(unicode.Zs, r) {
			put(styleIn(base.face), ' ')
			continue
		}
		flush()
		if n := len(*rs); n > 0 && l.styles[(*rs)[n-1].Style].actual != "" {
			// consecutive markers may break between them
			*rs = append(*rs, linebreak.Run{Text: string(zeroWidthSpace), Style: (*rs)[n-1].Style, NoHyphenate: true})
		}
		cur = -1
		l.missing(r)
		st := base
		st.face, st.size, st.color, st.strike, st.tracking = faceMono, sp.size*0.8, colorMarker, false, 0
		st.actual = string(r)
		*rs = append(*rs, linebreak.Run{Text: marker(r), Style: l.style(st), NoHyphenate: true})
	}
	flush()
}

// marker is the visible stand-in for a character no font has.
func marker(r rune) string { return fmt.Sprintf("[U+%04X]", r) }

// Invisible break opportunities: linebreak breaks at them and removes them
// from the lines it sets.
const (
	softHyphen     = '\u00ad'
	zeroWidthSpace = '\u200b'
)

// cleanRune maps line and paragraph separators and tabs to a space and
// drops control and format characters (soft hyphens, zero-width spaces,
// bidi marks, BOMs), which are not drawn. ok is false for a dropped rune.
func cleanRune(r rune) (rune, bool) {
	switch {
	case r >= 0x20 && r < 0x7f:
		return r, true
	case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x2028 || r == 0x2029 || r == 0x85:
		return ' ', true
	case r == softHyphen || r == zeroWidthSpace:
		return r, true // break opportunities for linebreak, never drawn
	case r == zwnj || r == zwj:
		return r, true // shaping controls (scripts.go), drawn by shaped faces alone
	case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r):
		return 0, false
	case r >= 0xD800 && r < 0xE000:
		return 0, false
	}
	return r, true
}

// faceFor returns the face that draws r, trying f first (fontSet.faceFor).
func (l *layout) faceFor(f face, fam family, r rune) (face, bool) { return l.fonts.faceFor(f, fam, r) }

// missing records a character no font has.
func (l *layout) missing(r rune) {
	if l.missingSet[r] {
		return
	}
	l.missingSet[r] = true
	l.missingRunes = append(l.missingRunes, r)
}

// missingWarning is the one warning about characters no font has, or "".
func (l *layout) missingWarning() string {
	if len(l.missingRunes) == 0 {
		return ""
	}
	const show = 12
	var parts []string
	for i, r := range l.missingRunes {
		if i == show {
			parts = append(parts, fmt.Sprintf("and %d more", len(l.missingRunes)-show))
			break
		}
		parts = append(parts, fmt.Sprintf("%c U+%04X", r, r))
	}
	where := "the fonts"
	if l.fonts.hasFallback() {
		where = "the fonts or the fallback font"
	}
	noun := "characters"
	if len(l.missingRunes) == 1 {
		noun = "character"
	}
	msg := fmt.Sprintf("pdf: %d %s not in %s: %s; drawn as [U+XXXX] (copied text keeps the character)",
		len(l.missingRunes), noun, where, strings.Join(parts, ", "))
	astral := false
	for _, r := range l.missingRunes {
		astral = astral || r > 0xFFFF
	}
	if astral && !l.fonts.hasFallback() {
		msg += "; --fallback-font can supply other characters, but not emoji or others above U+FFFF"
	} else if !l.fonts.hasFallback() {
		msg += "; --fallback-font can supply them"
	}
	return msg
}
