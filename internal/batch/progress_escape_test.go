package batch

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestProgressEscapesNames: a job named with terminal escapes, a bidi
// override or invalid UTF-8 is shown escaped on the bar, never raw.
func TestProgressEscapesNames(t *testing.T) {
	hostile := []string{
		"\x1b]0;PWNED\a\x1b[2J.md",
		"photo\u202egpj.txt",
		"bad\xff.txt",
		"new\nline.md",
	}
	for _, name := range hostile {
		var buf bytes.Buffer
		ok := func(context.Context) (Result, error) { return Result{}, nil }
		jobs := []Job{{Name: name, Do: ok}, {Name: "second.md", Do: ok}}
		Run(context.Background(), jobs, Options{Workers: 1, Progress: &buf, ForceProgress: true})
		out := buf.String()
		for _, raw := range []string{"\x1b]0;", "\a", "\x1b[2J", "\u202e", "\xff", "\n"} {
			if strings.Contains(name, raw) && strings.Contains(out, raw) {
				t.Errorf("bar for %q prints %q raw:\n%q", name, raw, out)
			}
		}
		if !strings.Contains(out, "second.md") {
			t.Errorf("bar for %q lost the next job's name:\n%q", name, out)
		}
	}
}

// TestLabelEscapesBeforeCutting: a long hostile name is escaped before it
// is shortened, so the cut cannot split a character into raw bytes.
func TestLabelEscapesBeforeCutting(t *testing.T) {
	name := strings.Repeat("\u202e\x1b", 40) + "end.md"
	got := label(name)
	if strings.ContainsAny(got, "\u202e\x1b") || !strings.HasSuffix(got, "end.md") || len([]rune(got)) > maxLabel {
		t.Errorf("label(%q) = %q", name, got)
	}
}
