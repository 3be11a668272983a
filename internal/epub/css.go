package epub

import (
	"bytes"
	"regexp"
	"strings"
)

// The stylesheet is written for every book, and a book uses only part of
// it. pruneCSS drops what a book does not use, so that the book carries no
// dead rules (EPUBCheck reports each unused class selector).

// cssHeader opens the stylesheet of every book.
const cssHeader = "/* offprint EPUB stylesheet (assets/css/epub.css), without the rules this book does not use. */\n\n"

// classAttr matches a class attribute in offprint's own XHTML.
var classAttr = regexp.MustCompile(` class="([^"]*)"`)

// classSelector matches a class in a selector.
var classSelector = regexp.MustCompile(`\.(-?[A-Za-z_][A-Za-z0-9_-]*)`)

// usedClasses returns the class names used in documents.
func usedClasses(docs ...[]byte) map[string]bool {
	used := make(map[string]bool)
	for _, d := range docs {
		for _, m := range classAttr.FindAllSubmatch(d, -1) {
			for _, c := range strings.Fields(string(m[1])) {
				used[c] = true
			}
		}
	}
	return used
}

// pruneCSS returns css without comments and without the selectors that
// name a class not in used; a rule left with no selector is dropped.
// At-rules (@font-face, @media…) are kept whole. It understands the plain
// CSS offprint ships: no braces or comment markers inside strings.
func pruneCSS(css []byte, used map[string]bool) []byte {
	src := stripComments(css)
	var out bytes.Buffer
	out.Grow(len(src))
	for len(src) > 0 {
		open := bytes.IndexByte(src, '{')
		if open < 0 {
			break // trailing white space (or a broken rule, dropped)
		}
		prelude := strings.TrimSpace(string(src[:open]))
		end := matchingBrace(src, open)
		block := src[open : end+1]
		src = src[end+1:]
		if strings.HasPrefix(prelude, "@") {
			out.WriteString(prelude)
			out.WriteByte(' ')
			out.Write(block)
			out.WriteString("\n\n")
			continue
		}
		var keep []string
		for _, sel := range strings.Split(prelude, ",") {
			sel = strings.Join(strings.Fields(sel), " ")
			ok := sel != ""
			for _, m := range classSelector.FindAllStringSubmatch(sel, -1) {
				ok = ok && used[m[1]]
			}
			if ok {
				keep = append(keep, sel)
			}
		}
		if len(keep) == 0 {
			continue
		}
		out.WriteString(strings.Join(keep, ",\n"))
		out.WriteByte(' ')
		out.Write(block)
		out.WriteString("\n\n")
	}
	return append(bytes.TrimRight(out.Bytes(), "\n"), '\n')
}

// stripComments returns css without /* */ comments.
func stripComments(css []byte) []byte {
	var out []byte
	for {
		i := bytes.Index(css, []byte("/*"))
		if i < 0 {
			return append(out, css...)
		}
		out = append(out, css[:i]...)
		j := bytes.Index(css[i+2:], []byte("*/"))
		if j < 0 {
			return out
		}
		css = css[i+2+j+2:]
	}
}

// matchingBrace returns the index of the brace closing the one at open, or
// the last index of src when it is not closed.
func matchingBrace(src []byte, open int) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(src) - 1
}
