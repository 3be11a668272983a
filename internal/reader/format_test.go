package reader

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct {
		name, data string
		want       Format
	}{
		{"a.txt", "<html>", Text}, // the extension wins
		{"a.MD", "plain", Markdown},
		{"page.htm", "", HTML},
		{"-", "<!DOCTYPE html><html><body><p>x</p>", HTML},
		{"-", "\ufeff<html lang=ru>", HTML},
		{"-", "---\ntitle: T\n---\nBody", Markdown},
		{"-", "# Title\n\nSome *text*.\n\n## Part\n\n- a\n- b\n", Markdown},
		{"-", "A Title\n\nJane Doe Politics\nVK X OK\n\nA paragraph - with a dash.\n", Text},
		{"notes", "Title\n\nBody text with a [bracket] but no link.\n", Text},
		{"-", "<p>Just a fragment</p>\n<p>and another</p>", HTML},
		{"page.mhtml", "", MHTML},
		{"page.MHT", "<html>", MHTML},
		{"-", "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/a\r\nSubject: A\r\n" +
			"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"--b\"\r\n\r\n----b\r\n", MHTML},
		{"saved.html", "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n", HTML}, // the extension wins
		{"-", "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n", MHTML},
		{"-", "MIME-Version: 1.0\nContent-Type: text/plain\n\nA mail, not a page.\n", Text},
		{"-", "Title: a note\n\nMIME-Version: 1.0 and multipart/related are words here.\n", Text},
		{"-", "A title\nContent-Type: multipart/related\nMIME-Version: 1.0\n\nbody", Text}, // the first line is no header
	}
	for _, tt := range tests {
		if got := Detect(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("Detect(%q, %.20q) = %q, want %q", tt.name, tt.data, got, tt.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": "", "txt": Text, "TEXT": Text, "md": Markdown, "markdown": Markdown, "html": HTML, " htm ": HTML, "mhtml": MHTML, "MHT": MHTML} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("rtf"); err == nil {
		t.Error("ParseFormat(rtf) succeeded")
	}
}
