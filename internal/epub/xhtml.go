package epub

import (
	"bytes"
	"strconv"
)

// xw accumulates XHTML. Text and attribute values go through writeEscaped,
// so nothing from an article reaches the output unescaped.
type xw struct {
	bytes.Buffer
}

// text writes s as escaped character data.
func (w *xw) text(s string) { writeEscaped(&w.Buffer, s, false) }

// attr writes ` name="value"`, the value escaped.
func (w *xw) attr(name, value string) {
	w.WriteByte(' ')
	w.WriteString(name)
	w.WriteString(`="`)
	writeEscaped(&w.Buffer, value, true)
	w.WriteByte('"')
}

// intAttr writes ` name="n"`.
func (w *xw) intAttr(name string, n int) {
	w.WriteByte(' ')
	w.WriteString(name)
	w.WriteString(`="`)
	w.WriteString(strconv.Itoa(n))
	w.WriteByte('"')
}

// open writes a start tag with attributes given as name, value pairs;
// pairs with an empty value are left out.
func (w *xw) open(tag string, attrs ...string) {
	w.WriteByte('<')
	w.WriteString(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] != "" {
			w.attr(attrs[i], attrs[i+1])
		}
	}
	w.WriteByte('>')
}

// close writes an end tag.
func (w *xw) close(tag string) {
	w.WriteString("</")
	w.WriteString(tag)
	w.WriteByte('>')
}

// element writes <tag attrs>text</tag>.
func (w *xw) element(tag, text string, attrs ...string) {
	w.open(tag, attrs...)
	w.text(text)
	w.close(tag)
}

// langAttrs returns the lang and xml:lang attribute pairs for tag, for
// open.
func langAttrs(tag string) []string {
	return []string{"xml:lang", tag, "lang", tag}
}

// label writes a label offprint adds (a word such as "Contents"), marked
// with its language when it is not the book's: a book in a language
// without a label table gets English labels, and a screen reader must know.
func (w *xw) label(l *labels, bookLang string, s string) {
	if sameLanguage(l.lang, bookLang) {
		w.text(s)
		return
	}
	w.open("span", langAttrs(l.lang)...)
	w.text(s)
	w.close("span")
}

// xhtmlDocument writes a complete XHTML content document with the
// stylesheet at cssHref: what offprint writes itself (the navigation
// document). Pages made by go-epub get the same head in the finishing step.
func xhtmlDocument(lang, dir, title, cssHref string, body []byte) []byte {
	var w xw
	w.WriteString(xmlDeclaration)
	w.WriteString("<!DOCTYPE html>\n")
	w.WriteString(`<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"`)
	w.attr("xml:lang", lang)
	w.attr("lang", lang)
	if dir == "rtl" {
		w.attr("dir", dir)
	}
	w.WriteString(">\n<head>\n")
	w.element("title", title)
	w.WriteString("\n")
	w.WriteString(`<link rel="stylesheet" type="text/css"`)
	w.attr("href", cssHref)
	w.WriteString("/>\n</head>\n<body>\n")
	w.Write(body)
	w.WriteString("</body>\n</html>\n")
	return w.Bytes()
}

const xmlDeclaration = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
