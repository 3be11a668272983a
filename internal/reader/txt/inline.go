package txt

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/offprint/offprint/article"
)

// inlines makes the inlines of a paragraph's text: plain text, with each
// web address a link whose text is the address.
func inlines(text string) []article.Inline {
	var out []article.Inline
	for text != "" {
		i, j := findURL(text)
		if i < 0 {
			break
		}
		if i > 0 {
			out = append(out, &article.Text{Text: text[:i]})
		}
		u := text[i:j]
		out = append(out, &article.Link{URL: u, Inlines: []article.Inline{&article.Text{Text: u}}})
		text = text[j:]
	}
	if text != "" {
		out = append(out, &article.Text{Text: text})
	}
	return out
}

// findURL finds the first http or https address in s and returns its
// bounds, or -1, -1. The address ends at white space or at characters that
// cannot end one (closing punctuation, an unmatched parenthesis).
func findURL(s string) (start, end int) {
	off := 0
	for {
		i := indexScheme(s[off:])
		if i < 0 {
			return -1, -1
		}
		start = off + i
		// The scheme must start a word: "xhttp://" is not an address.
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); start > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			off = start + 4
			continue
		}
		end = start
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if isURLStop(r) {
				break
			}
			end += size
		}
		token := end
		end = start + trimURL(s[start:end])
		if u, err := url.Parse(s[start:end]); err == nil && u.Host != "" && strings.Contains(u.Host, ".") {
			return start, end
		}
		off = token // not an address: skip the whole word
	}
}

// indexScheme returns the index of the first "http://" or "https://" in s,
// case-insensitively, or -1.
func indexScheme(s string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], "://")
		if i < 0 {
			return -1
		}
		i += off
		switch {
		case i >= 5 && strings.EqualFold(s[i-5:i], "https"):
			return i - 5
		case i >= 4 && strings.EqualFold(s[i-4:i], "http"):
			return i - 4
		}
		off = i + 3
	}
}

// isURLStop reports whether r ends an address: white space, quotation
// marks, angle brackets.
func isURLStop(r rune) bool {
	return r <= ' ' || unicode.IsSpace(r) || strings.ContainsRune("\"<>`«»“”„‟‹›‘’‚、。，", r) ||
		r == utf8.RuneError
}

// trimURL returns the length of u without trailing punctuation that ends
// the sentence rather than the address, and without a closing parenthesis
// or bracket that the address did not open.
func trimURL(u string) int {
	for len(u) > 0 {
		c := u[len(u)-1]
		switch {
		case strings.IndexByte(".,;:!?'*", c) >= 0:
			u = u[:len(u)-1]
		case c == ')' && strings.Count(u, "(") < strings.Count(u, ")"),
			c == ']' && strings.Count(u, "[") < strings.Count(u, "]"),
			c == '}' && strings.Count(u, "{") < strings.Count(u, "}"):
			u = u[:len(u)-1]
		default:
			return len(u)
		}
	}
	return 0
}
