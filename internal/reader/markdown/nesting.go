package markdown

import "bytes"

// maxContainers is how many block quote and list markers one line may open.
// goldmark takes time quadratic in the markers of a line ("> > > … x",
// "- - - … x"), so a line with a hundred thousand of them would keep it
// busy for minutes; real documents nest a handful deep.
const maxContainers = 32

// maxFootnoteMarks is how many footnote marks ("[^", two per note) a
// document may hold. goldmark matches every reference against every note
// and sorts the notes by insertion, in time quadratic in their number:
// twenty thousand notes take seconds, a million forever. Past the limit the
// marks are escaped, and references and notes stay in the text as written.
const maxFootnoteMarks = 10_000

// limitNesting removes the block quote and list markers past the first
// limit at the start of every line, keeping the line's text, which then
// belongs to the innermost container kept. It returns src itself when no
// line has too many, and whether it changed anything.
func limitNesting(src []byte, limit int) ([]byte, bool) {
	var out []byte // nil until a line needs changing
	done := 0      // src[:done] is in out
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		if keep, cut := containerMarkers(src[start:end], limit); cut > keep {
			if out == nil {
				out = make([]byte, 0, len(src))
			}
			out = append(out, src[done:start+keep]...)
			done = start + cut
		}
		start = end + 1
	}
	if out == nil {
		return src, false
	}
	return append(out, src[done:]...), true
}

// containerMarkers scans the container markers that open a line: ">" (with
// an optional space), "-", "+" or "*" followed by a space or tab, and one to
// nine digits and "." or ")" followed by a space or tab, with any spaces
// and tabs before each. When there are more than limit of them, it returns
// the offsets of the end of the limit-th marker and of the last one;
// otherwise both are zero.
func containerMarkers(line []byte, limit int) (keep, cut int) {
	n, i := 0, 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		end := markerEnd(line, i)
		if end < 0 {
			break
		}
		i = end
		if n++; n == limit {
			keep = i
		}
		cut = i
	}
	if n <= limit {
		return 0, 0
	}
	return keep, cut
}

// markerEnd returns the offset after the container marker at line[i:], or
// -1 when there is none.
func markerEnd(line []byte, i int) int {
	if i >= len(line) {
		return -1
	}
	spaceAt := func(j int) bool { return j < len(line) && (line[j] == ' ' || line[j] == '\t') }
	switch c := line[i]; {
	case c == '>':
		if spaceAt(i + 1) {
			return i + 2
		}
		return i + 1
	case c == '-' || c == '+' || c == '*':
		if spaceAt(i + 1) {
			return i + 2
		}
	case c >= '0' && c <= '9':
		j := i
		for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j < len(line) && (line[j] == '.' || line[j] == ')') && spaceAt(j+1) {
			return j + 2
		}
	}
	return -1
}

// An openItem is a list item that lines may still continue, as
// limitIndentation tracks them: the columns of its marker and of its
// content, and how many columns its lines are moved left (non-zero for an
// item nested too deeply, and the items inside it).
type openItem struct{ marker, content, shift int }

// limitIndentation caps the nesting of lists made by indentation, which
// limitNesting, counting the markers of one line, does not see:
//
//   - a
//   - b
//   - c …
//
// goldmark takes time cubic in such nesting (3,000 levels: 70 s). It
// follows the open list items from line to line by the columns of their
// markers and contents; a list marker that would open an item deeper than
// limit is moved left, to the column of the limit-th item's marker, which
// makes it that item's sibling, and the lines inside it move with it. Extra
// markers on one line past the limit are removed. Only the nesting
// changes: every line and its text stay. Columns are counted after the
// block quote markers that open a line, tabs to multiples of four. It
// returns src itself when nothing nests too deeply, and whether it changed
// anything.
func limitIndentation(src []byte, limit int) ([]byte, bool) {
	var (
		out       []byte // nil until a line changes
		done      int    // src[:done] is in out
		open      []openItem
		prevBlank = true
	)
	// rewrite replaces src[from:to] by col spaces.
	rewrite := func(from, to, col int) {
		if out == nil {
			out = make([]byte, 0, len(src))
		}
		out = append(out, src[done:from]...)
		for range col {
			out = append(out, ' ')
		}
		done = to
	}
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		next := end + 1
		q := quotePrefix(line)
		ind, ws := indentation(line[q:])
		rest := line[q+ws:]
		if len(rest) == 0 {
			prevBlank = true
			start = next
			continue
		}
		if me := listMarkerEnd(rest); me > 0 {
			for len(open) > 0 && open[len(open)-1].content > ind {
				open = open[:len(open)-1]
			}
			item := openItem{marker: ind, content: ind + itemContent(rest, me)}
			switch {
			case len(open) >= limit:
				target := open[limit-1].marker
				item.shift = ind - target
				rewrite(start+q, start+q+ws, target)
			case len(open) > 0 && open[len(open)-1].shift > 0:
				item.shift = open[len(open)-1].shift
				rewrite(start+q, start+q+ws, ind-item.shift)
			}
			open = append(open, item)
			// Further markers on the same line open items inside it.
			col, at := item.content, me
			for {
				for at < len(rest) && (rest[at] == ' ' || rest[at] == '\t') {
					at++
				}
				me2 := listMarkerEnd(rest[at:])
				if me2 <= 0 {
					break
				}
				if len(open) >= limit {
					// Drop the markers from here to the text.
					cutEnd := at
					for {
						m := listMarkerEnd(rest[cutEnd:])
						if m <= 0 {
							break
						}
						cutEnd += m
						for cutEnd < len(rest) && (rest[cutEnd] == ' ' || rest[cutEnd] == '\t') {
							cutEnd++
						}
					}
					rewrite(start+q+ws+at, start+q+ws+cutEnd, 0)
					break
				}
				open = append(open, openItem{marker: col, content: col + itemContent(rest[at:], me2), shift: item.shift})
				col = open[len(open)-1].content
				at += me2
			}
		} else {
			if prevBlank {
				for len(open) > 0 && open[len(open)-1].content > ind {
					open = open[:len(open)-1]
				}
			}
			if n := len(open); n > 0 && open[n-1].shift > 0 && ind >= open[n-1].content {
				rewrite(start+q, start+q+ws, ind-open[n-1].shift)
			}
		}
		prevBlank = false
		start = next
	}
	if out == nil {
		return src, false
	}
	return append(out, src[done:]...), true
}

// quotePrefix returns the length of the block quote markers that open a
// line: ">" with up to three spaces before it and one after it, repeated.
func quotePrefix(line []byte) int {
	i := 0
	for {
		j := i
		for j < len(line) && j-i < 3 && line[j] == ' ' {
			j++
		}
		if j >= len(line) || line[j] != '>' {
			return i
		}
		j++
		if j < len(line) && line[j] == ' ' {
			j++
		}
		i = j
	}
}

// indentation returns the columns and the bytes of the spaces and tabs that
// open line, tabs counting to the next multiple of four.
func indentation(line []byte) (cols, n int) {
	for n < len(line) {
		switch line[n] {
		case ' ':
			cols++
		case '\t':
			cols += 4 - cols%4
		default:
			return cols, n
		}
		n++
	}
	return cols, n
}

// listMarkerEnd returns the offset after the list marker that opens s ("-",
// "+" or "*", or one to nine digits and "." or ")", followed by a space, a
// tab or the end of the line), or 0 when there is none.
func listMarkerEnd(s []byte) int {
	if len(s) == 0 {
		return 0
	}
	j := 0
	switch c := s[0]; {
	case c == '-' || c == '+' || c == '*':
		j = 1
	case c >= '0' && c <= '9':
		for j < len(s) && j < 9 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j >= len(s) || (s[j] != '.' && s[j] != ')') {
			return 0
		}
		j++
	default:
		return 0
	}
	if j < len(s) && s[j] != ' ' && s[j] != '\t' {
		return 0
	}
	return j
}

// itemContent returns the column, counted from the marker, where the
// content of the list item opening s (its marker ending at me) starts: one
// to four spaces after the marker, or one when there are more or none.
func itemContent(s []byte, me int) int {
	sp, n := indentation(s[me:])
	if me+n >= len(s) || sp > 4 || sp == 0 {
		return me + 1
	}
	return me + sp
}
