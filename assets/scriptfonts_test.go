package assets

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
)

// TestScriptFonts checks that every script face loads as a TrueType file
// and that its licence is there.
func TestScriptFonts(t *testing.T) {
	for _, name := range ScriptFontFiles {
		b, err := ScriptFont(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 1000 || string(b[:4]) != "\x00\x01\x00\x00" {
			t.Errorf("%s: not a TrueType file (%d bytes)", name, len(b))
		}
	}
	for _, name := range []string{DroidFontLicense, ScriptNotoLicense} {
		if b, err := ScriptFont(name); err != nil || len(b) < 1000 {
			t.Errorf("licence %s: %d bytes, %v", name, len(b), err)
		}
	}
	if _, err := ScriptFont("nope.ttf"); err == nil {
		t.Error("a missing font loads")
	}
}

// BenchmarkInflateCJK measures what the first use of the compressed CJK
// face costs: inflating it.
func BenchmarkInflateCJK(b *testing.B) {
	gz, err := scriptFonts.ReadFile("fonts/scripts/" + CJKRegular + ".gz")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		zr, _ := gzip.NewReader(bytes.NewReader(gz))
		if _, err := io.Copy(io.Discard, zr); err != nil {
			b.Fatal(err)
		}
	}
}
