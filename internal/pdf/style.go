package pdf

import "strings"

// rgb is a colour.
type rgb struct{ r, g, b uint8 }

// The palette: near-black text, grey furniture, a dark blue for links that
// still reads as text when printed in greyscale.
var (
	colorText   = rgb{0x11, 0x11, 0x11}
	colorHead   = rgb{0x11, 0x11, 0x11}
	colorMuted  = rgb{0x5f, 0x5f, 0x5f}
	colorLink   = rgb{0x1d, 0x3f, 0x7a}
	colorAccent = rgb{0x9a, 0x2a, 0x1f}
	colorRule   = rgb{0xa0, 0xa0, 0xa0}
	colorCodeBG = rgb{0xf2, 0xf2, 0xf0}
	colorMarker = rgb{0x80, 0x80, 0x80}
)

// family is a type family: serif body, sans furniture and headings, mono
// code.
type family int

const (
	serif family = iota
	sans
	mono
)

// faceOf returns the face of a family in a weight and slant. Mono has one
// face.
func faceOf(fam family, bold, italic bool) face {
	switch fam {
	case sans:
		switch {
		case bold && italic:
			return faceSansBoldItalic
		case bold:
			return faceSansBold
		case italic:
			return faceSansItalic
		}
		return faceSans
	case mono:
		return faceMono
	}
	switch {
	case bold && italic:
		return faceSerifBoldItalic
	case bold:
		return faceSerifBold
	case italic:
		return faceSerifItalic
	}
	return faceSerif
}

// textStyle is everything about how a piece of text is drawn. linebreak
// sees it as an opaque int: an index into layout.styles.
type textStyle struct {
	face  face
	size  float64
	color rgb
	// rise lifts the baseline (superscripts), in points.
	rise float64
	// tracking is extra space after every character, in points.
	tracking float64
	strike   bool
	// link is an external URL the text links to.
	link string
	// dest is the anchor an internal link goes to; anchor is the anchor
	// this text defines (a note reference's back-link target). 0: none.
	dest, anchor int
	// actual is the text the drawn text stands for (ActualText), for a
	// visible marker replacing a character no font has.
	actual string
}

// style interns st and returns its index.
func (l *layout) style(st textStyle) int {
	if i, ok := l.styleIdx[st]; ok {
		return i
	}
	l.styles = append(l.styles, st)
	l.styleIdx[st] = len(l.styles) - 1
	l.loader.ask(st.face)
	return len(l.styles) - 1
}

// Width measures s in style: it is the linebreak.Measurer of every
// paragraph.
func (l *layout) Width(style int, s string) float64 {
	st := &l.styles[style]
	var w float64
	if sf := shapedFont(st.face); sf != nil {
		w = l.fonts.shapedWidth(st.face, sf, s) * st.size / 1000
	} else {
		w = float64(l.fonts.metrics(st.face).stringWidth(s)) * st.size / 1000
	}
	if st.tracking != 0 {
		n := 0
		for range s {
			n++
		}
		w += float64(n) * st.tracking
	}
	return w
}

// invisible reports whether s holds a rune that is measured as nothing
// and never drawn.
func invisible(r rune) bool { return r == softHyphen || r == zeroWidthSpace }

// stripInvisible removes soft hyphens and zero-width spaces.
func stripInvisible(s string) string {
	if !strings.Contains(s, "\u00ad") && !strings.Contains(s, "\u200b") {
		return s // strings.Contains is a fast byte search; ContainsAny of non-ASCII is not
	}
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
}

// span is the style of running text as inlines nest: family, weight,
// slant, size, colour and link.
type span struct {
	fam          family
	bold, italic bool
	strike       bool
	size         float64
	color        rgb
	tracking     float64
	link         string
	dest         int
}

func (s span) face() face { return faceOf(s.fam, s.bold, s.italic) }

func (s span) textStyle() textStyle {
	return textStyle{face: s.face(), size: s.size, color: s.color, strike: s.strike,
		link: s.link, dest: s.dest, tracking: s.tracking}
}
