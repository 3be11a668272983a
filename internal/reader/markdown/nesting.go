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
