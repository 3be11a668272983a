package epub

import (
	"strconv"
	"strings"
	"time"
)

// packageMeta is the metadata of the package document.
type packageMeta struct {
	identifier  string // "urn:uuid:…"
	title       string
	language    string
	languages   []string // the languages of the articles that are not the book's
	dir         string   // "ltr" or "rtl"
	authors     []string
	authorRole  string // their MARC relator: "aut", or "edt" for the editors of a collection
	description string
	publisher   string
	source      string
	rights      string
	subjects    []string
	date        string // dc:date, W3CDTF, or ""
	modified    time.Time
	coverID     string // manifest id of the cover image, or ""
	a11y        a11yMeta
}

// manifestItem is an item of the package manifest.
type manifestItem struct {
	id, href, mediaType, properties string
}

// spineItem is an item of the package spine.
type spineItem struct {
	idref     string
	nonLinear bool
}

// packageDocument returns the package document (package.opf).
func packageDocument(m *packageMeta, items []manifestItem, spine []spineItem) []byte {
	var w xw
	w.WriteString(xmlDeclaration)
	w.WriteString(`<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id"`)
	w.attr("xml:lang", m.language)
	if m.dir == "rtl" {
		w.attr("dir", "rtl")
	}
	w.WriteString(">\n")
	w.WriteString(`<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n")
	dc := func(name, value string, attrs ...string) {
		if value == "" {
			return
		}
		w.open("dc:"+name, attrs...)
		w.text(value)
		w.close("dc:" + name)
		w.WriteByte('\n')
	}
	meta := func(property, value string, attrs ...string) {
		w.open("meta", append([]string{"property", property}, attrs...)...)
		w.text(value)
		w.WriteString("</meta>\n")
	}
	dc("identifier", m.identifier, "id", "pub-id")
	dc("title", m.title, "id", "title")
	dc("language", m.language)
	for _, l := range m.languages {
		dc("language", l)
	}
	for i, a := range m.authors {
		id := "creator-" + strconv.Itoa(i+1)
		dc("creator", a, "id", id)
		meta("role", m.authorRole, "refines", "#"+id, "scheme", "marc:relators")
		meta("file-as", fileAs(a), "refines", "#"+id)
	}
	dc("date", m.date)
	dc("publisher", m.publisher)
	dc("source", m.source)
	dc("rights", m.rights)
	dc("description", m.description)
	for _, s := range m.subjects {
		dc("subject", s)
	}
	meta("dcterms:modified", m.modified.UTC().Format("2006-01-02T15:04:05Z"))
	writeA11yMeta(&w, &m.a11y, m.language, meta)
	if m.coverID != "" {
		// EPUB 2 reading systems find the cover through this.
		w.WriteString("<meta")
		w.attr("name", "cover")
		w.attr("content", m.coverID)
		w.WriteString("/>\n")
	}
	w.WriteString("</metadata>\n<manifest>\n")
	for _, it := range items {
		w.WriteString("<item")
		w.attr("id", it.id)
		w.attr("href", it.href)
		w.attr("media-type", it.mediaType)
		if it.properties != "" {
			w.attr("properties", it.properties)
		}
		w.WriteString("/>\n")
	}
	w.WriteString("</manifest>\n")
	w.WriteString(`<spine toc="ncx"`)
	if m.dir == "rtl" {
		w.attr("page-progression-direction", "rtl")
	}
	w.WriteString(">\n")
	for _, it := range spine {
		w.WriteString("<itemref")
		w.attr("idref", it.idref)
		if it.nonLinear {
			w.attr("linear", "no")
		}
		w.WriteString("/>\n")
	}
	w.WriteString("</spine>\n</package>\n")
	return w.Bytes()
}

// fileAs returns the sort form of a personal name: "Маркова, Наталья" for
// "Наталья Маркова". Names of one word, names with a comma already, and
// names of more than four words (probably not a person's) are kept as they
// are.
func fileAs(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 4 || strings.Contains(name, ",") {
		return name
	}
	return words[len(words)-1] + ", " + strings.Join(words[:len(words)-1], " ")
}

// w3cDate returns the publication date for dc:date: the day alone when the
// time carries no clock time, else the instant in UTC.
func w3cDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}
