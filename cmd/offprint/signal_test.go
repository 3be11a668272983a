package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
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

// TestSignalWhileReading: a SIGINT or SIGTERM while offprint waits on a
// standard input that never ends stops it, exit 128 + the signal, with no
// file; a named pipe as input fails at once instead of blocking.
func TestSignalWhileReading(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := binary(t)
	for _, tt := range []struct {
		sig  syscall.Signal
		want int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			out := t.TempDir()
			cmd := exec.Command(bin, "-o", out, "-")
			w, err := cmd.StdinPipe() // never written, never closed
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waitReading(t, cmd.Process.Pid)
			cmd.Process.Signal(tt.sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(20 * time.Second): // hang detector
				cmd.Process.Kill()
				t.Fatalf("%v ignored", tt.sig)
			}
			if code := cmd.ProcessState.ExitCode(); code != tt.want {
				t.Errorf("exit %d, want %d", code, tt.want)
			}
			if left := outputs(t, out); len(left) != 0 {
				t.Errorf("left %v", left)
			}
		})
	}
	t.Run("fifo", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "in.txt")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "-o", t.TempDir(), fifo)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Start()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(20 * time.Second): // hang detector
			cmd.Process.Kill()
			t.Fatal("a named pipe as input blocks")
		}
		if code := cmd.ProcessState.ExitCode(); code != exitInput || !strings.Contains(stderr.String(), "named pipe") {
			t.Errorf("exit %d, stderr %q", code, stderr.String())
		}
	})
}

// TestSecondSignal: the first signal cancels the run's context and sets
// its exit status; a second removes the temporary files under way and
// exits at once, with 128 + its number.
func TestSecondSignal(t *testing.T) {
	exited := make(chan int, 1)
	ctx, stopped, stop := onSignals(context.Background(), env{exit: func(code int) { exited <- code }})
	defer stop()
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case <-ctx.Done():
	case <-time.After(20 * time.Second): // hang detector
		t.Fatal("SIGTERM did not cancel the context")
	}
	if got := stopped(); got != int(syscall.SIGTERM) {
		t.Errorf("stopped() = %d", got)
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case code := <-exited:
		if code != 130 {
			t.Errorf("exit %d after a second SIGINT, want 130", code)
		}
	case <-time.After(20 * time.Second): // hang detector
		t.Fatal("a second signal did not exit")
	}
}

// waitReading waits until process pid is blocked reading its standard
// input (a thread in read(0, …), as /proc/PID/task/*/syscall tells), which
// it does only after installing its signal handlers, so that a test does
// not signal a process still starting up on a loaded machine. Without /proc
// it waits a second.
func waitReading(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		files, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/syscall", pid))
		if err != nil || len(files) == 0 || runtime.GOARCH != "amd64" {
			time.Sleep(time.Second)
			return
		}
		for _, f := range files {
			data, _ := os.ReadFile(f)
			if strings.HasPrefix(string(data), "0 0x0 ") { // read(0, …) on x86-64
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("process %d never read its standard input", pid)
}
