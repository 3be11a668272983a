package epub

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/offprint/offprint/article"
)

// The identifier of the title heading on the title page; the title of the
// N-th article of a book of several is titleID-N.
const titleID = "title"

// writeTitleBlock writes the title block of an article, made from its
// metadata alone: the section as a kicker, the title as a heading of the
// given level with identifier id, the subtitle, the authors, the date, the
// publication, the source address and the description. A book of one article puts it on a
// page of its own (the title page, with the book's only h1); a book of
// several articles opens each article with it at level 2. Lines in more
// are written after the date, each a paragraph of class "extent".
func writeTitleBlock(w *xw, m *article.Meta, l *labels, lang string, level int, id string, more ...string) {
	w.WriteString("<header>\n")
	if s := cleanText(m.Section); s != "" {
		w.element("p", s, "class", "kicker")
		w.WriteByte('\n')
	}
	tag := "h" + strconv.Itoa(level)
	w.element(tag, cleanText(m.Title), "id", id)
	w.WriteByte('\n')
	if s := cleanText(m.Subtitle); s != "" {
		w.element("p", s, "class", "subtitle")
		w.WriteByte('\n')
	}
	if names := cleanList(m.Authors); len(names) > 0 {
		w.element("p", l.list(names), "class", "byline")
		w.WriteByte('\n')
	}
	if m.HasDate() {
		w.WriteString(`<p class="date">`)
		writeDate(w, m, l, lang)
		w.WriteString("</p>\n")
	}
	for _, s := range more {
		w.open("p", "class", "extent")
		w.label(l, lang, s)
		w.WriteString("</p>\n")
	}
	if s := cleanText(m.SiteName); s != "" {
		w.element("p", s, "class", "publication")
		w.WriteByte('\n')
	}
	if m.SourceURL != "" {
		w.WriteString(`<p class="source">`)
		writeSourceLink(w, m.SourceURL)
		w.WriteString("</p>\n")
	}
	if s := cleanText(m.Description); s != "" {
		w.element("p", s, "class", "description")
		w.WriteByte('\n')
	}
	w.WriteString("</header>\n")
}

// titlePage returns the body of the book's title page. The title page of a
// one-article book is the article's title block; that of a book of several
// articles is the collection's, which says how many articles it holds.
func titlePage(c *article.Collection, l *labels, lang string) []byte {
	m := &c.Meta
	var more []string
	if c.IsSingle() {
		m = &c.Articles[0].Meta
	} else {
		more = append(more, l.articleCount(len(c.Articles)))
	}
	var w xw
	w.open("section", "class", "titlepage", "epub:type", "titlepage", "aria-labelledby", titleID)
	w.WriteByte('\n')
	writeTitleBlock(&w, m, l, lang, 1, titleID, more...)
	w.WriteString("</section>\n")
	return w.Bytes()
}

// coverPage returns the body of the cover page, showing the cover image at
// src.
func coverPage(m *article.Meta, l *labels, src string) []byte {
	var w xw
	w.WriteString(`<section class="cover">` + "\n<img")
	w.attr("class", "cover-image")
	w.attr("epub:type", "cover")
	w.attr("role", "doc-cover")
	w.attr("src", src)
	w.attr("alt", l.cover+": "+cleanText(m.Title))
	w.WriteString("/>\n</section>\n")
	return w.Bytes()
}

// writeDate writes the publication date in the book's language, with its
// machine-readable form.
func writeDate(w *xw, m *article.Meta, l *labels, lang string) {
	w.open("time", "datetime", m.Date.Format("2006-01-02"))
	w.label(l, lang, l.formatDate(m.Date))
	w.close("time")
}

// writeSourceLink writes the source address as a link showing the address,
// or as text when it is no usable web address.
func writeSourceLink(w *xw, addr string) {
	addr = strings.TrimSpace(addr)
	u, err := url.Parse(addr)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		w.text(cleanText(addr))
		return
	}
	w.element("a", cleanText(addr), "href", u.String())
}

// cleanList returns the cleaned, non-empty strings of list.
func cleanList(list []string) []string {
	var out []string
	for _, s := range list {
		if s = cleanText(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
