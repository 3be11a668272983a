// Command benchinputs writes the benchmark inputs into a folder: sample.md
// (the embedded sample as Markdown) and long.md (its body repeated
// benchdata.LongRepeat times), for scripts/bench.sh.
//
//	go run ./scripts/benchinputs DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/offprint/offprint/internal/benchdata"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: benchinputs DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	for name, n := range map[string]int{"sample.md": 1, "long.md": benchdata.LongRepeat} {
		md, err := benchdata.Markdown(n)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), md, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchinputs:", err)
			os.Exit(1)
		}
	}
}
