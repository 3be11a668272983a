// Package charset turns the bytes of an input into UTF-8.
//
// HTML is decoded the way a browser does it: a byte order mark wins, then the
// charset parameter of the HTTP Content-Type header, then a <meta charset> or
// http-equiv declaration in the head, and otherwise the bytes are taken as
// UTF-8 when they are valid UTF-8 and as windows-1252 when they are not:
//
//	utf8, enc, err := charset.DecodeHTML(page, resp.Header.Get("Content-Type"))
//	// enc is "windows-1251" for a page that declares it
//
// Plain text and Markdown carry no declaration, so DecodeText reads UTF-8
// (with or without a byte order mark) and UTF-16 with a byte order mark as
// they are, converts from a named encoding when the user gives one, and
// otherwise refuses invalid UTF-8 with an *InvalidUTF8Error that names the
// offending byte offset and suggests --encoding:
//
//	text, err := charset.DecodeText(data, "")
//	if errors.Is(err, charset.ErrInvalidUTF8) {
//		// "charset: invalid UTF-8 at byte 3 (try --encoding iso-8859-1 or windows-1251)"
//	}
//	text, err = charset.DecodeText(data, "windows-1251")
//
// Encoding names are the WHATWG labels ("windows-1251", "koi8-r", "latin1",
// "cp1252", "shift_jis", …) and, failing those, IANA names.
package charset
