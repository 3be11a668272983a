package epub

import (
	"strconv"
)

// navEntry is an entry of the table of contents. The navigation document
// and the NCX are both written from the same entries, so they agree.
type navEntry struct {
	label string
	// labelLang is the language of a label offprint wrote itself ("Notes")
	// when it may differ from the book's; "" for text from the article.
	labelLang string
	href      string // relative to the package document
	level     int
	children  []*navEntry
}

// landmark is an entry of the landmarks navigation.
type landmark struct {
	epubType string // "cover", "titlepage", "toc", "bodymatter", "backmatter"
	href     string
	label    string
}

// The file name of the navigation document and the identifier of its
// table of contents.
const (
	navFile          = "nav.xhtml"
	tocID            = "toc"
	tocTitleID       = "toc-title"       // the heading of the table of contents
	landmarksTitleID = "landmarks-title" // the heading of the landmarks
)

// navDocument returns the EPUB 3 navigation document: the table of
// contents and the landmarks.
func navDocument(toc []*navEntry, marks []landmark, l *labels, lang, cssHref string) []byte {
	var w xw
	w.open("nav", "epub:type", "toc", "id", tocID, "role", "doc-toc", "aria-labelledby", tocTitleID)
	w.WriteString("\n<h2 id=\"" + tocTitleID + "\">")
	w.label(l, lang, l.contents)
	w.WriteString("</h2>\n")
	writeNavList(&w, toc, l, lang)
	w.WriteString("</nav>\n")

	w.open("nav", "epub:type", "landmarks", "aria-labelledby", landmarksTitleID, "hidden", "hidden")
	w.WriteString("\n<h2 id=\"" + landmarksTitleID + "\">")
	w.label(l, lang, l.landmarks)
	w.WriteString("</h2>\n<ol>\n")
	for _, m := range marks {
		w.WriteString("<li>")
		w.open("a", "epub:type", m.epubType, "href", m.href)
		w.label(l, lang, m.label)
		w.WriteString("</a></li>\n")
	}
	w.WriteString("</ol>\n</nav>\n")
	return xhtmlDocument(lang, direction(lang), l.contents, cssHref, w.Bytes())
}

func writeNavList(w *xw, entries []*navEntry, l *labels, lang string) {
	w.WriteString("<ol>\n")
	for _, e := range entries {
		w.WriteString("<li>")
		w.open("a", "href", e.href)
		if e.labelLang != "" {
			w.label(&labels{lang: e.labelLang}, lang, e.label)
		} else {
			w.text(e.label)
		}
		w.WriteString("</a>")
		if len(e.children) > 0 {
			w.WriteByte('\n')
			writeNavList(w, e.children, l, lang)
		}
		w.WriteString("</li>\n")
	}
	w.WriteString("</ol>\n")
}

// ncxDocument returns the EPUB 2 table of contents (toc.ncx), kept for old
// reading systems. Its dtb:uid is the package's identifier.
func ncxDocument(identifier, title string, authors []string, lang string, toc []*navEntry) []byte {
	var w xw
	w.WriteString(xmlDeclaration)
	w.WriteString(`<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"`)
	w.attr("xml:lang", lang)
	w.WriteString(">\n<head>\n")
	meta := func(name, content string) {
		w.WriteString("<meta")
		w.attr("name", name)
		w.attr("content", content)
		w.WriteString("/>\n")
	}
	meta("dtb:uid", identifier)
	meta("dtb:depth", strconv.Itoa(max(1, navDepth(toc))))
	meta("dtb:totalPageCount", "0")
	meta("dtb:maxPageNumber", "0")
	w.WriteString("</head>\n<docTitle><text>")
	w.text(title)
	w.WriteString("</text></docTitle>\n")
	for _, a := range authors {
		w.WriteString("<docAuthor><text>")
		w.text(a)
		w.WriteString("</text></docAuthor>\n")
	}
	w.WriteString("<navMap>\n")
	order := 0
	var points func(entries []*navEntry)
	points = func(entries []*navEntry) {
		for _, e := range entries {
			order++
			w.WriteString(`<navPoint id="navpoint-`)
			w.WriteString(strconv.Itoa(order))
			w.WriteString(`" playOrder="`)
			w.WriteString(strconv.Itoa(order))
			w.WriteString(`"><navLabel><text>`)
			w.text(e.label)
			w.WriteString("</text></navLabel><content")
			w.attr("src", e.href)
			w.WriteString("/>")
			if len(e.children) > 0 {
				w.WriteByte('\n')
				points(e.children)
			}
			w.WriteString("</navPoint>\n")
		}
	}
	points(toc)
	w.WriteString("</navMap>\n</ncx>\n")
	return w.Bytes()
}

// navDepth returns the depth of the deepest entry.
func navDepth(entries []*navEntry) int {
	d := 0
	for _, e := range entries {
		d = max(d, 1+navDepth(e.children))
	}
	return d
}
