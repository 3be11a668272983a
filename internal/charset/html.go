package charset

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	netcharset "golang.org/x/net/html/charset"
)

// prescanWindow is how far into a document DecodeHTML looks for a late
// <meta charset> when the standard 1024-byte prescan finds none.
const prescanWindow = 64 << 10

// DecodeHTML converts an HTML document to UTF-8 and returns it with the name
// of the encoding it was in ("utf-8", "windows-1251", "utf-16le", …).
//
// The encoding is taken, in order, from a byte order mark, from the charset
// parameter of contentType (the HTTP Content-Type header; "" when there is
// none), and from a <meta charset> or <meta http-equiv="Content-Type">
// declaration (golang.org/x/net/html/charset.DetermineEncoding does these).
// Two departures from the browser algorithm make saved pages come out right
// more often: a document whose bytes are valid UTF-8 with non-ASCII
// characters is UTF-8 whatever its meta tag says (legacy-encoded text is
// practically never valid UTF-8), and a declaration later than the first
// 1024 bytes is still honoured. The fallback is windows-1252.
//
// The result is always valid UTF-8 without a byte order mark; bytes invalid
// in the chosen encoding become U+FFFD.
func DecodeHTML(data []byte, contentType string) ([]byte, string, error) {
	enc, name, certain := netcharset.DetermineEncoding(data, contentType)
	if !certain {
		switch {
		case hasHighBit(data) && utf8.Valid(data):
			name = "utf-8"
		default:
			if label := prescan(data); label != "" {
				if e, n := netcharset.Lookup(htmlLabel(label)); e != nil {
					enc, name = e, n
				}
			}
		}
	}
	if name == "utf-8" {
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(data) {
			data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		return data, name, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", fmt.Errorf("charset: decoding %s: %w", name, err)
	}
	out = bytes.TrimPrefix(out, []byte("\uFEFF"))
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out, name, nil
}

// htmlLabel applies the HTML rule that a meta tag cannot declare UTF-16 (a
// document that can be read as ASCII to find the tag is not UTF-16) and that
// x-user-defined means windows-1252.
func htmlLabel(label string) string {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf-16", "utf-16le", "utf-16be":
		return "utf-8"
	case "x-user-defined":
		return "windows-1252"
	}
	return label
}

func hasHighBit(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// prescan looks for a charset declaration in the head of the document, up
// to the first <body> tag or prescanWindow bytes, and returns its label.
func prescan(data []byte) string {
	if len(data) > prescanWindow {
		data = data[:prescanWindow]
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			switch string(tag) {
			case "body":
				return ""
			case "meta":
				if label := metaCharset(z, hasAttr); label != "" {
					return label
				}
			}
		}
	}
}

// metaCharset returns the charset a <meta> tag declares, or "".
func metaCharset(z *html.Tokenizer, hasAttr bool) string {
	var charset, content string
	httpEquiv := false
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch strings.ToLower(string(k)) {
		case "charset":
			charset = string(v)
		case "content":
			content = string(v)
		case "http-equiv":
			httpEquiv = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
		}
	}
	if charset != "" {
		return charset
	}
	if httpEquiv && content != "" {
		if _, params, err := mime.ParseMediaType(content); err == nil {
			return params["charset"]
		}
	}
	return ""
}
