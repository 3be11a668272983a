package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// offprint is a short-lived process whose garbage is almost all transient
// (font tables, compressor state, layout items), and the collector's
// default pacing (collect whenever the heap doubles from 4 MB) spends more
// time than the memory it returns is worth. So, unless the user set GOGC or
// GOMEMLIMIT, the collector waits until the heap reaches gcSoftLimit and
// then collects to stay under it: converting the sample never collects,
// and a 160-page article stays in about 60 MB.
//
// A soft limit alone turns into constant collection when the live heap
// itself nears it (a huge input), so after every collection the live heap
// is checked, and once it passes gcHandOver the default pacing comes back.

// gcSoftLimit is the heap size at which collection starts.
const gcSoftLimit = 40 << 20

// gcHandOver is the live heap above which the default pacing returns.
const gcHandOver = gcSoftLimit * 3 / 4

// tuneGC sets the collector policy above unless getenv says the user set
// one.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(gcSoftLimit)
	watchHeap()
}

// watchHeap arranges for checkHeap to run after the next collection.
func watchHeap() {
	runtime.AddCleanup(new([16]byte), func(struct{}) { checkHeap() }, struct{}{})
}

// checkHeap hands collection back to the default pacing when the live heap
// is too large for the soft limit, and otherwise watches on.
func checkHeap() {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 && s[0].Value.Uint64() > gcHandOver {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		return
	}
	watchHeap()
}
