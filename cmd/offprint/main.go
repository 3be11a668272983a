// Command offprint turns an article into an EPUB for e-readers and a
// paginated PDF for printing, each with a title page and attribution.
//
//	offprint -o out article.txt        # out/<slug>.epub and out/<slug>.pdf
//	offprint -f pdf --paper ereader -o out article.md
//	offprint -o out                    # the embedded sample article
//
// Run offprint --help for every flag.
package main

import (
	"os"
)

func main() {
	tuneGC(os.Getenv)
	os.Exit(run(os.Args[1:], env{
		stdin:   os.Stdin,
		stdout:  os.Stdout,
		stderr:  os.Stderr,
		getenv:  os.Getenv,
		signals: true,
	}))
}
