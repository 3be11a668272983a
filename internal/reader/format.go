package reader

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// Format names an input format.
type Format string

// The supported input formats. The zero Format means "detect".
const (
	Text     Format = "txt"
	Markdown Format = "md"
	HTML     Format = "html"
	MHTML    Format = "mhtml"
)

// Formats lists the supported input formats with the file extensions that
// select them.
var Formats = []struct {
	Format     Format
	Extensions []string
	About      string
}{
	{Text, []string{".txt", ".text"}, "text scraped from a news site: title, byline, paragraphs"},
	{Markdown, []string{".md", ".markdown", ".mdown", ".mkd"}, "CommonMark + GFM, with a pandoc-style YAML metadata block"},
	{HTML, []string{".html", ".htm", ".xhtml"}, "a saved web page; the article is extracted from it"},
	{MHTML, []string{".mhtml", ".mht"}, "a web page saved as a single file (MHTML), with its pictures"},
}

// ParseFormat parses a --from value: txt, md, html or mhtml (and a few
// aliases).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "txt", "text", "plain":
		return Text, nil
	case "md", "markdown":
		return Markdown, nil
	case "html", "htm", "web":
		return HTML, nil
	case "mhtml", "mht":
		return MHTML, nil
	}
	return "", fmt.Errorf("reader: unknown format %q (want txt, md, html or mhtml)", s)
}

// Detect chooses the format of an input from its file name's extension, and
// when that says nothing (standard input, an unknown extension) from its
// content.
func Detect(name string, data []byte) Format {
	ext := strings.ToLower(filepath.Ext(name))
	for _, f := range Formats {
		for _, e := range f.Extensions {
			if ext == e {
				return f.Format
			}
		}
	}
	return Sniff(data)
}

// Sniff guesses the format from the first few kilobytes of content: MHTML
// when it starts with a MIME header naming a multipart/related body or a
// snapshot location, HTML when it starts like a web page, Markdown when it
// has a metadata block or Markdown structure, otherwise scraped text.
func Sniff(data []byte) Format {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimSpace(head)
	lower := bytes.ToLower(trimmed)
	if mimeArchive(lower) {
		return MHTML
	}
	for _, p := range []string{"<!doctype html", "<html", "<?xml", "<head", "<body", "<meta", "<article"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return HTML
		}
	}
	if bytes.HasPrefix(trimmed, []byte("---\n")) || bytes.HasPrefix(trimmed, []byte("---\r\n")) {
		return Markdown
	}
	score := 0
	for _, line := range strings.Split(string(trimmed), "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case strings.HasPrefix(line, "# "), strings.HasPrefix(line, "## "), strings.HasPrefix(line, "### "):
			score += 2
		case strings.HasPrefix(line, "```"), strings.HasPrefix(line, "> "):
			score++
		case strings.Contains(line, "](") && strings.Contains(line, "["):
			score++
		case strings.HasPrefix(line, "* "), strings.HasPrefix(line, "- "):
			score++
		}
	}
	if score >= 3 || (score >= 2 && bytes.Contains(trimmed, []byte("\n# "))) {
		return Markdown
	}
	if bytes.HasPrefix(lower, []byte("<")) && bytes.Contains(lower, []byte("</p>")) {
		return HTML
	}
	return Text
}

// mimeArchive reports whether lower-cased content starts with the header
// of a MIME archive: header lines up to the first blank line, among them
// Snapshot-Content-Location (Chrome's) or MIME-Version with a
// multipart/related Content-Type (Chrome's, Internet Explorer's, Word's).
func mimeArchive(lower []byte) bool {
	end := len(lower)
	for _, sep := range []string{"\r\n\r\n", "\n\n"} {
		if i := bytes.Index(lower, []byte(sep)); i >= 0 && i < end {
			end = i
		}
	}
	version, related := false, false
	for _, line := range strings.Split(string(lower[:end]), "\n") {
		line = strings.TrimRight(line, "\r")
		if line != "" && (line[0] == ' ' || line[0] == '\t') {
			related = related || strings.Contains(line, "multipart/related")
			continue // a folded continuation
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || name == "" || strings.ContainsAny(name, " \t<") {
			return false // not a header line: not a MIME header
		}
		switch name {
		case "snapshot-content-location":
			return true
		case "mime-version":
			version = true
		case "content-type":
			related = strings.Contains(value, "multipart/related")
		}
	}
	return version && related
}
