package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/offprint/offprint/internal/batch"
)

// TestPanicIsOneLine: a panic in run itself (here: printing --version to
// a nil writer) is one line, "offprint: internal error: …", exit 1, no
// stack dump; so is a job's recovered panic, however many lines its value
// has.
func TestPanicIsOneLine(t *testing.T) {
	var stderr bytes.Buffer
	code := run([]string{"--version"}, env{stderr: &stderr, getenv: func(string) string { return "" }})
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	if got := stderr.String(); !strings.HasPrefix(got, "offprint: internal error: runtime error: ") ||
		strings.Count(got, "\n") != 1 || strings.Contains(got, "goroutine") {
		t.Errorf("stderr %q, want one line saying internal error", got)
	}

	stderr.Reset()
	pe := &batch.PanicError{Value: errors.New("boom\ngoroutine 7 [running]:\n\x1b[2J"), Stack: []byte("goroutine 7 [running]:\nmain.f()\n")}
	report(&config{}, env{stderr: &stderr})(batch.Outcome{Name: "in.md", Err: pe})
	if got, want := stderr.String(), "offprint: in.md: internal error: boom goroutine 7 [running]: \\x1b[2J\n"; got != want {
		t.Errorf("job panic printed %q, want %q", got, want)
	}
}

func TestRecoverPanicNamesTheStage(t *testing.T) {
	var stderr bytes.Buffer
	f := func() (status int) {
		stage := "--bundle"
		defer recoverPanic(env{stderr: &stderr}, &stage, &status)
		panic("index out of range\nwith detail")
	}
	if code := f(); code != exitInput {
		t.Errorf("exit %d", code)
	}
	if got, want := stderr.String(), "offprint: --bundle: internal error: index out of range with detail\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
