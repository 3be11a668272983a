package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// offprint runs the command in-process and returns its exit status, stdout
// and stderr.
func offprint(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, env{
		stdin:  strings.NewReader(stdin),
		stdout: &out,
		stderr: &errb,
		getenv: func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return "1700000000"
			}
			return ""
		},
	})
	return code, out.String(), errb.String()
}

// outputs lists the files in dir, sorted.
func outputs(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

const corpus = "../../testdata/corpus"

func TestBadInputsFailCleanly(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpus, "bad", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad corpus files: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			dir := t.TempDir()
			code, stdout, stderr := offprint(t, "", "-o", dir, f)
			if code != exitInput {
				t.Errorf("exit status %d, want %d", code, exitInput)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "offprint: "+f+": ") {
				t.Errorf("stderr %q, want one line naming %s and the reason", stderr, f)
			}
			if left := outputs(t, dir); len(left) != 0 {
				t.Errorf("left files behind: %v", left)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{
		{"--no-such-flag"},
		{"-f", "docx"},
		{"--paper", "b52"},
		{"--from", "rtf", "-"},
		{"--date", "yesterday"},
		{"--lang", "not a tag"},
		{"--font-size", "-3"},
		{"--cover", "x.png", "--no-cover"},
		{"--max-words", "-1"},
		{"--max-size", "0"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			code, _, stderr := offprint(t, "", append([]string{"-o", dir}, args...)...)
			if code != exitUsage {
				t.Errorf("exit status %d, want %d (stderr %q)", code, exitUsage, stderr)
			}
			if !strings.HasPrefix(stderr, "offprint: ") {
				t.Errorf("stderr %q does not start with offprint:", stderr)
			}
			if left := outputs(t, dir); len(left) != 0 {
				t.Errorf("left files behind: %v", left)
			}
		})
	}
}

// TestMaxWords: an article over --max-words fails cleanly (exit 1, one
// line naming the input, nothing written); 0 lifts the limit.
func TestMaxWords(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := offprint(t, "", "-o", dir, "--max-words", "100")
	if code != exitInput {
		t.Errorf("exit status %d, want %d (stderr %q)", code, exitInput, stderr)
	}
	if !strings.Contains(stderr, "article too long") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr %q, want one line saying the article is too long", stderr)
	}
	if left := outputs(t, dir); len(left) != 0 {
		t.Errorf("left files behind: %v", left)
	}
	if code, _, stderr := offprint(t, "", "-o", dir, "-q", "-f", "epub", "--max-words", "0"); code != exitOK {
		t.Errorf("--max-words 0: exit %d (%s)", code, stderr)
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, stdout, _ := offprint(t, "", "--help")
	if code != exitOK {
		t.Fatalf("--help exit %d", code)
	}
	for _, want := range []string{"Usage:", "--out-dir", "--format", "--paper", "Examples:"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
	code, stdout, _ = offprint(t, "", "--version")
	if code != exitOK || !strings.HasPrefix(stdout, "offprint ") {
		t.Errorf("--version: exit %d, %q", code, stdout)
	}
}

func TestRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := offprint(t, "", "-o", dir); code != exitOK {
		t.Fatalf("first export: exit %d: %s", code, stderr)
	}
	before := outputs(t, dir)
	code, _, stderr := offprint(t, "", "-o", dir)
	if code != exitInput || !strings.Contains(stderr, "--force") {
		t.Errorf("second export without --force: exit %d, stderr %q", code, stderr)
	}
	if after := outputs(t, dir); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Errorf("files changed: %v -> %v", before, after)
	}
	if code, _, stderr := offprint(t, "", "--force", "-o", dir); code != exitOK {
		t.Errorf("--force: exit %d: %s", code, stderr)
	}
}
