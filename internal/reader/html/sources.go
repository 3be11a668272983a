package html

import (
	"slices"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/offprint/offprint/internal/picture"
)

// preferredWidth is the width, in pixels, offprint aims for when a page
// offers an image in several sizes: 8 inches at 300 dpi, the size
// picture.Fit scales down to, so that a print is sharp and nothing larger
// than needed is fetched.
const preferredWidth = picture.DefaultMaxEdge

// assumedWidth is the CSS width an image with density descriptors (1x,
// 2x) but no width attribute is taken to have: a column of text.
const assumedWidth = 800

// lazySources are the attributes lazy-loading scripts keep the real
// address of an image in, most common first, while src holds a
// placeholder (a blurred thumbnail, a 1×1 GIF or nothing).
var lazySources = []string{
	"data-src", "data-original", "data-lazy-src", "data-lazy", "datasrc",
	"data-hi-res-src", "data-full-src", "data-url", "data-echo",
}

// lazySrcsets are the attributes lazy-loading scripts keep a srcset in.
var lazySrcsets = []string{"data-srcset", "data-lazy-srcset", "data-original-set"}

// imageSources are the references of one image: refs, best first, are
// tried everywhere (data, local files, the archive, then the network);
// others are the remaining candidates of its srcsets, tried only where
// no request is made (a saved page keeps only the candidate its browser
// showed).
type imageSources struct {
	refs   []string
	others []string
}

// srcsetCandidate is one image candidate of a srcset: its URL and its
// width (unit "w") or pixel density ("x").
type srcsetCandidate struct {
	url   string
	value float64
	unit  string
}

// pixels is the width in pixels the candidate is taken to have: its
// width descriptor, or its density times the image's CSS width.
func (c srcsetCandidate) pixels(cssWidth int) float64 {
	if c.unit == "w" {
		return c.value
	}
	return c.value * float64(cssWidth)
}

// findSources lists the references of an img or picture element (img is
// the picture's img, nil if it has none). The best is the candidate of
// all srcsets, the img's and those of the picture's <source> elements of
// a type offprint embeds, that is widest up to preferredWidth (or the
// narrowest when all are wider); a <source> for narrow screens only
// (media="(max-width: …)") offers a crop for phones and is passed over.
// Then come the lazy-loading attributes and src, which is skipped when
// it is a tiny data: placeholder and anything else is there.
func findSources(n, img *xhtml.Node) imageSources {
	var s imageSources
	seen := map[string]bool{}
	add := func(list *[]string, ref string) {
		ref = strings.TrimSpace(ref)
		if ref == "" || strings.HasPrefix(ref, "#") || seen[ref] {
			return
		}
		seen[ref] = true
		*list = append(*list, ref)
	}
	cssWidth := assumedWidth
	var cands []srcsetCandidate
	collect := func(e *xhtml.Node) {
		for _, k := range append([]string{"srcset"}, lazySrcsets...) {
			cands = append(cands, parseSrcset(attr(e, k))...)
		}
	}
	if n.DataAtom == atom.Picture {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode && c.DataAtom == atom.Source && embeddable(attr(c, "type")) && !narrowOnly(attr(c, "media")) {
				collect(c)
			}
		}
	}
	if img != nil {
		if w, ok := pixelAttr(img, "width"); ok && w > 0 {
			cssWidth = w
		}
		collect(img)
	}
	if best := bestCandidate(cands, cssWidth); best >= 0 {
		add(&s.refs, cands[best].url)
	}
	if img != nil {
		for _, k := range lazySources {
			add(&s.refs, attr(img, k))
		}
		src := attr(img, "src")
		if !placeholder(src) || len(s.refs) == 0 {
			add(&s.refs, src)
		}
	}
	// The other candidates, widest first.
	slices.SortStableFunc(cands, func(a, b srcsetCandidate) int {
		pa, pb := a.pixels(cssWidth), b.pixels(cssWidth)
		switch {
		case pa > pb:
			return -1
		case pa < pb:
			return 1
		}
		return 0
	})
	for _, c := range cands {
		add(&s.others, c.url)
	}
	return s
}

// placeholder reports whether an img's src is a lazy-loading
// placeholder: a tiny data: URI (a 1×1 GIF, an SVG box).
func placeholder(src string) bool {
	src = strings.TrimSpace(src)
	return strings.HasPrefix(strings.ToLower(src), "data:") && len(src) <= 200
}

// narrowOnly reports whether a <source media> query selects narrow
// screens only: a max-width condition and no min-width one.
func narrowOnly(media string) bool {
	m := strings.ToLower(media)
	return strings.Contains(m, "max-width") && !strings.Contains(m, "min-width")
}

// embeddable reports whether a <source type> is a format offprint embeds;
// a source without a type may be.
func embeddable(mediaType string) bool {
	return strings.TrimSpace(mediaType) == "" || picture.Supported(mediaType)
}

// pixelAttr parses a width or height attribute given in pixels ("640",
// "640px"); a percentage or anything else is not known.
func pixelAttr(n *xhtml.Node, key string) (int, bool) {
	v := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(attr(n, key))), "px")
	if i := strings.IndexByte(v, '.'); i > 0 { // "640.5"
		v = v[:i]
	}
	px, err := strconv.Atoi(v)
	if err != nil || px < 0 {
		return 0, false
	}
	return px, true
}

// parseSrcset splits a srcset the way the HTML standard does: a URL is a
// run of non-space characters (commas inside it are kept, a trailing comma
// ends the candidate), followed by optional descriptors up to a comma.
func parseSrcset(srcset string) []srcsetCandidate {
	var cs []srcsetCandidate
	s := srcset
	for {
		s = strings.TrimLeft(s, " \t\n\r\f,")
		if s == "" {
			return cs
		}
		end := strings.IndexAny(s, " \t\n\r\f")
		if end < 0 {
			end = len(s)
		}
		u, rest := s[:end], s[end:]
		var desc string
		if trimmed := strings.TrimRight(u, ","); trimmed != u {
			u = trimmed
		} else if i := strings.IndexByte(rest, ','); i >= 0 {
			desc, rest = rest[:i], rest[i+1:]
		} else {
			desc, rest = rest, ""
		}
		s = rest
		c := srcsetCandidate{url: u, value: 1, unit: "x"}
		for _, d := range strings.Fields(desc) {
			if n := len(d) - 1; n > 0 && (d[n] == 'w' || d[n] == 'x') {
				if v, err := strconv.ParseFloat(d[:n], 64); err == nil && v > 0 {
					c.value, c.unit = v, d[n:]
				}
			}
		}
		cs = append(cs, c)
	}
}

// bestCandidate returns the index of the candidate widest up to
// preferredWidth pixels, counting a density descriptor against cssWidth
// (or, when all are wider, of the narrowest), or -1 when there are none.
// The first of equally wide candidates wins.
func bestCandidate(cs []srcsetCandidate, cssWidth int) int {
	best, narrowest := -1, -1
	for i, c := range cs {
		px := c.pixels(cssWidth)
		if px <= preferredWidth && (best < 0 || px > cs[best].pixels(cssWidth)) {
			best = i
		}
		if narrowest < 0 || px < cs[narrowest].pixels(cssWidth) {
			narrowest = i
		}
	}
	if best < 0 {
		return narrowest
	}
	return best
}

// bestSrcset chooses from a srcset as bestCandidate does for an image
// assumedWidth pixels wide.
func bestSrcset(srcset string) string {
	cs := parseSrcset(srcset)
	if i := bestCandidate(cs, assumedWidth); i >= 0 {
		return cs[i].url
	}
	return ""
}
