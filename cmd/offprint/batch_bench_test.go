package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offprint/offprint/assets"
)

// batchInputs writes n copies of the sample, each with its own title so
// that every copy gets its own output names.
func batchInputs(b *testing.B, n int) []string {
	b.Helper()
	dir := b.TempDir()
	title, rest, _ := strings.Cut(string(assets.Sample), "\n")
	paths := make([]string, n)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("copy-%03d.txt", i))
		text := fmt.Sprintf("Copy %d: %s\n%s", i, title, rest)
		if err := os.WriteFile(paths[i], []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return paths
}

// BenchmarkBatch200 compares 200 copies of the sample converted by one
// offprint process (in parallel on all cores) with the same 200 converted
// one process at a time. Run it with -benchtime=1x; the issue asks the
// batch to be at least 1.7 times faster on two cores.
func BenchmarkBatch200(b *testing.B) {
	const n = 200
	bin := filepath.Join(b.TempDir(), "offprint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	inputs := batchInputs(b, n)
	b.Run("one-process-each", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			out := b.TempDir()
			for _, in := range inputs {
				if msg, err := exec.Command(bin, "-q", "-o", out, in).CombinedOutput(); err != nil {
					b.Fatalf("%s: %v: %s", in, err, msg)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*n), "ms/article")
	})
	b.Run("one-batch", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			out := b.TempDir()
			if msg, err := exec.Command(bin, append([]string{"-q", "-o", out}, inputs...)...).CombinedOutput(); err != nil {
				b.Fatalf("batch: %v: %s", err, msg)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*n), "ms/article")
	})
}
