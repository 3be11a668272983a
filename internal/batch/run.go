package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"time"
)

// Job is one unit of work: usually one input to convert.
type Job struct {
	// Name is the input as the user gave it; outcomes and the progress bar
	// call the job by it.
	Name string
	// Do does the work. It receives Run's context and should return soon
	// after that context is cancelled.
	Do func(ctx context.Context) (Result, error)
}

// Result is what a job reports besides its error. Outcomes wait in memory
// until every earlier job has been reported, so a Result should stay small:
// names, never file contents.
type Result struct {
	// Outputs are the files the job wrote.
	Outputs []string
	// Warnings are messages the job met without failing, kept for the
	// caller to print in input order.
	Warnings []string
}

// Outcome is a finished job as reported to Options.OnDone.
type Outcome struct {
	// Index is the job's position in the slice given to Run.
	Index int
	// Name is the job's Name.
	Name string
	// Result is what the job returned, even alongside an error.
	Result
	// Err is the job's error, a *PanicError when it panicked, or
	// ErrAbandoned (wrapped) when Run stopped waiting for it.
	Err error
}

// ErrAbandoned is returned (wrapped, with the context's cause) for jobs
// still running when Options.Grace ran out after cancellation.
var ErrAbandoned = errors.New("batch: abandoned after cancellation")

// PanicError is the error of a job that panicked: the panic is recovered so
// that the other jobs carry on.
type PanicError struct {
	// Value is the value passed to panic.
	Value any
	// Stack is the goroutine's stack at the panic.
	Stack []byte
}

// Error says the job panicked and with what.
func (e *PanicError) Error() string { return fmt.Sprintf("batch: job panicked: %v", e.Value) }

// Unwrap returns the panic value when it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// errNoDo is the error of a Job without a Do function.
var errNoDo = errors.New("batch: job has no Do function")

// Options configures Run. The zero value runs GOMAXPROCS jobs at a time,
// draws no progress bar and reports nothing.
type Options struct {
	// Workers is the most jobs run at once; zero or less means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Progress is where the progress bar is drawn (usually os.Stderr). The
	// bar is drawn only when Progress is a terminal (see IsTerminal) or
	// ForceProgress is set, and only for more than one job. Leave it nil
	// to draw nothing (--quiet).
	Progress io.Writer
	// ForceProgress draws the bar on Progress even when it is not a
	// terminal.
	ForceProgress bool
	// OnDone, if set, is called once for every job that ran, in input
	// order: the outcome of job i only after those of jobs 0..i-1, however
	// the jobs finish. It is called from Run's goroutine, never
	// concurrently, with the progress bar cleared so that what it prints
	// stays clean.
	OnDone func(Outcome)
	// Now is the clock Summary.Elapsed is measured with; nil means
	// time.Now. Tests inject a fake clock for deterministic output.
	Now func() time.Time
	// Grace bounds how long Run waits for running jobs after the context
	// is cancelled; they are then reported with ErrAbandoned and Run
	// returns without them. Zero means wait until they return.
	Grace time.Duration
}

func (o *Options) workers(jobs int) int {
	n := o.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return max(1, min(n, jobs))
}

func (o *Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// Run runs jobs on at most opt.Workers goroutines, starting them in input
// order, and returns when every started job has been reported. A failing
// job never stops the others. Once ctx is cancelled no further job starts;
// those never started are counted in Summary.Skipped and not reported.
func Run(ctx context.Context, jobs []Job, opt Options) Summary {
	start := opt.now()
	n := len(jobs)
	workers := opt.workers(n)
	// Room for every running job, so that a job always finishes its send,
	// even one abandoned after cancellation.
	done := make(chan Outcome, workers)
	held := make(map[int]Outcome) // finished, waiting for earlier jobs
	bar := newProgress(opt, jobs)
	defer bar.close()

	var sum Summary
	report := func(o Outcome) {
		if o.Err == nil {
			sum.Converted++
		} else {
			sum.Failed++
		}
		if opt.OnDone != nil {
			bar.hide()
			opt.OnDone(o)
		}
	}

	next, reported, running := 0, 0, 0
	cancelled := ctx.Done()
	var grace <-chan time.Time
loop:
	for {
		for next < n && running < workers && ctx.Err() == nil {
			go runJob(ctx, next, jobs[next], done)
			next++
			running++
		}
		if running == 0 {
			break
		}
		bar.show(reported)
		select {
		case o := <-done:
			running--
			held[o.Index] = o
			bar.step()
			for {
				o, ok := held[reported]
				if !ok {
					break
				}
				delete(held, reported)
				report(o)
				reported++
			}
		case <-cancelled:
			cancelled = nil
			if opt.Grace > 0 {
				t := time.NewTimer(opt.Grace)
				defer t.Stop()
				grace = t.C
			}
		case <-grace:
			err := fmt.Errorf("%w: %w", ErrAbandoned, context.Cause(ctx))
			for ; reported < next; reported++ {
				o, ok := held[reported]
				if !ok {
					o = Outcome{Index: reported, Name: jobs[reported].Name, Err: err}
				}
				report(o)
			}
			break loop
		case <-bar.tick():
			bar.refresh()
		}
	}
	sum.Skipped = n - next
	sum.Elapsed = opt.now().Sub(start)
	return sum
}

// runJob runs job i and sends its outcome, recovering a panic into a
// *PanicError.
func runJob(ctx context.Context, i int, j Job, done chan<- Outcome) {
	o := Outcome{Index: i, Name: j.Name}
	defer func() {
		if r := recover(); r != nil {
			o.Err = &PanicError{Value: r, Stack: debug.Stack()}
		}
		done <- o
	}()
	if j.Do == nil {
		o.Err = errNoDo
		return
	}
	o.Result, o.Err = j.Do(ctx)
}
