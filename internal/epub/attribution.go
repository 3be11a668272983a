package epub

import (
	"strconv"
	"strings"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/l10n"
)

// The identifier of the attribution heading of the book's last page; the
// attribution of the N-th article of a book of several is attributionID-N.
// The list of articles on the last page of such a book is sourcesID.
const (
	attributionID = "attribution"
	sourcesID     = "sources"
)

// conversion describes how a book was made, for its attribution.
type conversion struct {
	producer string    // "offprint 1.2"
	date     time.Time // when it was converted; zero when unknown
	// fontLicense is the href of the font licence page when fonts are
	// embedded, else "".
	fontLicense string
	// faces are the embedded typefaces, by foundry; none means PT Serif,
	// PT Sans and PT Mono by ParaType.
	faces []l10n.Typefaces
}

// typefaces returns the embedded typefaces, by foundry.
func (c *conversion) typefaces() []l10n.Typefaces {
	if len(c.faces) > 0 {
		return c.faces
	}
	return []l10n.Typefaces{{Names: []string{"PT Serif", "PT Sans", "PT Mono"}, Foundry: "ParaType"}}
}

// writeAttribution writes the attribution of an article, made from its
// metadata alone: title, authors, date, publication, source address,
// rights and keywords, under a heading of the given level with identifier
// id. With conv, it is the book's last page, its colophon, and says how
// the book was made (a one-article book); without, it closes an article
// of a book of several.
func writeAttribution(w *xw, m *article.Meta, l *labels, lang, id string, level int, conv *conversion) {
	if conv != nil {
		w.open("section", "class", "attribution", "epub:type", "backmatter colophon", "role", "doc-colophon",
			"aria-labelledby", id)
	} else {
		w.open("section", "class", "attribution article-attribution", "aria-labelledby", id)
	}
	w.WriteByte('\n')
	writeAttributionHeading(w, l, lang, l.about, id, level)
	writeMetaList(w, m, l, lang, l.author, l.authors)
	if conv != nil {
		writeConversion(w, l, lang, conv)
	}
	w.WriteString("</section>\n")
}

// writeAttributionHeading writes the heading of an attribution.
func writeAttributionHeading(w *xw, l *labels, lang, label, id string, level int) {
	tag := "h" + strconv.Itoa(level)
	w.open(tag, "id", id)
	w.label(l, lang, label)
	w.close(tag)
	w.WriteByte('\n')
}

// writeMetaList writes the metadata of an attribution as a description
// list; one and many label the names of Meta.Authors (l.author and
// l.authors for an article, l.editor and l.editors for a collection).
func writeMetaList(w *xw, m *article.Meta, l *labels, lang, one, many string) {
	w.WriteString("<dl>\n")
	term := func(s string) {
		w.WriteString("<dt>")
		w.label(l, lang, s)
		w.WriteString("</dt>\n")
	}
	item := func(label, value string) {
		if value == "" {
			return
		}
		term(label)
		w.element("dd", value)
		w.WriteByte('\n')
	}
	item(l.title, joinNonEmpty(": ", cleanText(m.Title), cleanText(m.Subtitle)))
	if names := cleanList(m.Authors); len(names) == 1 {
		item(one, names[0])
	} else {
		item(many, l.list(names))
	}
	if m.HasDate() {
		term(l.published)
		w.WriteString("<dd>")
		writeDate(w, m, l, lang)
		w.WriteString("</dd>\n")
	}
	item(l.publication, cleanText(m.SiteName))
	if m.SourceURL != "" {
		term(l.original)
		w.WriteString(`<dd class="source">`)
		writeSourceLink(w, m.SourceURL)
		w.WriteString("</dd>\n")
	}
	item(l.rights, cleanText(m.Rights))
	item(l.keywords, strings.Join(cleanList(m.Keywords), ", "))
	w.WriteString("</dl>\n")
}

// writeConversion writes how the book was made: the fonts line when fonts
// are embedded, and the "Converted by" line.
func writeConversion(w *xw, l *labels, lang string, conv *conversion) {
	if conv.fontLicense != "" {
		w.WriteString(`<p class="fonts">`)
		w.label(l, lang, l.fonts(conv.typefaces()...))
		w.WriteString(" (")
		w.open("a", "href", conv.fontLicense)
		w.label(l, lang, l.fontLicense)
		w.WriteString("</a>).</p>\n")
	}
	w.WriteString(`<p class="converted">`)
	w.label(l, lang, l.converted(conv.producer, conv.date))
	w.WriteString("</p>\n")
}

// colophonPage returns the body of the book's last page. That of a
// one-article book is the article's attribution; that of a book of several
// articles is the collection's, followed by the list of its articles, each
// linked to its page (hrefs[i] for article i) and to its source.
func colophonPage(c *article.Collection, hrefs []string, l *labels, lang string, conv *conversion) []byte {
	var w xw
	if c.IsSingle() {
		writeAttribution(&w, &c.Articles[0].Meta, l, lang, attributionID, 2, conv)
		return w.Bytes()
	}
	w.open("section", "class", "attribution", "epub:type", "backmatter colophon", "role", "doc-colophon",
		"aria-labelledby", attributionID)
	w.WriteByte('\n')
	writeAttributionHeading(&w, l, lang, l.aboutCollection, attributionID, 2)
	writeMetaList(&w, &c.Meta, l, lang, l.editor, l.editors)
	w.open("section", "class", "sources", "aria-labelledby", sourcesID)
	w.WriteByte('\n')
	writeAttributionHeading(&w, l, lang, l.articles, sourcesID, 3)
	w.WriteString("<ol>\n")
	for i, a := range c.Articles {
		writeSource(&w, &a.Meta, hrefs[i], lang)
	}
	w.WriteString("</ol>\n</section>\n")
	writeConversion(&w, l, lang, conv)
	w.WriteString("</section>\n")
	return w.Bytes()
}

// writeSource writes an article of a collection as an item of the list of
// its articles: its title linked to href, its authors, publication and
// date, and its source address, in the article's language, marked when it
// is not the book's (bookLang).
func writeSource(w *xw, m *article.Meta, href, bookLang string) {
	lang := strings.TrimSpace(m.Language)
	if lang == "" {
		lang = bookLang
	}
	l := labelsFor(lang)
	var attrs []string
	if !sameLanguage(lang, bookLang) {
		attrs = langAttrs(lang)
		if d := direction(lang); d != direction(bookLang) {
			attrs = append(attrs, "dir", d)
		}
	}
	w.open("li", attrs...)
	w.element("a", joinNonEmpty(": ", cleanText(m.Title), cleanText(m.Subtitle)), "href", href)
	if s := joinNonEmpty(", ", l.list(cleanList(m.Authors)), cleanText(m.SiteName)); s != "" || m.HasDate() {
		w.WriteString("<br/>")
		w.text(s)
		if m.HasDate() {
			if s != "" {
				w.WriteString(", ")
			}
			writeDate(w, m, l, lang)
		}
	}
	if m.SourceURL != "" {
		w.WriteString(`<br/><span class="source">`)
		writeSourceLink(w, m.SourceURL)
		w.WriteString("</span>")
	}
	w.WriteString("</li>\n")
}

// fontLicenseID is the identifier of the heading of the font licence page.
const fontLicenseID = "font-license"

// fontLicensePage returns the body of the page holding the licence of the
// embedded fonts, which must travel with them. The licence is in English.
func fontLicensePage(l *labels, lang string, license []byte) []byte {
	var w xw
	w.open("section", "epub:type", "appendix", "role", "doc-appendix",
		"aria-labelledby", fontLicenseID)
	w.WriteByte('\n')
	w.open("h2", "id", fontLicenseID)
	w.label(l, lang, l.fontLicense)
	w.WriteString("</h2>\n")
	attrs := []string{"class", "license"}
	if !sameLanguage(lang, "en") {
		attrs = append(attrs, langAttrs("en")...)
	}
	w.open("pre", attrs...)
	w.text(string(license))
	w.WriteString("</pre>\n</section>\n")
	return w.Bytes()
}

// joinNonEmpty joins the non-empty strings with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
