package pdf

// mm is one millimetre in points.
const mm = 72 / 25.4

// geometry is the page design for one paper and body size, in points,
// y measured down from the top edge.
type geometry struct {
	pageW, pageH float64
	// left and right are the x of the text block's edges; top and bottom
	// the y of its top and bottom.
	left, right, top, bottom float64
	// header is false on compact pages (no running header).
	header bool
	// headerY and footerY are the baselines of the running header and the
	// footer; furniture is their font size.
	headerY, footerY, furniture float64
	// size and leading are the body text's size and baseline distance.
	size, leading float64
	compact       bool
}

// width is the measure: the text block's width.
func (g *geometry) width() float64 { return g.right - g.left }

// height is the text block's height.
func (g *geometry) height() float64 { return g.bottom - g.top }

// defaultFontSize is the body size for a paper: 10.5 pt on A4 and Letter,
// 10 pt on A5, 9.5 pt on an e-reader page.
func defaultFontSize(p Paper) float64 {
	switch {
	case p.Width >= 180:
		return 10.5
	case p.Width >= 130:
		return 10
	default:
		return 9.5
	}
}

// newGeometry designs the page: a measure of at most about 34 ems
// (65–75 characters) centred on the page, margins in proportion to the
// paper, a running header and footer in the top and bottom margins.
func newGeometry(p Paper, size float64) geometry {
	g := geometry{pageW: p.Width * mm, pageH: p.Height * mm, size: size}
	g.compact = p.compact()
	g.header = !g.compact
	if g.compact {
		side := max(0.045*g.pageW, 3*mm)
		g.left, g.right = side, g.pageW-side
		g.leading = size * 1.3
		g.furniture = max(size*0.72, 6)
		g.top = max(0.04*g.pageH, 3*mm)
		g.footerY = g.pageH - max(0.035*g.pageH, 3*mm)
		g.bottom = g.footerY - g.furniture - 0.9*g.leading
		return g
	}
	g.leading = size * 1.36
	measure := min(34*size, g.pageW*0.8)
	side := max((g.pageW-measure)/2, 0.1*g.pageW)
	g.left, g.right = side, g.pageW-side
	g.furniture = max(size*0.76, 7)
	g.top = 0.085 * g.pageH
	g.headerY = g.top - max(2.2*g.leading, 0.028*g.pageH)
	g.bottom = g.pageH - 0.095*g.pageH
	g.footerY = g.bottom + max(2.2*g.leading, 0.03*g.pageH)
	return g
}
