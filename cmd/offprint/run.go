package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"github.com/offprint/offprint/internal/batch"
	"github.com/offprint/offprint/internal/convert"
	"github.com/offprint/offprint/internal/termsafe"
)

// Exit statuses.
const (
	exitOK    = 0
	exitInput = 1 // an input failed
	exitUsage = 2 // the command line was wrong
	// A run stopped by a signal exits 128 + the signal's number, as shells
	// expect: 130 for SIGINT, 143 for SIGTERM.
	exitSignal = 128
)

// env is the outside world run talks to, injected for tests.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// signals makes run stop on SIGINT/SIGTERM: the first stops starting
	// conversions and cancels those under way at their next checkpoint,
	// a second exits at once.
	signals bool
	// exit ends the process at once (a second signal); nil is os.Exit.
	exit func(int)
}

// run is offprint's main, returning the exit status. A panic is reported
// as an internal error (recoverPanic).
func run(args []string, e env) (status int) {
	stage := ""
	defer recoverPanic(e, &stage, &status)
	cfg, err := parseFlags(args, e)
	if errors.Is(err, errHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "offprint: %s\n", oneLine(err.Error()))
		fmt.Fprintln(e.stderr, "Try 'offprint --help' for more information.")
		return exitUsage
	}
	if cfg.info != nil {
		if err := cfg.info(e.stdout); err != nil {
			fmt.Fprintf(e.stderr, "offprint: %v\n", err)
			return exitInput
		}
		return exitOK
	}
	ctx := context.Background()
	var stopped func() int
	if e.signals {
		var stop func()
		ctx, stopped, stop = onSignals(ctx, e)
		defer stop()
	}
	if cfg.bundle {
		stage = "--bundle"
	}
	code := convertAll(ctx, cfg, e)
	code = cfg.deliver.run(ctx, cfg, e, code)
	if stopped != nil {
		if sig := stopped(); sig != 0 {
			return exitSignal + sig
		}
	}
	return code
}

// onSignals returns a context cancelled by the first SIGINT or SIGTERM,
// a function telling which signal that was (0 for none), and one that
// stops listening. A second signal removes the temporary files under way
// and exits at once.
func onSignals(parent context.Context, e env) (context.Context, func() int, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigc := make(chan os.Signal, 2)
	signal.Notify(sigc, os.Interrupt, syscall.SIGTERM)
	var mu sync.Mutex
	first := 0
	quit := make(chan struct{})
	go func() {
		select {
		case s := <-sigc:
			mu.Lock()
			first = signalNumber(s)
			mu.Unlock()
			cancel(fmt.Errorf("interrupted (%v)", s))
		case <-quit:
			return
		}
		select {
		case s := <-sigc:
			convert.RemoveTemporary()
			exit := e.exit
			if exit == nil {
				exit = os.Exit
			}
			exit(exitSignal + signalNumber(s))
		case <-quit:
		}
	}()
	stopped := func() int {
		mu.Lock()
		defer mu.Unlock()
		return first
	}
	stop := func() {
		signal.Stop(sigc)
		close(quit)
		cancel(nil)
	}
	return ctx, stopped, stop
}

// signalNumber is the number of a SIGINT or SIGTERM.
func signalNumber(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return int(n)
	}
	return int(syscall.SIGINT)
}

// convertAll converts every input (or binds them with --bundle) and
// returns the exit status.
func convertAll(ctx context.Context, cfg *config, e env) int {
	if cfg.bundle {
		return runBundle(ctx, cfg, e)
	}
	names := convert.NewNames()
	jobs := make([]batch.Job, len(cfg.inputs))
	for i, name := range cfg.inputs {
		jobs[i] = batch.Job{Name: name, Do: convertJob(cfg, name, e.stdin, names, i)}
	}
	bo := batch.Options{OnDone: report(cfg, e)}
	if !cfg.quiet {
		bo.Progress = e.stderr
	}
	sum := batch.Run(ctx, jobs, bo)
	if (len(jobs) > 1 || cfg.verbose) && !cfg.quiet {
		fmt.Fprintf(e.stderr, "offprint: %s\n", sum)
	}
	if !sum.OK() {
		return exitInput
	}
	return exitOK
}

// convertJob returns the work of converting one input, the turn-th of the
// run whose output names names assigns; name "" is the embedded sample.
func convertJob(cfg *config, name string, stdin io.Reader, names *convert.Names, turn int) func(context.Context) (batch.Result, error) {
	return func(ctx context.Context) (batch.Result, error) {
		var res batch.Result
		defer names.Release(turn) // a failed input lets the next ones claim
		in, err := loadInput(ctx, cfg, name, stdin)
		if err != nil {
			return res, err
		}
		opt := cfg.options
		opt.Context, opt.Names, opt.Turn = ctx, names, turn
		opt.Warn = func(msg string) { res.Warnings = append(res.Warnings, msg) }
		out, err := convert.Convert(in, opt)
		if err != nil {
			return res, err
		}
		res.Outputs = out.Paths
		cfg.deliver.keep(turn, out.Article.Meta.Title, out.Paths)
		return res, nil
	}
}

// loadInput loads the input called name; "" is the embedded sample.
func loadInput(ctx context.Context, cfg *config, name string, stdin io.Reader) (convert.Input, error) {
	if name == "" {
		return convert.Sample(), nil
	}
	return convert.Load(name, convert.LoadOptions{
		Stdin: stdin, MaxSize: cfg.maxSize, Context: ctx, Fetch: cfg.fetch, Offline: cfg.offline, From: cfg.options.Reader.From,
	})
}

// report prints one input's outcome: its warnings and error on stderr, the
// files written on stdout, one a line (not with --quiet).
func report(cfg *config, e env) func(batch.Outcome) {
	return func(o batch.Outcome) {
		label := termsafe.String(o.Name)
		if label == "" {
			label = convert.Sample().Name
		}
		if !cfg.quiet {
			for _, w := range o.Warnings {
				fmt.Fprintf(e.stderr, "offprint: %s: warning: %s\n", label, oneLine(w))
			}
		}
		if o.Err != nil {
			fmt.Fprintf(e.stderr, "offprint: %s: %s\n", label, oneLine(errText(o.Err)))
			return
		}
		if !cfg.quiet {
			for _, p := range o.Outputs {
				fmt.Fprintln(e.stdout, p)
			}
		}
	}
}

// oneLine folds a message onto one line (runs of white space, line breaks
// included, become one space) and escapes what could control the terminal
// or disguise the text: names and messages quoting an input come from
// outside (see termsafe).
func oneLine(s string) string {
	return termsafe.String(strings.Join(strings.Fields(s), " "))
}
