package batch

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// names returns n job names.
func names(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("in%02d.txt", i)
	}
	return out
}

// collect returns an OnDone that records outcomes, and the slice it fills.
func collect() (func(Outcome), *[]Outcome) {
	var got []Outcome
	return func(o Outcome) { got = append(got, o) }, &got
}

// TestRunOrderReverse makes every job wait for the one after it, so jobs
// finish in exactly the reverse of input order.
func TestRunOrderReverse(t *testing.T) {
	const n = 12
	finished := make([]chan struct{}, n+1)
	for i := range finished {
		finished[i] = make(chan struct{})
	}
	close(finished[n])
	var completion []int
	var mu sync.Mutex
	jobs := make([]Job, n)
	for i, name := range names(n) {
		jobs[i] = Job{Name: name, Do: func(ctx context.Context) (Result, error) {
			select {
			case <-finished[i+1]:
			case <-time.After(10 * time.Second):
				return Result{}, errors.New("deadlock guard")
			}
			mu.Lock()
			completion = append(completion, i)
			mu.Unlock()
			defer close(finished[i])
			return Result{Outputs: []string{name + ".epub"}}, nil
		}}
	}
	onDone, got := collect()
	sum := Run(context.Background(), jobs, Options{Workers: n, OnDone: onDone})
	if sum.Converted != n || sum.Failed != 0 || sum.Skipped != 0 {
		t.Fatalf("summary %+v", sum)
	}
	if completion[0] != n-1 || completion[n-1] != 0 {
		t.Fatalf("jobs did not finish in reverse: %v", completion)
	}
	for i, o := range *got {
		if o.Index != i || o.Name != jobs[i].Name || len(o.Outputs) != 1 || o.Outputs[0] != jobs[i].Name+".epub" {
			t.Errorf("outcome %d = %+v", i, o)
		}
	}
	if len(*got) != n {
		t.Errorf("%d outcomes, want %d", len(*got), n)
	}
}

// TestRunOrderRandom runs jobs of random length on a few workers.
func TestRunOrderRandom(t *testing.T) {
	const n = 60
	rng := rand.New(rand.NewPCG(1, 2))
	delays := make([]time.Duration, n)
	for i := range delays {
		delays[i] = time.Duration(rng.IntN(2000)) * time.Microsecond
	}
	jobs := make([]Job, n)
	for i, name := range names(n) {
		jobs[i] = Job{Name: name, Do: func(ctx context.Context) (Result, error) {
			time.Sleep(delays[i])
			if i%7 == 3 {
				return Result{Warnings: []string{"w" + name}}, errors.New("bad " + name)
			}
			return Result{Warnings: []string{"w" + name}}, nil
		}}
	}
	for _, workers := range []int{1, 3, 8} {
		t.Run(fmt.Sprint(workers), func(t *testing.T) {
			onDone, got := collect()
			sum := Run(context.Background(), jobs, Options{Workers: workers, OnDone: onDone})
			if len(*got) != n {
				t.Fatalf("%d outcomes, want %d", len(*got), n)
			}
			failed := 0
			for i, o := range *got {
				if o.Index != i || o.Warnings[0] != "w"+jobs[i].Name {
					t.Fatalf("outcome %d is job %d (%s)", i, o.Index, o.Name)
				}
				if (o.Err != nil) != (i%7 == 3) {
					t.Errorf("outcome %d: err %v", i, o.Err)
				}
				if o.Err != nil {
					failed++
				}
			}
			if sum.Failed != failed || sum.Converted != n-failed {
				t.Errorf("summary %+v, want %d failed", sum, failed)
			}
		})
	}
}

// TestRunFailuresDontStop mixes errors, a panic and a job without Do.
func TestRunFailuresDontStop(t *testing.T) {
	boom := errors.New("boom")
	jobs := []Job{
		{Name: "ok1", Do: func(context.Context) (Result, error) { return Result{}, nil }},
		{Name: "err", Do: func(context.Context) (Result, error) { return Result{}, boom }},
		{Name: "panic", Do: func(context.Context) (Result, error) { panic(boom) }},
		{Name: "nil-do"},
		{Name: "panic-string", Do: func(context.Context) (Result, error) { panic("oops") }},
		{Name: "ok2", Do: func(context.Context) (Result, error) { return Result{Outputs: []string{"x"}}, nil }},
	}
	onDone, got := collect()
	sum := Run(context.Background(), jobs, Options{Workers: 2, OnDone: onDone})
	if sum.Converted != 2 || sum.Failed != 4 || !strings.HasPrefix(sum.String(), "converted 2, failed 4 in ") || sum.OK() {
		t.Fatalf("summary %+v %q", sum, sum)
	}
	errs := make([]error, len(*got))
	for i, o := range *got {
		errs[i] = o.Err
	}
	if errs[0] != nil || errs[5] != nil || !errors.Is(errs[1], boom) {
		t.Errorf("errors %v", errs)
	}
	var pe *PanicError
	if !errors.As(errs[2], &pe) || !errors.Is(errs[2], boom) || !strings.Contains(string(pe.Stack), "run_test.go") {
		t.Errorf("panic outcome: %v", errs[2])
	}
	if errs[3] == nil || !strings.HasPrefix(errs[3].Error(), "batch: ") {
		t.Errorf("nil Do: %v", errs[3])
	}
	if !errors.As(errs[4], &pe) || pe.Unwrap() != nil || errs[4].Error() != "batch: job panicked: oops" {
		t.Errorf("panic string: %v", errs[4])
	}
}

// TestRunWorkers checks that no more than Workers jobs run at once, and
// that Workers are used: the first jobs wait until that many run together.
func TestRunWorkers(t *testing.T) {
	for _, workers := range []int{1, 3, 5} {
		t.Run(fmt.Sprint(workers), func(t *testing.T) {
			var cur, peak atomic.Int32
			full := make(chan struct{})
			var once sync.Once
			jobs := make([]Job, 40)
			for i := range jobs {
				jobs[i] = Job{Name: fmt.Sprint(i), Do: func(context.Context) (Result, error) {
					c := cur.Add(1)
					defer cur.Add(-1)
					for {
						p := peak.Load()
						if c <= p || peak.CompareAndSwap(p, c) {
							break
						}
					}
					if c == int32(workers) {
						once.Do(func() { close(full) })
					}
					select {
					case <-full:
					case <-time.After(10 * time.Second):
						return Result{}, errors.New("workers never all busy")
					}
					time.Sleep(50 * time.Microsecond)
					return Result{}, nil
				}}
			}
			sum := Run(context.Background(), jobs, Options{Workers: workers})
			if sum.Converted != len(jobs) {
				t.Fatalf("summary %+v", sum)
			}
			if p := peak.Load(); p != int32(workers) {
				t.Errorf("peak concurrency %d, want %d", p, workers)
			}
		})
	}
}

func TestWorkersDefault(t *testing.T) {
	tests := []struct{ workers, jobs, want int }{
		{0, 1000, max(1, min(1000, runtime.GOMAXPROCS(0)))},
		{-3, 1000, max(1, min(1000, runtime.GOMAXPROCS(0)))},
		{4, 2, 2},
		{4, 0, 1},
		{4, 9, 4},
	}
	for _, tt := range tests {
		o := Options{Workers: tt.workers}
		if got := o.workers(tt.jobs); got != tt.want {
			t.Errorf("workers(%d) with Workers %d = %d, want %d", tt.jobs, tt.workers, got, tt.want)
		}
	}
}

// TestRunCancel cancels while two jobs run: they see the cancelled
// context, no other job starts, and Run reports the two in order.
func TestRunCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var started atomic.Int32
	jobs := make([]Job, 20)
	for i := range jobs {
		jobs[i] = Job{Name: fmt.Sprint(i), Do: func(ctx context.Context) (Result, error) {
			started.Add(1)
			if i == 1 {
				cancel()
				return Result{}, ctx.Err()
			}
			select {
			case <-ctx.Done():
				return Result{}, ctx.Err()
			case <-time.After(10 * time.Second):
				return Result{}, errors.New("context never cancelled")
			}
		}}
	}
	onDone, got := collect()
	sum := Run(ctx, jobs, Options{Workers: 2, OnDone: onDone})
	if started.Load() != 2 {
		t.Errorf("%d jobs started, want 2", started.Load())
	}
	if sum.Converted != 0 || sum.Failed != 2 || sum.Skipped != 18 {
		t.Errorf("summary %+v", sum)
	}
	if !strings.Contains(sum.String(), ", skipped 18 in ") {
		t.Errorf("summary %q", sum)
	}
	if len(*got) != 2 || (*got)[0].Index != 0 || (*got)[1].Index != 1 {
		t.Fatalf("outcomes %+v", *got)
	}
	for _, o := range *got {
		if !errors.Is(o.Err, context.Canceled) {
			t.Errorf("outcome %d: %v", o.Index, o.Err)
		}
	}
}

// TestRunCancelledBefore starts nothing.
func TestRunCancelledBefore(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	jobs := []Job{{Name: "a", Do: func(context.Context) (Result, error) {
		t.Error("job started after cancellation")
		return Result{}, nil
	}}}
	sum := Run(ctx, jobs, Options{OnDone: func(Outcome) { t.Error("OnDone called") }})
	if sum != (Summary{Skipped: 1, Elapsed: sum.Elapsed}) {
		t.Errorf("summary %+v", sum)
	}
}

// TestRunGrace abandons a job that ignores cancellation.
func TestRunGrace(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	release := make(chan struct{})
	defer close(release)
	jobs := []Job{
		{Name: "quick", Do: func(ctx context.Context) (Result, error) {
			<-ctx.Done() // so that no third job starts when this one ends
			return Result{}, nil
		}},
		{Name: "stubborn", Do: func(context.Context) (Result, error) {
			cancel()
			<-release // ignores ctx
			return Result{}, nil
		}},
		{Name: "never", Do: func(context.Context) (Result, error) { return Result{}, nil }},
	}
	onDone, got := collect()
	sum := Run(ctx, jobs, Options{Workers: 2, Grace: 20 * time.Millisecond, OnDone: onDone})
	if sum.Converted != 1 || sum.Failed != 1 || sum.Skipped != 1 {
		t.Errorf("summary %+v", sum)
	}
	if len(*got) != 2 || (*got)[1].Name != "stubborn" ||
		!errors.Is((*got)[1].Err, ErrAbandoned) || !errors.Is((*got)[1].Err, context.Canceled) {
		t.Fatalf("outcomes %+v", *got)
	}
}

// fakeClock returns the given times in turn.
func fakeClock(ts ...time.Time) func() time.Time {
	return func() time.Time {
		t := ts[0]
		ts = ts[1:]
		return t
	}
}

func TestRunElapsed(t *testing.T) {
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	jobs := []Job{
		{Name: "a", Do: func(context.Context) (Result, error) { return Result{}, nil }},
		{Name: "b", Do: func(context.Context) (Result, error) { return Result{}, errors.New("x") }},
		{Name: "c", Do: func(context.Context) (Result, error) { return Result{}, nil }},
	}
	sum := Run(context.Background(), jobs, Options{Now: fakeClock(t0, t0.Add(1234*time.Millisecond))})
	if got, want := sum.String(), "converted 2, failed 1 in 1.2s"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestSummaryString(t *testing.T) {
	tests := []struct {
		s    Summary
		want string
	}{
		{Summary{}, "converted 0, failed 0 in 0s"},
		{Summary{Converted: 38, Failed: 2, Elapsed: 1249 * time.Millisecond}, "converted 38, failed 2 in 1.2s"},
		{Summary{Converted: 1, Elapsed: 12345678 * time.Nanosecond}, "converted 1, failed 0 in 12ms"},
		{Summary{Converted: 3, Skipped: 197, Elapsed: 420 * time.Millisecond}, "converted 3, failed 0, skipped 197 in 420ms"},
		{Summary{Converted: 200, Elapsed: 83*time.Second + 260*time.Millisecond}, "converted 200, failed 0 in 1m23.3s"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.s, got, tt.want)
		}
	}
	if !(Summary{Converted: 2}).OK() || (Summary{Skipped: 1}).OK() || (Summary{Failed: 1}).OK() {
		t.Error("OK wrong")
	}
}

// TestRunEmpty runs no jobs.
func TestRunEmpty(t *testing.T) {
	sum := Run(context.Background(), nil, Options{Progress: &strings.Builder{}, ForceProgress: true})
	if sum.Converted+sum.Failed+sum.Skipped != 0 {
		t.Errorf("summary %+v", sum)
	}
}

// TestRunSlowFirst checks that held outcomes are released: a
// slow first job does not lose the results that finish meanwhile.
func TestRunSlowFirst(t *testing.T) {
	gate := make(chan struct{})
	var finished atomic.Int32
	jobs := make([]Job, 30)
	for i := range jobs {
		jobs[i] = Job{Name: fmt.Sprint(i), Do: func(context.Context) (Result, error) {
			if i == 0 {
				<-gate
			} else if finished.Add(1) == int32(len(jobs)-1) {
				close(gate)
			}
			return Result{}, nil
		}}
	}
	var order []int
	Run(context.Background(), jobs, Options{Workers: 3, OnDone: func(o Outcome) { order = append(order, o.Index) }})
	if !slices.IsSorted(order) || len(order) != len(jobs) {
		t.Errorf("order %v", order)
	}
}
