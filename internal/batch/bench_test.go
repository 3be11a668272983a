package batch

import (
	"context"
	"crypto/sha256"
	"fmt"
	"runtime"
	"testing"
)

// cpuJob burns CPU for roughly the given number of SHA-256 blocks of 4 KiB,
// standing in for a conversion.
func cpuJob(blocks int) func(context.Context) (Result, error) {
	return func(context.Context) (Result, error) {
		var buf [4096]byte
		for range blocks {
			sum := sha256.Sum256(buf[:])
			buf[0] = sum[0]
		}
		return Result{Outputs: []string{"out.epub"}}, nil
	}
}

// BenchmarkRun runs a batch of 64 CPU-bound jobs (about 0.1 ms each on an idle core) on one
// worker and on GOMAXPROCS workers; the ratio of the two is the parallel
// speed-up, and BenchmarkRun/empty shows the runner's own cost per job.
func BenchmarkRun(b *testing.B) {
	const n = 64
	cpu := make([]Job, n)
	empty := make([]Job, n)
	for i := range n {
		cpu[i] = Job{Name: fmt.Sprint(i), Do: cpuJob(20)}
		empty[i] = Job{Name: fmt.Sprint(i), Do: func(context.Context) (Result, error) { return Result{}, nil }}
	}
	for _, bc := range []struct {
		name    string
		jobs    []Job
		workers int
	}{
		{"cpu/workers=1", cpu, 1},
		{fmt.Sprintf("cpu/workers=%d", runtime.GOMAXPROCS(0)), cpu, 0},
		{"empty/workers=1", empty, 1},
		{fmt.Sprintf("empty/workers=%d", runtime.GOMAXPROCS(0)), empty, 0},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			reported := 0
			opt := Options{Workers: bc.workers, OnDone: func(Outcome) { reported++ }}
			for b.Loop() {
				if sum := Run(context.Background(), bc.jobs, opt); sum.Converted != n {
					b.Fatalf("summary %+v", sum)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/job")
		})
	}
}
