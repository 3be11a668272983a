package cover

import (
	"image"
	"math"
	"net/url"
	"strings"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/l10n"
)

// The design, in fractions of the cover's width (x) and height (y); font
// sizes are in pixels of a 1600×2560 cover and scale with it.
const (
	marginX = 0.09 // left and right margins

	ruleY       = 0.075 // top of the short rule above the kicker
	ruleH       = 0.006
	ruleW       = 0.11
	kickerGap   = 0.024 // from the rule to the kicker's cap height
	kickerSize  = 68.0
	kickerMin   = 40.0
	kickerTrack = 0.16 // kicker letter-spacing, in ems

	titleTop     = 0.175 // the title's cap height
	titleMax     = 320.0
	titleMin     = 72.0
	titleLeading = 1.08
	titleGap     = 0.045 // between the title box and the author rule

	authorMax     = 100.0
	authorMin     = 52.0
	authorLeading = 1.2
	authorLines   = 3
	authorBox     = 0.12  // the most height the authors take
	authorRuleGap = 0.028 // from the author rule to the authors' cap height
	authorRuleH   = 0.0025
	authorBottom  = 0.055 // from the last author baseline to the band

	bandTop   = 0.895 // the site band runs from here to the bottom
	siteSize  = 58.0
	siteMin   = 36.0
	siteTrack = 0.14
)

// A cover is laid out as a list of rectangles and lines of text, then
// drawn; the layout can be tested without looking at pixels.

// box is a rectangle filled with a solid palette colour.
type box struct {
	r     image.Rectangle
	color uint8
}

// line is a line of text: its baseline starts at (x, y).
type line struct {
	role     string // "kicker", "title", "author" or "site"
	face     *face
	size     float64 // font size in pixels
	x, y     float64
	text     string
	tracking float64 // in ems
	pair     pair
}

// design is a cover laid out.
type design struct {
	boxes []box
	lines []line
}

// fonts are the faces a layout sets text in, sharing one sfnt.Buffer.
type fonts struct {
	title, label, author *face
}

// layout lays out the cover of m on a w×h canvas whose background is the
// scheme's bg colour.
func layout(m *article.Meta, f *fonts, w, h int) *design {
	d := &design{}
	W, H := float64(w), float64(h)
	k := math.Min(W/DefaultWidth, H/DefaultHeight) // font scale
	left := math.Round(W * marginX)
	textW := W - 2*left

	// Top: a short rule and the section as a letter-spaced kicker.
	ry := math.Round(H * ruleY)
	rh := math.Max(2, math.Round(H*ruleH))
	d.boxes = append(d.boxes, box{rect(left, ry, left+math.Round(W*ruleW), ry+rh), iAccent})
	if sec, cut := f.label.clean(l10n.Upper(m.Section, m.Language)); sec != "" {
		b := f.label.fitLine(sec, cut, textW, kickerSize*k, kickerMin*k, kickerTrack)
		y := ry + rh + H*kickerGap + f.label.cap*b.size
		d.lines = append(d.lines, line{"kicker", f.label, b.size, left, y, b.lines[0], kickerTrack, accentOnBg})
	}

	// Bottom: the band with the site name.
	by := math.Round(H * bandTop)
	d.boxes = append(d.boxes, box{rect(0, by, W, H), iAccent})
	if site, cut := f.label.clean(l10n.Upper(siteName(m), m.Language)); site != "" {
		b := f.label.fitLine(site, cut, textW, siteSize*k, siteMin*k, siteTrack)
		y := by + (H-by+f.label.cap*b.size)/2
		d.lines = append(d.lines, line{"site", f.label, b.size, left, y, b.lines[0], siteTrack, bandOnBand})
	}

	// Above the band: the authors under a thin rule, set from the bottom up.
	titleBottom := by - H*authorBottom
	if names, cut := authors(f.author, m.Authors); names != "" {
		sp := fitSpec{width: textW, height: H * authorBox, maxSize: authorMax * k, minSize: authorMin * k,
			leading: authorLeading, maxLines: authorLines, balance: true}
		b := f.author.fit(names, cut, sp)
		last := by - H*authorBottom
		first := last - authorLeading*b.size*float64(len(b.lines)-1)
		for i, s := range b.lines {
			y := first + authorLeading*b.size*float64(i)
			d.lines = append(d.lines, line{"author", f.author, b.size, left, y, s, 0, accentOnBg})
		}
		rt := math.Round(first - f.author.cap*b.size - H*authorRuleGap)
		d.boxes = append(d.boxes, box{rect(left, rt-math.Max(1, math.Round(H*authorRuleH)), W-left, rt), iAccent})
		titleBottom = rt - H*titleGap
	}

	// The title, as large as fits between the kicker and the authors.
	if title, cut := f.title.clean(m.Title); title != "" {
		top := H * titleTop
		sp := fitSpec{width: textW, height: titleBottom - top, maxSize: titleMax * k, minSize: titleMin * k,
			leading: titleLeading, balance: true}
		b := f.title.fit(title, cut, sp)
		y := top + f.title.cap*b.size
		for _, s := range b.lines {
			d.lines = append(d.lines, line{"title", f.title, b.size, left, y, s, 0, inkOnBg})
			y += titleLeading * b.size
		}
	}
	return d
}

func rect(x0, y0, x1, y1 float64) image.Rectangle {
	return image.Rect(int(x0), int(y0), int(x1), int(y1))
}

// authors returns the clean names of the authors, joined by commas.
func authors(fc *face, names []string) (s string, cut bool) {
	var b strings.Builder
	for _, name := range names {
		name, nameCut := fc.clean(name)
		if name == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(name)
		if nameCut || b.Len() > 4*maxRunes {
			return b.String(), true
		}
	}
	return b.String(), false
}

// siteName returns the publication's name, or failing that the host of
// the source address without "www.".
func siteName(m *article.Meta) string {
	if s := strings.TrimSpace(m.SiteName); s != "" {
		return s
	}
	if u, err := url.Parse(m.SourceURL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return ""
}
