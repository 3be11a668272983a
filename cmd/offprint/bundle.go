package main

import (
	"context"
	"fmt"
	"io"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/batch"
	"github.com/offprint/offprint/internal/convert"
)

// runBundle reads every input (in parallel) and binds those that read into
// one EPUB and one PDF. An input that fails is reported and left out; the
// exit status is then 1, but the others are still bound.
func runBundle(ctx context.Context, cfg *config, e env) int {
	articles := make([]*article.Article, len(cfg.inputs))
	readOpt := cfg.options
	readOpt.Override = convert.Override{} // the overrides title the collection
	jobs := make([]batch.Job, len(cfg.inputs))
	for i, name := range cfg.inputs {
		jobs[i] = batch.Job{Name: name, Do: readJob(cfg, readOpt, name, e.stdin, &articles[i])}
	}
	bo := batch.Options{OnDone: report(cfg, e)}
	if !cfg.quiet {
		bo.Progress = e.stderr
	}
	sum := batch.Run(ctx, jobs, bo)
	var read []*article.Article
	for _, a := range articles {
		if a != nil {
			read = append(read, a)
		}
	}
	if len(read) == 0 {
		fmt.Fprintln(e.stderr, "offprint: --bundle: no input could be read")
		return exitInput
	}
	var warnings []string
	opt := cfg.options
	opt.Context, opt.Names = ctx, convert.NewNames()
	opt.Warn = func(msg string) { warnings = append(warnings, msg) }
	coll := convert.Bundle(read, cfg.options.Override)
	res, err := convert.WriteCollection(coll, opt)
	out := batch.Outcome{Name: "--bundle", Err: err}
	out.Warnings = warnings
	if res != nil {
		out.Outputs = res.Paths
		cfg.deliver.keep(0, coll.Meta.Title, res.Paths)
	}
	report(cfg, e)(out)
	if !cfg.quiet {
		fmt.Fprintf(e.stderr, "offprint: bundled %d of %d articles\n", len(read), len(cfg.inputs))
	}
	if err != nil || !sum.OK() {
		return exitInput
	}
	return exitOK
}

// readJob reads one input into *dst.
func readJob(cfg *config, opt convert.Options, name string, stdin io.Reader, dst **article.Article) func(context.Context) (batch.Result, error) {
	return func(ctx context.Context) (batch.Result, error) {
		var res batch.Result
		in, err := loadInput(ctx, cfg, name, stdin)
		if err != nil {
			return res, err
		}
		opt.Context = ctx
		opt.Warn = func(msg string) { res.Warnings = append(res.Warnings, msg) }
		a, err := convert.Read(in, opt)
		if err != nil {
			return res, err
		}
		*dst = a
		return res, nil
	}
}
