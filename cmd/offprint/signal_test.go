package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/offprint/offprint/assets"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds offprint once for tests that need a real process.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "offprint-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "offprint")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v: %s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// checkComplete fails for any temporary file left in dir and for any
// output that is not complete.
func checkComplete(t *testing.T, dir string, allowTemp bool) (complete int) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), "."):
			if !allowTemp {
				t.Errorf("temporary file left behind: %s", e.Name())
			}
		case strings.HasSuffix(e.Name(), ".epub"):
			if zr, err := zip.OpenReader(path); err != nil {
				t.Errorf("%s: incomplete EPUB: %v", e.Name(), err)
			} else {
				zr.Close()
				complete++
			}
		case strings.HasSuffix(e.Name(), ".pdf"):
			data, _ := os.ReadFile(path)
			if !bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")) {
				t.Errorf("%s: incomplete PDF", e.Name())
			} else {
				complete++
			}
		}
	}
	return complete
}

// TestInterruptedBatch stops a batch of 40 articles mid-run and checks that
// every file it left is complete.
func TestInterruptedBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := binary(t)
	in := t.TempDir()
	title, rest, _ := strings.Cut(string(assets.Sample), "\n")
	var inputs []string
	for i := 0; i < 40; i++ {
		p := filepath.Join(in, fmt.Sprintf("a%02d.txt", i))
		os.WriteFile(p, []byte(fmt.Sprintf("Copy %d: %s\n%s", i, title, strings.Repeat(rest, 3))), 0o644)
		inputs = append(inputs, p)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			out := t.TempDir()
			cmd := exec.Command(bin, append([]string{"-q", "-o", out}, inputs...)...)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(400 * time.Millisecond)
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			if err == nil {
				t.Skip("the batch finished before the signal; nothing to check")
			}
			// A killed process cannot remove its hidden temporary file;
			// every visible output must still be complete.
			n := checkComplete(t, out, sig == syscall.SIGKILL)
			t.Logf("%v after 400ms: %d complete outputs of %d", sig, n, 2*len(inputs))
			if n == 2*len(inputs) {
				t.Log("all outputs were written before the signal")
			}
		})
	}
}
