package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
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
)

// env is the outside world run talks to, injected for tests.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// signals makes run stop starting conversions on SIGINT/SIGTERM.
	signals bool
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
	if e.signals {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	if cfg.bundle {
		stage = "--bundle"
		return runBundle(ctx, cfg, e)
	}
	jobs := make([]batch.Job, len(cfg.inputs))
	for i, name := range cfg.inputs {
		jobs[i] = batch.Job{Name: name, Do: convertJob(cfg, name, e.stdin)}
	}
	bo := batch.Options{OnDone: report(cfg, e)}
	if !cfg.quiet {
		bo.Progress = e.stderr
	}
	sum := batch.Run(ctx, jobs, bo)
	if len(jobs) > 1 && !cfg.quiet {
		fmt.Fprintf(e.stderr, "offprint: %s\n", sum)
	}
	if !sum.OK() {
		return exitInput
	}
	return exitOK
}

// convertJob returns the work of converting one input; name "" is the
// embedded sample.
func convertJob(cfg *config, name string, stdin io.Reader) func(context.Context) (batch.Result, error) {
	return func(ctx context.Context) (batch.Result, error) {
		var res batch.Result
		in, err := loadInput(ctx, cfg, name, stdin)
		if err != nil {
			return res, err
		}
		opt := cfg.options
		opt.Warn = func(msg string) { res.Warnings = append(res.Warnings, msg) }
		out, err := convert.Convert(in, opt)
		if err != nil {
			return res, err
		}
		res.Outputs = out.Paths
		return res, nil
	}
}

// loadInput loads the input called name; "" is the embedded sample.
func loadInput(ctx context.Context, cfg *config, name string, stdin io.Reader) (convert.Input, error) {
	if name == "" {
		return convert.Sample(), nil
	}
	return convert.Load(name, convert.LoadOptions{
		Stdin: stdin, MaxSize: cfg.maxSize, Context: ctx, Fetch: cfg.fetch,
	})
}

// report prints one input's outcome: its warnings and error on stderr, the
// files written on stdout with --verbose.
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
		if cfg.verbose {
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
