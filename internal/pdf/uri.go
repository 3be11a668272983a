package pdf

import (
	"bytes"
	"strconv"
	"strings"
)

// gofpdf writes an external link's address into every annotation, so a link
// whose text runs over many lines would repeat it once per line. The
// drawer gives gofpdf a short stand-in instead (uriTokenPrefix and the
// address's number), and finish writes each address once, as an action
// object after gofpdf's objects, and points every annotation at it.

// uriTokenPrefix starts the stand-in gofpdf writes for an address: nothing
// that must be escaped in a PDF string, and nothing a URI action written by
// anything but the drawer holds.
const uriTokenPrefix = "offprint-uri-"

// uriActionOpen is how gofpdf opens a link annotation's URI action; the
// stand-in and ")>>" follow.
var uriActionOpen = []byte("/A <</S /URI /URI (" + uriTokenPrefix)

// withURIs returns obj with every URI action of a stand-in replaced by a
// reference to the action object of its address: object first+i for
// address i of n. obj is returned as it is when it holds none.
func withURIs(obj []byte, first, n int) []byte {
	if n == 0 || !bytes.Contains(obj, uriActionOpen) {
		return obj
	}
	out := make([]byte, 0, len(obj))
	for {
		k := bytes.Index(obj, uriActionOpen)
		if k < 0 {
			break
		}
		rest := obj[k+len(uriActionOpen):]
		digits := 0
		for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
			digits++
		}
		i, err := strconv.Atoi(string(rest[:digits]))
		if err != nil || i >= n || !bytes.HasPrefix(rest[digits:], []byte(")>>")) {
			// not a stand-in: keep it
			out = append(out, obj[:k+len(uriActionOpen)]...)
			obj = rest
			continue
		}
		out = append(out, obj[:k]...)
		out = append(out, "/A "...)
		out = strconv.AppendInt(out, int64(first+i), 10)
		out = append(out, " 0 R"...)
		obj = rest[digits+len(")>>"):]
	}
	return append(out, obj...)
}

// uriObject appends the action object num for the address u: u is ASCII
// (linkTarget percent-encodes the rest), written as a PDF string.
func uriObject(dst []byte, num int, u string) []byte {
	dst = strconv.AppendInt(dst, int64(num), 10)
	dst = append(dst, " 0 obj\n<</S /URI /URI ("...)
	dst = append(dst, pdfEscaper.Replace(u)...)
	return append(dst, ")>>\nendobj\n"...)
}

// pdfEscaper escapes a PDF literal string as gofpdf does.
var pdfEscaper = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\r", `\r`)

// withSize returns the trailer with its /Size entry set to size.
func withSize(trailer []byte, size int) []byte {
	const key = "\n/Size "
	k := bytes.Index(trailer, []byte(key))
	if k < 0 {
		return trailer
	}
	rest := trailer[k+len(key):]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		return trailer
	}
	out := make([]byte, 0, len(trailer)+8)
	out = append(out, trailer[:k+len(key)]...)
	out = strconv.AppendInt(out, int64(size), 10)
	return append(out, rest[end:]...)
}
