package l10n

import (
	"strconv"
	"strings"
	"time"
)

// calendar is how one language writes a date: CLDR's long date format of
// the Gregorian calendar and its month names in the format context (the
// grammatical case a month takes after a day number: "4 grudnia", "4.
// joulukuuta").
type calendar struct {
	pattern string     // "d MMMM y", "y. MMMM d.", "d 'de' MMMM 'de' y"
	months  [12]string // January first
}

// format writes t with the pattern. It knows the fields long date formats
// use: d and dd (the day), MMMM (the month's name), y (the year), and
// text quoted with apostrophes (two apostrophes stand for one); any other character
// is written as it is.
func (c *calendar) format(t time.Time) string {
	var b strings.Builder
	p := c.pattern
	for i := 0; i < len(p); {
		ch := p[i]
		if ch == '\'' {
			i = quoted(&b, p, i+1)
			continue
		}
		n := 1
		for i+n < len(p) && p[i+n] == ch {
			n++
		}
		switch ch {
		case 'd':
			if n >= 2 && t.Day() < 10 {
				b.WriteByte('0')
			}
			b.WriteString(strconv.Itoa(t.Day()))
		case 'M':
			b.WriteString(c.months[t.Month()-1])
		case 'y':
			b.WriteString(strconv.Itoa(t.Year()))
		default:
			b.WriteString(p[i : i+n])
		}
		i += n
	}
	return b.String()
}

// quoted writes the text of pattern p quoted from byte i on, up to the
// closing apostrophe, and returns the index after it. Two apostrophes stand for one,
// inside quoted text as outside it.
func quoted(b *strings.Builder, p string, i int) int {
	if i < len(p) && p[i] == '\'' {
		b.WriteByte('\'')
		return i + 1
	}
	for i < len(p) {
		if p[i] == '\'' {
			if i+1 < len(p) && p[i+1] == '\'' {
				b.WriteByte('\'')
				i += 2
				continue
			}
			return i + 1
		}
		b.WriteByte(p[i])
		i++
	}
	return i
}

// Date writes the calendar date of t as a reader of the language tag
// writes it, by CLDR's long date format: "14 March 2026", "14 марта
// 2026 г.", "14. März 2026", "14 de marzo de 2026", "2026. március 14.".
// Languages without words of their own get English's.
func Date(t time.Time, tag string) string {
	w := For(tag)
	return w.Date(t)
}

// Primary returns the primary language subtag of a BCP 47 tag, in lower
// case: "en" for "en-GB", "pt" for "pt_BR".
func Primary(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}
