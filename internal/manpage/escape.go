package manpage

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// escape makes s safe as roff text within a line. Characters roff would
// interpret or typeset differently from what was meant get escapes:
// backslash \e, hyphen-minus \- (so options copy as ASCII), apostrophe
// \(aq, grave \(ga, circumflex \(ha, tilde \(ti. A no-break space becomes
// \~ and every other non-ASCII character \[uXXXX], which keeps the page
// ASCII whatever the reader's locale. Tabs and line breaks become spaces;
// other control characters are dropped.
func escape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case r == '\'':
			b.WriteString(`\(aq`)
		case r == '`':
			b.WriteString(`\(ga`)
		case r == '^':
			b.WriteString(`\(ha`)
		case r == '~':
			b.WriteString(`\(ti`)
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (0x80 <= r && r < 0xa0):
			// control characters: dropped
		case r == '\u00a0':
			b.WriteString(`\~`)
		case r >= utf8.RuneSelf:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// textLine returns s, already escaped, as a roff text line: one that
// starts with a control character (a dot or an apostrophe) gets the
// zero-width \& before it so that it is not read as a request.
func textLine(s string) string {
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		return `\&` + s
	}
	return s
}

// reflow joins the lines of a paragraph into one, collapsing whitespace.
func reflow(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// quoteArg returns s as a quoted macro argument.
func quoteArg(s string) string {
	return `"` + strings.ReplaceAll(escape(s), `"`, `\(dq`) + `"`
}

// bold and italic set escaped text in a font and return to roman.
func bold(s string) string   { return `\fB` + s + `\fR` }
func italic(s string) string { return `\fI` + s + `\fR` }
