package pdf

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/offprint/offprint/article"
)

// TestDebugOut writes PDFs for looking at when OFFPRINT_PDF_OUT names a
// directory.
func TestDebugOut(t *testing.T) {
	dir := os.Getenv("OFFPRINT_PDF_OUT")
	if dir == "" {
		t.Skip("OFFPRINT_PDF_OUT not set")
	}
	for _, name := range []string{"kitchen-sink", "pathological-meta", "csto-summit-bishkek.txt", "night-library.txt", "edge/injection.txt", "edge/longword.txt"} {
		var a *article.Article
		switch name {
		case "kitchen-sink":
			a = kitchenSink(t)
		case "pathological-meta":
			a = pathologicalMeta()
		default:
			a = readCorpus(t, name)
		}
		for _, p := range Papers() {
			f, err := os.Create(filepath.Join(dir, filepath.Base(name)+"."+p.Name+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			err = Write(f, a, Options{Paper: p, Version: "dev", Warn: func(s string) { t.Log(s) }})
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}
