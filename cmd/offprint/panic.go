package main

import (
	"errors"
	"fmt"

	"github.com/offprint/offprint/internal/batch"
)

// recoverPanic, deferred by run, turns a panic outside the batch's jobs
// (flag parsing, the bundle step, printing) into one line on stderr,
// "offprint: NAME: internal error: VALUE", and exit status 1 instead of a
// stack dump. *name says what run was doing ("" for nothing in
// particular). A panic in a goroutine other than run's cannot be
// recovered here; batch.Run recovers those of its jobs.
func recoverPanic(e env, name *string, code *int) {
	r := recover()
	if r == nil {
		return
	}
	prefix := "offprint: "
	if *name != "" {
		prefix += oneLine(*name) + ": "
	}
	if e.stderr != nil {
		fmt.Fprintf(e.stderr, "%sinternal error: %s\n", prefix, oneLine(fmt.Sprint(r)))
	}
	*code = exitInput
}

// errText is the message printed for a job's error: a job that panicked
// (*batch.PanicError) is an internal error, named as such, without its
// stack.
func errText(err error) string {
	if pe, ok := errors.AsType[*batch.PanicError](err); ok {
		return "internal error: " + fmt.Sprint(pe.Value)
	}
	return err.Error()
}
