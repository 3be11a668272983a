package html

import (
	"net/url"
	"path"
	"strings"
	"unicode"

	xhtml "golang.org/x/net/html"

	"github.com/offprint/offprint/article"
)

// minSide is the smallest side, in pixels, of a picture: an image stated
// or found to be narrower or lower is a separator, a spacer or a tracking
// pixel, and leaves nothing.
const minSide = 4

// decoration reports whether an img is no picture of the article: stated
// to be tiny by its width or height attribute (a 2-pixel rule, a 1×1
// spacer, width and height 0), or addressed like a tracking pixel or a
// spacer file.
func decoration(img *xhtml.Node) bool {
	zeros := 0
	for _, k := range []string{"width", "height"} {
		px, ok := pixelAttr(img, k)
		switch {
		case !ok:
		case px == 0:
			zeros++ // height="0" often means "auto"; both zero, a hidden pixel
		case px < minSide:
			return true
		}
	}
	return zeros == 2 || trackerLike(attr(img, "src"))
}

// spacerNames are the base names of the transparent images old layouts and
// counters use.
var spacerNames = map[string]bool{
	"spacer": true, "blank": true, "pixel": true, "clear": true, "transparent": true,
	"trans": true, "1x1": true, "dot": true, "clearpixel": true, "pixel-tracker": true,
}

// trackerLike reports whether a reference looks like a tracking pixel or
// a spacer: a base name such as spacer.gif or 1x1.png, or a path naming a
// beacon or pixel endpoint.
func trackerLike(ref string) bool {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil || u.Scheme == "data" {
		return false
	}
	p := strings.ToLower(u.Path)
	base := path.Base(p)
	ext := path.Ext(base)
	if spacerNames[strings.TrimSuffix(base, ext)] && (ext == ".gif" || ext == ".png" || ext == "") {
		return true
	}
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "beacon", "pixel", "tracking", "tracker":
			if ext == "" || ext == ".gif" {
				return true
			}
		}
	}
	return false
}

// silentAlt reports whether an image's text alternative is to be ignored
// whatever its alt says: the page marks the image as decoration
// (role="presentation" or "none") or hides it from screen readers
// (aria-hidden="true").
func silentAlt(img *xhtml.Node) bool {
	role := strings.ToLower(strings.TrimSpace(attr(img, "role")))
	return role == "presentation" || role == "none" || strings.EqualFold(strings.TrimSpace(attr(img, "aria-hidden")), "true")
}

// vacantAlts are alt texts that say nothing about the picture.
var vacantAlts = map[string]bool{
	"image": true, "img": true, "photo": true, "picture": true, "pic": true, "graphic": true,
	"thumbnail": true, "thumb": true, "icon": true, "logo": true, "line": true, "spacer": true,
	"separator": true, "divider": true, "banner": true, "placeholder": true, "untitled": true,
	"null": true, "undefined": true, "none": true, "alt": true, "alt text": true, "image description": true,
	"featured image": true, "header image": true, "hero image": true, "main image": true, "article image": true,
	"blank": true, "default": true, "loading": true, "lazy": true, "photograph": true, "foto": true, "bild": true,
}

// imageExtensions are the extensions of a file name given as alt text.
var imageExtensions = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".bmp": true,
	".tif": true, ".tiff": true, ".avif": true, ".heic": true, ".jfif": true,
}

// meaningfulAlt returns an alt text cleaned, or "" when it says nothing:
// empty, a generic word ("image", "line"), a file name or address
// ("05-P1610099.jpg", "https://…"), a camera's serial name ("IMG_1234",
// "DSC01234") or punctuation alone.
func meaningfulAlt(alt string) string {
	alt = clean(alt)
	if alt == "" {
		return ""
	}
	lower := strings.ToLower(alt)
	if vacantAlts[strings.Trim(lower, " .:-_*")] {
		return ""
	}
	if !strings.ContainsFunc(alt, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "data:") {
		return ""
	}
	if imageExtensions[path.Ext(lower)] || !strings.ContainsRune(alt, ' ') && cameraName(alt) {
		return "" // a file name
	}
	return alt
}

// cameraName reports whether a word is a camera's or a phone's file name
// without its extension: letters and an underscore or dash, then digits
// (IMG_1234, DSC01234, P1610099, 05-P1610099, PXL_20230101_123456).
func cameraName(w string) bool {
	digits, letters := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			letters++
		case r == '_' || r == '-':
		default:
			return false
		}
	}
	return digits >= 4 && letters <= 5 && (letters > 0 || digits >= 8) // "1984" is a title
}

// repeats reports whether an alt text says again what a text beside the
// picture says: its words are all (but for one in ten) among the text's,
// and, unless the text is the picture's caption (shown with it, which a
// part of it repeats enough: the caption less its credit), they are at
// least half as many as the text's (the title again, the sentence before
// again; not a name the title mentions).
func repeats(alt, caption string, others ...string) bool {
	words := strings.Fields(matchKey(alt))
	if len(words) == 0 {
		return false
	}
	covered := func(text string, whole bool) bool {
		tw := strings.Fields(matchKey(text))
		if len(tw) == 0 || whole && 2*len(words) < len(tw) {
			return false
		}
		have := make(map[string]bool, len(tw))
		for _, w := range tw {
			have[w] = true
		}
		missing := 0
		for _, w := range words {
			if !have[w] {
				missing++
			}
		}
		return missing*10 <= len(words)
	}
	if covered(caption, false) {
		return true
	}
	for _, t := range others {
		if covered(t, true) {
			return true
		}
	}
	return false
}

// inRunningText reports whether n (an img or picture) stands inside a run
// of text: there is text before it and after it within its paragraph, up
// to the nearest element that is not phrasing content. The mapper makes
// such an image a block of its own, splitting the paragraph in two; when
// the image leaves nothing, the halves are joined again.
func inRunningText(n *xhtml.Node) bool {
	before, after := false, false
	for c := n; c != nil && c.Parent != nil; c = c.Parent {
		if !before {
			before = textBeside(c, func(x *xhtml.Node) *xhtml.Node { return x.PrevSibling })
		}
		if !after {
			after = textBeside(c, func(x *xhtml.Node) *xhtml.Node { return x.NextSibling })
		}
		if before && after {
			return true
		}
		p := c.Parent
		if p.Type != xhtml.ElementNode || !phrasing[p.Data] {
			return false
		}
	}
	return false
}

// textBeside reports whether the siblings of n in one direction hold
// text before an element that is not phrasing content.
func textBeside(n *xhtml.Node, next func(*xhtml.Node) *xhtml.Node) bool {
	for s := next(n); s != nil; s = next(s) {
		switch s.Type {
		case xhtml.TextNode:
			if strings.TrimSpace(s.Data) != "" {
				return true
			}
		case xhtml.ElementNode:
			if s.Data == "br" || !phrasing[s.Data] || skipped[s.Data] {
				return false
			}
			if strings.TrimSpace(textContent(s)) != "" {
				return true
			}
		}
	}
	return false
}

// blockText is the plain text of a paragraph or heading, for comparing an
// alt text with the text beside its picture; other blocks give "".
func blockText(b article.Block) string {
	switch x := b.(type) {
	case *article.Paragraph:
		return article.InlineText(x.Inlines)
	case *article.Heading:
		return article.InlineText(x.Inlines)
	}
	return ""
}
