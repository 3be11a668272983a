package markdown

import "bytes"

// goldmark parses the inlines of a paragraph in time quadratic in the
// delimiters it holds (emphasis markers that find no partner, "[a](" link
// starts, link reference definitions), so one paragraph of a few hundred
// kilobytes of them keeps it busy for minutes. A paragraph that is both
// long and dense with delimiters is therefore cut into shorter ones, which
// keeps every word: only such a paragraph, which no writer makes, changes.
const (
	// maxParagraph is how long, in bytes, a paragraph dense with
	// delimiters may grow before it is cut.
	maxParagraph = 4 << 10
	// maxDelimiters is how many delimiters make a paragraph dense.
	maxDelimiters = 1024
)

// splitParagraphs cuts the long, delimiter-dense paragraphs of src (see
// maxParagraph and maxDelimiters) into shorter ones with blank lines: between two of their
// lines, in place of a space, or after a delimiter, wherever what follows
// cannot start a block or a link reference definition of its own (so no
// text turns into markup). Only plain paragraph lines at the top level are
// cut: fenced code, indented code, quotes, list items, headings, tables and
// HTML are left alone. It returns src itself when nothing was cut, and
// whether anything was.
func splitParagraphs(src []byte) ([]byte, bool) {
	var (
		out       []byte // nil until something is cut
		done      int    // src[:done] is in out
		size      int    // bytes of the current paragraph since the last cut
		delims    int    // its delimiters
		fence     []byte // the opening fence of the code block we are in
		paragraph bool   // whether a plain paragraph is open
		defs      bool   // whether its lines so far are link reference definitions
		cand      = -1   // the latest place since the last cut to start a paragraph
	)
	cut := func(at, resume int) {
		if out == nil {
			out = make([]byte, 0, len(src)+len(src)/64)
		}
		out = append(out, src[done:at]...)
		out = append(out, "\n\n"...)
		done = resume
		size, delims, cand = 0, 0, -1
	}
	dense := func() bool { return size > maxParagraph && delims > maxDelimiters }
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		next := end + 1
		switch {
		case fence != nil:
			if f := fenceOf(line); f != nil && f[0] == fence[0] && len(f) >= len(fence) {
				fence = nil
			}
			paragraph = false
		case fenceOf(line) != nil:
			fence = fenceOf(line)
			paragraph = false
		case len(bytes.TrimSpace(line)) == 0, !isPlainLine(line):
			paragraph = false
		default:
			def := isDefinition(line)
			switch {
			case !paragraph:
				paragraph, defs, size, delims, cand = true, def, 0, 0, -1
			case dense() && (defs && def || safeStart(line[0])):
				cut(start-1, start) // the line end becomes a blank line
			}
			defs = defs && def
			if defs {
				size += len(line) + 1
				delims += bytes.Count(line, []byte("]"))
				break
			}
			for i := start; i < end; i++ {
				size++
				c := src[i]
				if i > start && i > done && safeStart(c) {
					switch src[i-1] {
					case ' ', ']', '*', '_', ')':
						cand = i
					}
				}
				switch c {
				case '*', '_', '[', ']', '`':
					delims++
					if dense() && cand > done {
						if src[cand-1] == ' ' {
							cut(cand-1, cand)
						} else {
							cut(cand, cand)
						}
					}
				}
			}
			size++ // the line end
		}
		start = next
	}
	if out == nil {
		return src, false
	}
	return append(out, src[done:]...), true
}

// safeStart reports whether a line starting with c is paragraph text
// whatever follows: c starts no block, no link reference definition, no
// code span or emphasis run that could turn into a fence or a rule.
func safeStart(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= 0x80:
		return true
	}
	switch c {
	case '(', ')', '.', ',', ';', ':', '!', '?', '"', '\'', '/', '&', '%', '$', '@', '^', '{', '}':
		return true
	}
	return false
}

// isDefinition reports whether a line looks like a link reference
// definition: "[label]: …".
func isDefinition(line []byte) bool {
	return len(line) > 0 && line[0] == '[' && bytes.Contains(line, []byte("]:"))
}

// fenceOf returns the fence a line starts with (up to three spaces, then
// three or more backticks or tildes), or nil.
func fenceOf(line []byte) []byte {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return t[:n]
}

// isPlainLine reports whether a line can only be part of a top-level
// paragraph: it is not indented, and does not start a quote, list item,
// heading, table row, HTML block or thematic break, nor hold a table cell
// separator.
func isPlainLine(line []byte) bool {
	if line[0] == ' ' || line[0] == '\t' || bytes.IndexByte(line, '|') >= 0 {
		return false
	}
	switch line[0] {
	case '>', '#', '<', '=', '-':
		return false
	}
	return markerEnd(line, 0) < 0
}
