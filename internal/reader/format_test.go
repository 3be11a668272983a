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
	}
	for _, tt := range tests {
		if got := Detect(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("Detect(%q, %.20q) = %q, want %q", tt.name, tt.data, got, tt.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": "", "txt": Text, "TEXT": Text, "md": Markdown, "markdown": Markdown, "html": HTML, " htm ": HTML} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("rtf"); err == nil {
		t.Error("ParseFormat(rtf) succeeded")
	}
}
