package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offprint/offprint/internal/termsafe"
)

// termClean fails unless every line of out would print on a terminal as
// it is: no control character (but the line ends), bidi control or
// invalid UTF-8.
func termClean(t *testing.T, what, out string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if termsafe.String(line) != line {
			t.Errorf("%s prints raw controls: %q", what, line)
		}
	}
}

// TestNamesEscapedOnTerminal: file names, flag values and messages from
// the input reach stderr escaped (ESC as \x1b, U+202E as \u202e), in
// errors, warnings, usage errors and the summary, one line each.
func TestNamesEscapedOnTerminal(t *testing.T) {
	dir := t.TempDir()
	osc := "e\x1b]0;PWNED\a\x1b[2J.txt"
	bidi := "p\u202etxt.md"
	for name, body := range map[string]string{osc: "", bidi: "x", "ok.md": "# Fine\n\nA body.\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "empty\x1b[2J"), 0o755); err != nil {
		t.Fatal(err)
	}
	img := "pic\u202e\u2066gnp.png"
	warn := filepath.Join(dir, "warn.md")
	if err := os.WriteFile(warn, []byte("# Warned\n\nSome text.\n\n![alt](<"+img+">)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	j := func(n string) string { return filepath.Join(dir, n) }
	out := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want []string // in stderr
	}{
		{"failing inputs", []string{"-o", out, j(osc), j(bidi), j("ok.md")}, exitInput,
			[]string{`e\x1b]0;PWNED\x07\x1b[2J.txt: `, `p\u202etxt.md: `, "converted 1, failed 2"}},
		{"missing input", []string{"-o", out, j("gone\x1b[2J\u202e.txt")}, exitInput,
			[]string{`gone\x1b[2J\u202e.txt: `}},
		{"warning", []string{"-o", out, "--force", "-f", "epub", warn}, exitOK,
			[]string{`warning: `, `pic\u202e\u2066gnp.png`}},
		{"bundle", []string{"-o", out, "--force", "--bundle", "-f", "epub", j(osc), j("ok.md")}, exitInput,
			[]string{`e\x1b]0;PWNED\x07\x1b[2J.txt: `}},
		{"unknown flag", []string{"--no-such\x1b]0;x\a"}, exitUsage, []string{`\x1b]0;x\x07`}},
		{"bad flag value", []string{"--font-size", "1\x1b[2J"}, exitUsage, []string{`--font-size`}},
		{"bad paper", []string{"--paper", "a4\u202e"}, exitUsage, []string{`--paper`}},
		{"empty folder", []string{"-o", out, j("empty\x1b[2J")}, exitUsage, []string{`empty\x1b[2J: `}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := offprint(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.code, stderr)
			}
			termClean(t, "stderr", stderr)
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// TestOneLine: a message folds onto one escaped line.
func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain message", "plain message"},
		{"two\nlines\r\n  and  tabs\t", "two lines and tabs"},
		{"esc \x1b[2J bell \a", `esc \x1b[2J bell \x07`},
		{"rlo \u202e and sep\u2028next", `rlo \u202e and sep next`},
		{"bad \xff byte", `bad \xff byte`},
		{"Ошибка: файл «статья.md»", "Ошибка: файл «статья.md»"},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
