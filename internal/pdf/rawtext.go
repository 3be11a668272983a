package pdf

import "strconv"

// gofpdf's Text formats every call with fmt, records each character in
// a map and wraps every word in a text object of its own, which for a long
// article costs more than the rest of drawing. Once a face has drawn every
// character of a text, the drawer writes it itself, and the words of a
// line that follow one another in the same style share one text object:
// "BT x y Td (word) Tj dx 0 Td (word) Tj … ET", each word placed at the
// position gofpdf would give it, rounded to hundredths of a point as
// gofpdf rounds it.

// textObject is the text object being written.
type textObject struct {
	open bool
	buf  []byte // the operators so far, "ET" to come
	y    []byte // the line's y, as written
	x    int64  // the last word's x, in hundredths of a point
}

// rawText adds text at (x, y) in the current font and fill colour, with no
// letter-spacing, to the open text object if it is on the same line, else
// to a new one.
func (d *drawer) rawText(x, y float64, text string) {
	_, h := d.pdf.GetPageSize()
	k := d.pdf.GetConversionRatio()
	d.num = strconv.AppendFloat(d.num[:0], (h-y)*k, 'f', 2, 64)
	xs := len(d.num)
	d.num = strconv.AppendFloat(d.num, x*k, 'f', 2, 64)
	ys, xh := d.num[:xs], hundredths(d.num[xs:])
	t := &d.tobj
	if t.open && string(t.y) == string(ys) {
		t.buf = append(t.buf, ' ')
		t.buf = appendHundredths(t.buf, xh-t.x)
		t.buf = append(t.buf, " 0 Td ("...)
	} else {
		d.flushText()
		t.open = true
		t.y = append(t.y[:0], ys...)
		t.buf = append(t.buf[:0], "BT "...)
		t.buf = append(t.buf, d.num[xs:]...)
		t.buf = append(t.buf, ' ')
		t.buf = append(t.buf, ys...)
		t.buf = append(t.buf, " Td ("...)
	}
	t.buf = appendTextString(t.buf, text)
	t.buf = append(t.buf, ") Tj"...)
	t.x = xh
}

// flushText ends the open text object, if any, and writes it: before any
// other operator is written.
func (d *drawer) flushText() {
	if t := &d.tobj; t.open {
		t.buf = append(t.buf, " ET"...)
		d.pdf.RawWriteStr(string(t.buf))
		t.open = false
	}
}

// hundredths parses a number written with two decimals ("-12.34") as
// hundredths.
func hundredths(b []byte) int64 {
	var n int64
	for _, c := range b {
		if c >= '0' && c <= '9' {
			n = 10*n + int64(c-'0')
		}
	}
	if len(b) > 0 && b[0] == '-' {
		n = -n
	}
	return n
}

// appendHundredths appends n hundredths with two decimals.
func appendHundredths(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	return append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
}

// appendTextString appends s as gofpdf writes the text of a UTF-8 font in
// a literal string: converted to UTF-16BE as its utf8toutf16 converts it
// (the Basic Multilingual Plane), then with backslashes, parentheses and
// carriage returns escaped.
func appendTextString(b []byte, s string) []byte {
	esc := func(b []byte, c byte) []byte {
		switch c {
		case '\\', '(', ')':
			return append(b, '\\', c)
		case '\r':
			return append(b, '\\', 'r')
		}
		return append(b, c)
	}
	for i := 0; i < len(s); {
		c1 := s[i]
		var hi, lo byte
		switch {
		case c1 >= 224 && i+2 < len(s):
			c2, c3 := s[i+1], s[i+2]
			hi, lo = (c1&0x0F)<<4+(c2&0x3C)>>2, (c2&0x03)<<6+(c3&0x3F)
			i += 3
		case c1 >= 192 && i+1 < len(s):
			c2 := s[i+1]
			hi, lo = (c1&0x1C)>>2, (c1&0x03)<<6+(c2&0x3F)
			i += 2
		default:
			hi, lo = 0, c1
			i++
		}
		b = esc(esc(b, hi), lo)
	}
	return b
}
