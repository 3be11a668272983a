package manpage

import "testing"

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"--out-dir", `\-\-out\-dir`},
		{`C:\dir\n`, `C:\edir\en`},
		{"it's `x`", `it\(aqs \(gax\(ga`},
		{"~/a^b", `\(ti/a\(hab`},
		{`say "hi"`, `say "hi"`},
		{"a\tb\nc\r", "a b c "},
		{"bell\x07 del\x7f c1\u0085", "bell del c1"},
		{"no\u00a0break", `no\~break`},
		{"é Я —", `\[u00E9] \[u042F] \[u2014]`},
		{"😚", `\[u1F61A]`},
		{"\xff", `\[uFFFD]`},
		{".TH fake", ".TH fake"}, // only a line start is dangerous: see textLine
		{`\fB`, `\efB`},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{".SH NAME", `\&.SH NAME`},
		{"'br", `\&'br`},
		{"..", `\&..`},
		{"a.b", "a.b"},
		{`\fBx\fR`, `\fBx\fR`},
	}
	for _, tt := range tests {
		if got := textLine(tt.in); got != tt.want {
			t.Errorf("textLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := textLine(escape("'quoted'")); got != `\(aqquoted\(aq` {
		t.Errorf("escaped apostrophe at line start: %q", got)
	}
}

func TestQuoteArg(t *testing.T) {
	if got, want := quoteArg(`say "x-y"`), `"say \(dqx\-y\(dq"`; got != want {
		t.Errorf("quoteArg = %q, want %q", got, want)
	}
}

func TestSynopsisLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"offprint [OPTIONS] [INPUT...]", `\fBoffprint\fR [\fIOPTIONS\fR] [\fIINPUT\fR...]`},
		{"offprint --version", `\fBoffprint\fR \fB\-\-version\fR`},
		{"tool [-o DIR] [--from txt|md] -", `\fBtool\fR [\fB\-o\fR \fIDIR\fR] [\fB\-\-from\fR txt|md] \fB\-\fR`},
		{"  x   FILE_2  ", `\fBx\fR \fIFILE_2\fR`},
		{"x «ФАЙЛ»", `\fBx\fR \[u00AB]\fI\[u0424]\[u0410]\[u0419]\[u041B]\fR\[u00BB]`},
	}
	for _, tt := range tests {
		if got := synopsisLine(tt.in); got != tt.want {
			t.Errorf("synopsisLine(%q) =\n %q, want\n %q", tt.in, got, tt.want)
		}
	}
}

func TestPageRef(t *testing.T) {
	tests := []struct{ in, want string }{
		{"pandoc(1)", `\fBpandoc\fR(1)`},
		{"ebook-convert(1)", `\fBebook\-convert\fR(1)`},
		{"epubcheck", `\fBepubcheck\fR`},
		{"(1)", `\fB(1)\fR`},
	}
	for _, tt := range tests {
		if got := pageRef(tt.in); got != tt.want {
			t.Errorf("pageRef(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
