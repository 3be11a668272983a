// Package batch converts many inputs at once: it runs jobs on a bounded
// number of workers, reports their outcomes in input order whatever order
// they finish in, draws a progress bar on terminals, and sums up.
//
//	inputs, err := batch.Expand(args, []string{".txt", ".md", ".html"})
//	if err != nil {
//		return err
//	}
//	jobs := make([]batch.Job, len(inputs))
//	for i, name := range inputs {
//		jobs[i] = batch.Job{Name: name, Do: func(ctx context.Context) (batch.Result, error) {
//			return convertOne(ctx, name) // outputs written, warnings met
//		}}
//	}
//	sum := batch.Run(ctx, jobs, batch.Options{
//		Progress: os.Stderr, // drawn only when it is a terminal
//		OnDone: func(o batch.Outcome) {
//			if o.Err != nil {
//				fmt.Fprintf(os.Stderr, "offprint: %s: %v\n", o.Name, o.Err)
//			}
//		},
//	})
//	fmt.Fprintln(os.Stderr, sum) // converted 38, failed 2 in 1.2s
//
// One failing job never stops the others. When the context is cancelled no
// further job starts, running jobs see the cancelled context, and Run
// returns once they have (or after Options.Grace). Jobs must write their
// files safely (temporary file, then rename) so that an interrupted job
// leaves nothing half-written.
package batch
