package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// noRead is a standard input that fails the test when read.
type noRead struct{ t *testing.T }

func (r noRead) Read([]byte) (int, error) {
	r.t.Error("standard input read before the flags were checked")
	return 0, os.ErrClosed
}

// TestBadFlagValues: every bad flag value is a usage error (exit 2), one
// line naming the flag (and the accepted range or form), found before any
// input is read and before anything is written.
func TestBadFlagValues(t *testing.T) {
	dir := t.TempDir()
	notImage := filepath.Join(dir, "cover.png")
	if err := os.WriteFile(notImage, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want []string // in the message, besides the flag
	}{
		{[]string{"--font-size", "NaN"}, []string{"5–24"}},
		{[]string{"--font-size", "nan"}, []string{"5–24"}},
		{[]string{"--font-size", "Inf"}, []string{"5–24"}},
		{[]string{"--font-size", "-Inf"}, []string{"5–24"}},
		{[]string{"--font-size", "1e309"}, nil},
		{[]string{"--font-size", "0.001"}, []string{"5–24"}},
		{[]string{"--font-size", "4.99"}, []string{"5–24"}},
		{[]string{"--font-size", "24.01"}, []string{"5–24"}},
		{[]string{"--font-size", "72"}, []string{"5–24"}},
		{[]string{"--font-size", "-3"}, []string{"5–24"}},
		{[]string{"--paper", "NaNxNaN"}, []string{"60–2000 mm"}},
		{[]string{"--paper", "210xNaN"}, []string{"60–2000 mm"}},
		{[]string{"--paper", "infx297"}, []string{"60–2000 mm"}},
		{[]string{"--paper", "-Infx297mm"}, []string{"60–2000 mm"}},
		{[]string{"--paper", "1e300x297"}, []string{"60–2000 mm"}},
		{[]string{"--paper", "1e19x1e19in"}, []string{"60–2000 mm"}},
		{[]string{"--paper", "59x297"}, []string{"60–2000 mm"}},
		{[]string{"--paper", "210x2001"}, []string{"60–2000 mm"}},
		{[]string{"--paper", "300x300in"}, []string{"60–2000 mm"}},
		{[]string{"--paper", "foo"}, []string{"a4"}},
		{[]string{"--paper", "210x"}, nil},
		{[]string{"--paper", ""}, nil},
		{[]string{"--encoding", "nonsense"}, []string{"windows-1251"}},
		{[]string{"--encoding", "utf-9"}, nil},
		{[]string{"--cover", notImage}, nil},
		{[]string{"--cover", "/etc/passwd"}, nil},
		{[]string{"--cover", "/dev/zero"}, nil},
		{[]string{"--cover", dir}, nil},
		{[]string{"--cover", fifo}, nil},
		{[]string{"--fallback-font", fifo}, nil},
		{[]string{"--cover", filepath.Join(dir, "missing.png")}, nil},
		{[]string{"--fallback-font", "/dev/zero"}, nil},
		{[]string{"--fallback-font", dir}, nil},
		{[]string{"--title", "bad \xff utf-8"}, []string{"UTF-8"}},
		{[]string{"--subtitle", "\xff"}, []string{"UTF-8"}},
		{[]string{"--subtitle", "a\x1b]0;PWNED\a"}, []string{"control"}},
		{[]string{"--author", "Jane Doe", "--author", "two\nlines"}, []string{"control"}},
		{[]string{"--section", "tab\there"}, []string{"control"}},
		{[]string{"--rights", "\u2028"}, []string{"control"}},
		{[]string{"--source", "https://example.org/\x00"}, []string{"control"}},
		{[]string{"--source", "http://[::1"}, nil},
		{[]string{"--date", "2025-13-40"}, []string{"YYYY-MM-DD"}},
		{[]string{"--date", "2025-02-30"}, []string{"YYYY-MM-DD"}},
		{[]string{"--date", "\xff"}, nil},
		{[]string{"--lang", "not a tag"}, []string{"BCP 47"}},
		{[]string{"--lang", "english"}, []string{"BCP 47"}},
		{[]string{"--lang", "en\x1b"}, nil},
		{[]string{"--max-size", "-1"}, nil},
		{[]string{"--max-size", "0"}, nil},
		{[]string{"--max-size", "1e3"}, nil},
		{[]string{"--max-words", "-5"}, nil},
		{[]string{"--max-words", "NaN"}, nil},
		{[]string{"--format", "foo"}, []string{"epub, pdf"}},
		{[]string{"--format", ","}, nil},
		{[]string{"--from", "rtf"}, nil},
	}
	for _, tt := range tests {
		flag := tt.args[len(tt.args)-2]
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			var stdout, stderr bytes.Buffer
			args := append(append([]string{"-o", out}, tt.args...), "-")
			code := run(args, env{stdin: noRead{t}, stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }})
			if code != exitUsage {
				t.Errorf("exit %d, want %d (stderr %q)", code, exitUsage, stderr.String())
			}
			lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
			if len(lines) != 2 || !strings.HasPrefix(lines[0], "offprint: ") || !strings.Contains(lines[0], flag) {
				t.Errorf("stderr %q, want one line naming %s (and the hint)", stderr.String(), flag)
			}
			for _, w := range tt.want {
				if !strings.Contains(lines[0], w) {
					t.Errorf("message %q lacks %q", lines[0], w)
				}
			}
			termClean(t, "stderr", stderr.String())
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output folder created: %v", err)
			}
		})
	}
}

// TestGoodFlagValues: the edges of every range are accepted.
func TestGoodFlagValues(t *testing.T) {
	tests := [][]string{
		{"--font-size", "5"},
		{"--font-size", "24"},
		{"--font-size", "0"}, // the default: scaled to the paper
		{"--paper", "60x60"},
		{"--paper", "2000x2000mm"},
		{"--paper", "8.5x11in"},
		{"--paper", "14.8 × 21 cm"},
		{"--paper", "EReader"},
		{"--encoding", "windows-1251"},
		{"--lang", "en-GB"},
		{"--lang", "zh-Hant-TW"},
		{"--date", "2024-02-29"},
		{"--title", "Заголовок «статьи» — 日本語"},
		{"--title", "عنوان\u200fمقاله"}, // a bidi mark in right-to-left text is text
		{"--max-words", "0"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			cfg, err := parseFlags(append([]string{"-o", t.TempDir()}, args...), env{stdout: &bytes.Buffer{}, getenv: func(string) string { return "" }})
			if err != nil || cfg == nil {
				t.Errorf("parseFlags: %v", err)
			}
		})
	}
}

// TestFlagValuesAreStoredChecked: the values that reach the renderers are
// the checked ones.
func TestFlagValuesAreStoredChecked(t *testing.T) {
	cfg, err := parseFlags([]string{"--paper", "8.5x11in", "--font-size", "12", "--lang", "en_GB"}, env{stdout: &bytes.Buffer{}, getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if p := cfg.options.PDF.Paper; p.Width != 215.9 || p.Height != 279.4 {
		t.Errorf("paper %+v", p)
	}
	if cfg.options.PDF.FontSize != 12 {
		t.Errorf("font size %g", cfg.options.PDF.FontSize)
	}
	if cfg.options.Override.Language != "en-GB" {
		t.Errorf("language %q, want the canonical en-GB", cfg.options.Override.Language)
	}
}
