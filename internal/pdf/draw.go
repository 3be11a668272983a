package pdf

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"sort"
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
}

// fontKey is the family name a face is registered under in gofpdf. gofpdf
// names a font "utf8"+key in the PDF; the key is as long as the subset
// name "ABCDEF+PSName" less "utf8", so that finishSubsetNames can put the
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
	used  [numFaces]map[rune]bool
	// current graphics state, to skip redundant operators
	curStyle   int
	curColor   rgb
	colorSet   bool
	registered map[*imageData]bool
	failed     map[*imageData]bool
	warn       []string
}

// draw renders the laid-out pages to PDF bytes.
func (l *layout) draw(info docInfo) ([]byte, []string, error) {
	g := l.g
	pdf := gofpdf.NewCustom(&gofpdf.InitType{
		OrientationStr: "P", UnitStr: "pt",
		Size: gofpdf.SizeType{Wd: g.pageW, Ht: g.pageH},
	})
	pdf.SetCompression(info.compress)
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

	// Register the faces the pages use, and no others: gofpdf parses and
	// embeds every font it is given.
	var faces [numFaces]bool
	for _, p := range l.pages {
		for _, it := range p.items {
			if it.kind == kText {
				faces[l.styles[it.style].face] = true
			}
		}
	}
	first := face(-1)
	for f := face(0); f < numFaces; f++ {
		if !faces[f] {
			continue
		}
		m := l.fonts.metrics(f)
		// gofpdf writes into the bytes it is given (padding table data in
		// place when it subsets): give each document its own copy.
		pdf.AddUTF8FontFromBytes(fontKey(f, m.psName), "", bytes.Clone(m.data))
		d.used[f] = map[rune]bool{}
		if first < 0 {
			first = f
		}
	}
	if first < 0 {
		return nil, nil, fmt.Errorf("pdf: nothing to draw")
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
	}
	if err := pdf.Error(); err != nil {
		return nil, d.warn, fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, d.warn, fmt.Errorf("pdf: %w", err)
	}
	return d.finishSubsetNames(buf.Bytes()), d.warn, nil
}

func (d *drawer) item(it item, pageNo int) {
	pdf := d.pdf
	switch it.kind {
	case kText:
		d.text(it)
	case kLine:
		d.setDraw(it.color)
		pdf.SetLineWidth(it.lw)
		pdf.Line(it.x, it.y, it.x+it.w, it.y+it.h)
	case kRect:
		pdf.SetFillColor(int(it.color.r), int(it.color.g), int(it.color.b))
		pdf.Rect(it.x, it.y, it.w, it.h, "F")
	case kImage:
		d.image(it)
	case kLink:
		if it.dest > 0 {
			pdf.Link(it.x, it.y, it.w, it.h, d.links[it.dest])
		} else if it.url != "" {
			pdf.LinkString(it.x, it.y, it.w, it.h, it.url)
		}
	case kAnchor:
		pdf.SetLink(d.links[it.dest], max(0, it.y), pageNo)
	case kBookmark:
		pdf.Bookmark(metaText(it.text), it.level, max(0, it.y))
	}
}

func (d *drawer) setDraw(c rgb) {
	d.pdf.SetDrawColor(int(c.r), int(c.g), int(c.b))
}

// text draws a text item: font, colour, letter-spacing, an ActualText span
// for a marker, a strike-through line.
func (d *drawer) text(it item) {
	pdf := d.pdf
	st := &d.l.styles[it.style]
	if it.style != d.curStyle {
		cur := -1
		if d.curStyle >= 0 {
			cur = d.curStyle
		}
		if cur < 0 || d.l.styles[cur].face != st.face || d.l.styles[cur].size != st.size {
			pdf.SetFont(fontKey(st.face, d.l.fonts.metrics(st.face).psName), "", st.size)
		}
		d.curStyle = it.style
	}
	if !d.colorSet || d.curColor != st.color {
		pdf.SetTextColor(int(st.color.r), int(st.color.g), int(st.color.b))
		d.curColor, d.colorSet = st.color, true
	}
	text := stripInvisible(it.text)
	used := d.used[st.face]
	for _, r := range text {
		used[r] = true
	}
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
	if st.strike {
		d.setDraw(st.color)
		pdf.SetLineWidth(st.size * 0.06)
		y := it.y - st.rise - 0.3*st.size
		pdf.Line(it.x, y, it.x+it.w, y)
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
		pdf.RegisterImageOptionsReader(img.name, opt, bytes.NewReader(img.data))
		if err := pdf.Error(); err != nil {
			pdf.ClearError()
			d.failed[img] = true
			d.warn = append(d.warn, fmt.Sprintf("pdf: image %s left out: %v", img.name, err))
		}
	}
	if d.failed[img] {
		pdf.SetFillColor(int(colorCodeBG.r), int(colorCodeBG.g), int(colorCodeBG.b))
		pdf.Rect(it.x, it.y, it.w, it.h, "F")
		return
	}
	pdf.ImageOptions(img.name, it.x, it.y, it.w, it.h, false, opt, 0, "")
}

// finishSubsetNames gives each embedded font the subset name PDF readers
// expect, "ABCDEF+PTSerif-Regular", in place of gofpdf's "utf8…" name. The
// tag is derived from the characters used, so equal input gives equal
// bytes. The names are the same length, so no offset moves.
func (d *drawer) finishSubsetNames(out []byte) []byte {
	for f := face(0); f < numFaces; f++ {
		if d.used[f] == nil {
			continue
		}
		ps := d.l.fonts.metrics(f).psName
		old := "/utf8" + fontKey(f, ps)
		repl := "/" + subsetTag(f, d.used[f]) + "+" + ps
		if len(old) != len(repl) {
			continue
		}
		out = bytes.ReplaceAll(out, []byte(old), []byte(repl))
	}
	return out
}

// subsetTag is six capital letters derived from a face and its used
// characters.
func subsetTag(f face, used map[rune]bool) string {
	rs := make([]rune, 0, len(used))
	for r := range used {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	h := fnv.New64a()
	fmt.Fprintf(h, "%d:", f)
	for _, r := range rs {
		fmt.Fprintf(h, "%x,", r)
	}
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
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
