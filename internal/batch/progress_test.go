package batch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// progressJobs returns n jobs that succeed, and an OnDone printing a line
// per outcome to w.
func progressJobs(n int, w *bytes.Buffer) ([]Job, func(Outcome)) {
	jobs := make([]Job, n)
	for i, name := range names(n) {
		jobs[i] = Job{Name: name, Do: func(context.Context) (Result, error) { return Result{}, nil }}
	}
	return jobs, func(o Outcome) { fmt.Fprintf(w, "DONE %s\n", o.Name) }
}

func TestProgressNotTerminal(t *testing.T) {
	var buf bytes.Buffer
	jobs, onDone := progressJobs(5, &buf)
	Run(context.Background(), jobs, Options{Progress: &buf, OnDone: onDone})
	want := "DONE in00.txt\nDONE in01.txt\nDONE in02.txt\nDONE in03.txt\nDONE in04.txt\n"
	if buf.String() != want {
		t.Errorf("a bar was drawn on a buffer:\n%q", buf.String())
	}
}

func TestProgressForced(t *testing.T) {
	var buf bytes.Buffer
	jobs, onDone := progressJobs(3, &buf)
	Run(context.Background(), jobs, Options{Workers: 1, Progress: &buf, ForceProgress: true, OnDone: onDone})
	out := buf.String()
	for _, want := range []string{"in00.txt ", "(0/3)", "(1/3)", "[0s]", "\x1b[2K\r"} {
		if !strings.Contains(out, want) {
			t.Errorf("bar output lacks %q:\n%q", want, out)
		}
	}
	// Every message starts on a cleared line, whole, and in order.
	for i, chunk := range strings.Split(out, "DONE ")[1:] {
		if name := fmt.Sprintf("in%02d.txt\n", i); !strings.HasPrefix(chunk, name) {
			t.Errorf("message %d is %q", i, chunk)
		}
	}
	for _, before := range strings.Split(out, "DONE ")[:3] {
		if !strings.HasSuffix(before, "\x1b[2K\r") {
			t.Errorf("bar not cleared before a message: %q", before)
		}
	}
	if !strings.HasSuffix(out, "\x1b[2K\r") {
		t.Errorf("bar not cleared at the end: %q", out)
	}
}

// TestProgressSingleJob draws no bar for one input.
func TestProgressSingleJob(t *testing.T) {
	var buf bytes.Buffer
	jobs, onDone := progressJobs(1, &buf)
	Run(context.Background(), jobs, Options{Progress: &buf, ForceProgress: true, OnDone: onDone})
	if buf.String() != "DONE in00.txt\n" {
		t.Errorf("output %q", buf.String())
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, wr := range map[string]io.Writer{"buffer": &bytes.Buffer{}, "file": f, "pipe": w} {
		if IsTerminal(wr) {
			t.Errorf("IsTerminal(%s) = true", name)
		}
	}
}

func TestLabel(t *testing.T) {
	long := "/home/reader/articles/2024/politics/" + strings.Repeat("x", 40) + ".txt"
	tests := []struct{ in, want string }{
		{"a.txt", "a.txt"},
		{strings.Repeat("я", maxLabel), strings.Repeat("я", maxLabel)},
		{long, "…" + long[len(long)-maxLabel+1:]},
	}
	for _, tt := range tests {
		if got := label(tt.in); got != tt.want {
			t.Errorf("label(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
