package epub

import (
	"bytes"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	for _, c := range []struct {
		in, text, attr string
	}{
		{"plain", "plain", "plain"},
		{"", "", ""},
		{`a & b < c > d "e" 'f'`, "a &#38; b &#60; c &#62; d &#34;e&#34; &#39;f&#39;", "a &#38; b &#60; c &#62; d &#34;e&#34; &#39;f&#39;"},
		{`</p><p class="evil">`, "&#60;/p&#62;&#60;p class=&#34;evil&#34;&#62;", "&#60;/p&#62;&#60;p class=&#34;evil&#34;&#62;"},
		{"<![CDATA[ x ]]>", "&#60;![CDATA[ x ]]&#62;", "&#60;![CDATA[ x ]]&#62;"},
		{"&amp; &#x41;", "&#38;amp; &#38;#x41;", "&#38;amp; &#38;#x41;"},
		{"tab\there\nline", "tab\there\nline", "tab here line"},
		{"cr\r\nlf and\rcr", "cr\nlf and\ncr", "cr lf and cr"},
		{"nul\x00 bell\x07 esc\x1b ff\x0c vt\x0b del\x7f", "nul bell esc ff vt del", "nul bell esc ff vt del"},
		{"c1\u0080\u0085\u009f", "c1", "c1"},
		{"non\ufffe\uffff\ufdd0\U0001fffe\U0010ffffchars", "nonchars", "nonchars"},
		{"bad\xffutf8\xc3", "badutf8", "badutf8"},
		{"keep \ufffd and \u00a0 and \u200f", "keep \ufffd and \u00a0 and \u200f", "keep \ufffd and \u00a0 and \u200f"},
		{"emoji 📚 CJK 书 RTL שלום", "emoji 📚 CJK 书 RTL שלום", "emoji 📚 CJK 书 RTL שלום"},
		{"\U0010fffd last plane", "\U0010fffd last plane", "\U0010fffd last plane"},
	} {
		var text, attr bytes.Buffer
		writeEscaped(&text, c.in, false)
		writeEscaped(&attr, c.in, true)
		if text.String() != c.text {
			t.Errorf("text %q: got %q, want %q", c.in, text.String(), c.text)
		}
		if attr.String() != c.attr {
			t.Errorf("attr %q: got %q, want %q", c.in, attr.String(), c.attr)
		}
		if err := wellFormed([]byte("<p a=\"" + attr.String() + "\">" + text.String() + "</p>")); err != nil {
			t.Errorf("%q: %v", c.in, err)
		}
	}
}

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"  Title\n  with\tbreaks  ": "Title with breaks",
		"form\ffeed":                "form feed",
		"a\u2028b":                  "a b",
		"nbsp\u00a0kept":            "nbsp\u00a0kept",
		"ctrl\x01\x02gone":          "ctrlgone",
		"\ufffd stays":              "\ufffd stays",
		"bad \xff byte":             "bad byte",
		"":                          "",
	} {
		if got := cleanText(in); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
	if visible(" \t\n\x01\u2028") || !visible(" x ") || !visible("\ufffd") {
		t.Error("visible")
	}
}

// FuzzEscape checks that whatever the text, the escaped form is well-formed
// XML character data and attribute value.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"a&b", "<![CDATA[", "\x00\r\n", "\ufffe", "]]>", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var text, attr bytes.Buffer
		writeEscaped(&text, s, false)
		writeEscaped(&attr, s, true)
		doc := "<p a=\"" + attr.String() + "\">" + text.String() + "</p>"
		if err := wellFormed([]byte(doc)); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if strings.ContainsAny(attr.String(), "\n\t\r<>\"'") || strings.ContainsAny(text.String(), "\r<>\"'") {
			t.Fatalf("%q: unescaped markup or line break in %q, %q", s, text.String(), attr.String())
		}
	})
}
