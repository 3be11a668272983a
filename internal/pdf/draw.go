package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/jung-kurt/gofpdf"
)

// docInfo is the document's metadata.
type docInfo struct {
	title, author, subject, keywords, creator, producer string
	date                                                time.Time
	compress                                            bool
	lang                                                string // the document's language, for the catalog's /Lang
}

// fontKey is the family name a face is registered under in gofpdf. gofpdf
// names a font "utf8"+key in the PDF; the key is as long as the subset
// name "ABCDEF+PSName" less "utf8", so that subsetNames can put the
// subset name in its place without moving a byte.
func fontKey(f face, ps string) string {
	prefix := "op"
	if f == faceFallback {
		prefix = "oq"
	}
	return prefix + strings.ToLower(ps) + "z"
}

// drawer draws a layout with gofpdf.
type drawer struct {
	l     *layout
	pdf   *gofpdf.Fpdf
	links []int // gofpdf link identifiers by anchor
	// uris are the external addresses links go to, each once, and uriIndex
	// their places in it: gofpdf is given a short stand-in for each
	// (uriToken), which finish replaces by a reference to one action
	// object per address, so that a link broken over many lines does not
	// repeat its address in every line's annotation.
	uris     []string
	uriIndex map[string]int
	used     [numFaces]*runeSet
	// current graphics state, to skip redundant operators
	curStyle int
	// fill is the fill colour, which text is drawn in too: gofpdf wraps
	// every piece of text whose colour differs from the fill colour in
	// its own "q … rg … Q".
	fill       rgb
	fillSet    bool
	tobj       textObject // rawText's open text object
	num        []byte
	registered map[*imageData]bool
	failed     map[*imageData]bool
	warn       []string
	glyphText  map[face]*glyphText // right-to-left shaped faces (shapedmap.go)
}

// draw renders the laid-out pages with gofpdf and writes the PDF to w,
// through finish. It consumes the pages: each page's items are dropped
// once drawn. It returns warnings about images left out.
func (l *layout) draw(w io.Writer, info docInfo) ([]string, error) {
	g := l.g
	// The faces the pages use, and no others: gofpdf embeds every font it
	// is given.
	var faces [numFaces]bool
	for _, p := range l.pages {
		for _, it := range p.items {
			if it.kind == kText {
				faces[l.styles[it.style].face] = true
			}
		}
	}
	var pdf *gofpdf.Fpdf
	if l.loader != nil {
		var added [numFaces]bool
		pdf, added = l.loader.wait()
		l.loader = nil
		if l.preloaded = added == faces; !l.preloaded {
			pdf = nil
		}
	}
	if pdf == nil {
		pdf = newDocument(g)
		for f := face(0); f < numFaces; f++ {
			if faces[f] {
				addFace(pdf, f, l.fonts.metrics(f))
			}
		}
	}
	pdf.SetCompression(false) // finish compresses
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(info.date)
	pdf.SetModificationDate(info.date)
	pdf.SetTitle(infoText(info.title), false)
	if info.author != "" {
		pdf.SetAuthor(infoText(info.author), false)
	}
	if info.subject != "" {
		pdf.SetSubject(infoText(info.subject), false)
	}
	if info.keywords != "" {
		pdf.SetKeywords(infoText(info.keywords), false)
	}
	pdf.SetCreator(infoText(info.creator), false)
	pdf.SetProducer(infoText(info.producer), false)
	pdf.SetDisplayMode("default", "OneColumn")

	d := &drawer{l: l, pdf: pdf, curStyle: -1, registered: map[*imageData]bool{}, failed: map[*imageData]bool{}}

	first := face(-1)
	for f := face(0); f < numFaces; f++ {
		if faces[f] {
			d.used[f] = new(runeSet)
			if first < 0 {
				first = f
			}
		}
	}
	if first < 0 {
		return nil, fmt.Errorf("pdf: nothing to draw")
	}
	d.links = make([]int, l.anchors+1)
	for i := 1; i <= l.anchors; i++ {
		d.links[i] = pdf.AddLink()
	}
	for i, p := range l.pages {
		pdf.AddPage()
		if i == 0 {
			// a UTF-8 font must be current for Bookmark to encode titles
			pdf.SetFont(fontKey(first, l.fonts.metrics(first).psName), "", g.size)
			d.curStyle = -1
		}
		for _, it := range p.items {
			d.item(it, i+1)
		}
		d.flushText()
		p.items = nil // drawn: gofpdf has it now
	}
	if err := pdf.Error(); err != nil {
		return d.warn, fmt.Errorf("pdf: %w", err)
	}
	fin := &finisher{w: w, fin: finishing{compress: info.compress, parallel: !l.serial, renames: d.subsetNames(), lang: info.lang, uris: d.uris, toUnicode: d.toUnicode()}}
	if err := pdf.Output(fin); err != nil {
		if fin.err != nil {
			return d.warn, fin.err
		}
		return d.warn, fmt.Errorf("pdf: %w", err)
	}
	return d.warn, fin.close()
}

func (d *drawer) item(it item, pageNo int) {
	pdf := d.pdf
	switch it.kind {
	case kText:
		d.text(it)
	case kLine:
		d.flushText()
		d.setDraw(it.color)
		pdf.SetLineWidth(it.lw)
		pdf.Line(it.x, it.y, it.x+it.w, it.y+it.h)
	case kRect:
		d.flushText()
		d.setFill(it.color)
		pdf.Rect(it.x, it.y, it.w, it.h, "F")
	case kImage:
		d.flushText()
		d.image(it)
	case kLink:
		if it.dest > 0 {
			pdf.Link(it.x, it.y, it.w, it.h, d.links[it.dest])
		} else if it.text != "" {
			pdf.LinkString(it.x, it.y, it.w, it.h, d.uriToken(it.text))
		}
	case kAnchor:
		pdf.SetLink(d.links[it.dest], max(0, it.y), pageNo)
	case kBookmark:
		pdf.Bookmark(metaText(it.text), int(it.level), max(0, it.y))
	}
}

// uriToken returns the stand-in for the address u that finish replaces by
// a reference to u's action object.
func (d *drawer) uriToken(u string) string {
	i, ok := d.uriIndex[u]
	if !ok {
		if d.uriIndex == nil {
			d.uriIndex = map[string]int{}
		}
		i = len(d.uris)
		d.uris = append(d.uris, u)
		d.uriIndex[u] = i
	}
	return uriTokenPrefix + strconv.Itoa(i)
}

func (d *drawer) setDraw(c rgb) {
	d.pdf.SetDrawColor(int(c.r), int(c.g), int(c.b))
}

// setFill sets the fill colour, which is also the text colour.
func (d *drawer) setFill(c rgb) {
	if d.fillSet && d.fill == c {
		return
	}
	d.flushText()
	d.pdf.SetFillColor(int(c.r), int(c.g), int(c.b))
	d.pdf.SetTextColor(int(c.r), int(c.g), int(c.b))
	d.fill, d.fillSet = c, true
}

// text draws a text item: font, colour, letter-spacing, an ActualText span
// for a marker, a strike-through line.
func (d *drawer) text(it item) {
	pdf := d.pdf
	st := &d.l.styles[it.style]
	if int(it.style) != d.curStyle {
		cur := -1
		if d.curStyle >= 0 {
			cur = d.curStyle
		}
		if cur < 0 || d.l.styles[cur].face != st.face || d.l.styles[cur].size != st.size {
			d.flushText()
			pdf.SetFont(fontKey(st.face, d.l.fonts.metrics(st.face).psName), "", st.size)
		}
		d.curStyle = int(it.style)
	}
	d.setFill(st.color)
	text := stripInvisible(it.text)
	// gofpdf's Text records the characters a font must keep when it is
	// subset; once a face has drawn every character of text, the same
	// operators are written directly, without its per-call formatting.
	sf := shapedFont(st.face)
	if sf == nil {
		text = stripJoiners(text)
	}
	if sf != nil {
		d.shapedText(it, st, sf, text)
	} else if newRunes := d.used[st.face].addString(text); !newRunes && st.actual == "" && st.tracking == 0 {
		d.rawText(it.x, it.y-st.rise, text)
	} else {
		d.flushText()
		d.textAlone(it, st, text)
	}
	if st.strike {
		d.flushText()
		d.setDraw(st.color)
		pdf.SetLineWidth(st.size * 0.06)
		y := it.y - st.rise - 0.3*st.size
		pdf.Line(it.x, y, it.x+it.w, y)
	}
}

// textAlone draws text with gofpdf's Text, in an ActualText span or
// letter-spaced as its style says.
func (d *drawer) textAlone(it item, st *textStyle, text string) {
	pdf := d.pdf
	if st.actual != "" {
		pdf.RawWriteStr("/Span <</ActualText " + utf16Hex(st.actual) + ">> BDC")
	}
	if st.tracking != 0 {
		pdf.RawWriteStr(fmt.Sprintf("%.3f Tc", st.tracking))
	}
	pdf.Text(it.x, it.y-st.rise, text)
	if st.tracking != 0 {
		pdf.RawWriteStr("0 Tc")
	}
	if st.actual != "" {
		pdf.RawWriteStr("EMC")
	}
}

// image draws an image, registering it on first use; an image gofpdf
// refuses becomes a grey box and a warning.
func (d *drawer) image(it item) {
	pdf := d.pdf
	img := it.image
	opt := gofpdf.ImageOptions{ImageType: img.typ}
	if !d.registered[img] {
		d.registered[img] = true
		if err := registerImage(pdf, img.name, opt, img.data); err != nil {
			pdf.ClearError()
			d.failed[img] = true
			d.warn = append(d.warn, fmt.Sprintf("pdf: image %s left out: %v", img.name, err))
		}
	}
	if d.failed[img] {
		d.setFill(colorCodeBG)
		pdf.Rect(it.x, it.y, it.w, it.h, "F")
		return
	}
	pdf.ImageOptions(img.name, it.x, it.y, it.w, it.h, false, opt, 0, "")
}

// registerImage hands an image to gofpdf, turning its error or panic (its
// parsers trust the data they are given) into an error.
func registerImage(pdf *gofpdf.Fpdf, name string, opt gofpdf.ImageOptions, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("damaged image data (%v)", r)
		}
	}()
	pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(data))
	return pdf.Error()
}

// utf16Hex encodes s as a PDF hex string in UTF-16BE with a byte-order
// mark, surrogate pairs included.
func utf16Hex(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// infoText encodes a document information string as UTF-16BE with a
// byte-order mark, surrogate pairs included, for gofpdf to write as it is
// (its own conversion handles only the BMP).
func infoText(s string) string {
	s = cleanMeta(s)
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

// cleanMeta drops control and format characters and folds spaces.
func cleanMeta(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// metaText prepares an outline title for gofpdf's UTF-16 conversion,
// which handles only the BMP: characters above U+FFFF become U+FFFD.
func metaText(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return unicode.ReplacementChar
		}
		return r
	}, cleanMeta(s))
}
