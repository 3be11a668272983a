package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// restoreGC puts the collector back as the test found it.
func restoreGC(t *testing.T) {
	pct := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
	})
}

func TestTuneGCRespectsTheUser(t *testing.T) {
	restoreGC(t)
	tuneGC(func(k string) string {
		if k == "GOGC" {
			return "200"
		}
		return ""
	})
	if pct := debug.SetGCPercent(100); pct != 100 {
		t.Errorf("GOGC set by the user, yet the GC percent became %d", pct)
	}
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Errorf("GOGC set by the user, yet the memory limit became %d", limit)
	}
}

// TestTuneGCHandsOver: with a small live heap the soft limit stays; once
// the live heap passes gcHandOver, a collection restores the default
// pacing.
func TestTuneGCHandsOver(t *testing.T) {
	restoreGC(t)
	tuneGC(func(string) string { return "" })
	if pct := debug.SetGCPercent(-1); pct != -1 {
		t.Fatalf("GC percent %d after tuneGC, want -1 (off)", pct)
	}
	runtime.GC()
	time.Sleep(10 * time.Millisecond) // cleanups run on their own goroutine
	if pct := debug.SetGCPercent(-1); pct != -1 {
		t.Fatalf("GC percent %d with a small live heap, want -1", pct)
	}
	live := make([]byte, gcHandOver+(4<<20))
	for i := range live {
		live[i] = 1
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		if pct := debug.SetGCPercent(100); pct == 100 {
			break
		} else {
			debug.SetGCPercent(pct)
		}
		if time.Now().After(deadline) {
			t.Fatal("the default pacing did not come back with a large live heap")
		}
	}
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Errorf("memory limit %d after the hand-over, want none", limit)
	}
	runtime.KeepAlive(live)
}
