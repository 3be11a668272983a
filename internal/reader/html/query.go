package html

import "strings"

// escapeQuery percent-encodes the characters of a URL's raw query that
// may not appear in a URI (white space, controls, `"<>\^{|}` and the
// backtick, a '%' that starts no escape), which net/url keeps as they were
// written. The result is what EPUB validators accept in an href.
func escapeQuery(q string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		c := q[i]
		bad := c <= ' ' || c == 0x7F || strings.IndexByte("\"<>\\^`{|}", c) >= 0 ||
			c == '%' && !(i+2 < len(q) && isHex(q[i+1]) && isHex(q[i+2]))
		if !bad {
			if b.Len() > 0 {
				b.WriteByte(c)
			}
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(q) + 8)
			b.WriteString(q[:i])
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	if b.Len() == 0 {
		return q
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
