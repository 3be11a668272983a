package epub

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/offprint/offprint/article"
)

// The identifier of the attribution heading.
const attributionID = "attribution"

// conversion describes how a book was made, for its attribution.
type conversion struct {
	producer string    // "offprint 1.2"
	date     time.Time // when it was converted; zero when unknown
	// fontLicense is the href of the font licence page when fonts are
	// embedded, else "".
	fontLicense string
}

// writeAttribution writes the attribution of an article, made from its
// metadata alone: title, authors, date, publication, source address,
// rights and keywords, then how the book was made. headingLevel is the
// level of its heading (2 in a one-article book). A book of several
// articles would close each article with it.
func writeAttribution(w *xw, m *article.Meta, l *labels, lang string, conv conversion, headingLevel int) {
	w.open("section", "class", "attribution", "epub:type", "backmatter colophon", "role", "doc-colophon",
		"aria-labelledby", attributionID)
	w.WriteByte('\n')
	tag := "h" + strconv.Itoa(headingLevel)
	w.open(tag, "id", attributionID)
	w.label(l, lang, l.about)
	w.close(tag)
	w.WriteString("\n<dl>\n")
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
		item(l.author, names[0])
	} else {
		item(l.authors, l.list(names))
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

	if conv.fontLicense != "" {
		w.WriteString(`<p class="fonts">`)
		w.label(l, lang, l.fonts)
		w.WriteString(" (")
		w.open("a", "href", conv.fontLicense)
		w.label(l, lang, l.fontLicense)
		w.WriteString("</a>).</p>\n")
	}
	w.WriteString(`<p class="converted">`)
	if conv.date.IsZero() {
		w.label(l, lang, fmt.Sprintf(l.converted, conv.producer))
	} else {
		w.label(l, lang, fmt.Sprintf(l.convertedOn, conv.producer, l.formatDate(conv.date)))
	}
	w.WriteString("</p>\n</section>\n")
}

// attributionPage returns the body of the attribution page of a
// one-article book.
func attributionPage(m *article.Meta, l *labels, lang string, conv conversion) []byte {
	var w xw
	writeAttribution(&w, m, l, lang, conv, 2)
	return w.Bytes()
}

// fontLicensePage returns the body of the page holding the licence of the
// embedded fonts, which must travel with them. The licence is in English.
func fontLicensePage(l *labels, lang string, license []byte) []byte {
	var w xw
	w.open("section", "epub:type", "appendix", "role", "doc-appendix",
		"aria-labelledby", "font-license")
	w.WriteByte('\n')
	w.open("h2", "id", "font-license")
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
