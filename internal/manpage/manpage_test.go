package manpage

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// smallFlags is a FlagSet with one flag of every kind the page formats
// differently.
func smallFlags() *pflag.FlagSet {
	fs := pflag.NewFlagSet("offprint", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.StringP("out-dir", "o", ".", "write outputs into `DIR` (created when missing)")
	fs.StringP("format", "f", "epub,pdf", "output formats, comma-separated: epub, pdf")
	fs.Bool("force", false, "overwrite existing outputs")
	fs.Int64("max-size", 64<<20, "largest input accepted, in `bytes`")
	fs.Float64("font-size", 0, "PDF body font size in `points` (default: scaled to the paper)")
	fs.StringArray("author", nil, "override the authors (repeat for several)")
	fs.Duration("timeout", 30*time.Second, "give up fetching after `TIME`")
	fs.String("color", "auto", "colour the messages: `WHEN` is auto, always or never")
	fs.Lookup("color").NoOptDefVal = "always"
	fs.String("lang", "", `override the language (BCP 47, e.g. "en", 'ru', en-GB)`)
	fs.String("secret", "", "a hidden flag")
	fs.MarkHidden("secret")
	fs.Bool("old", false, "a deprecated flag")
	fs.MarkDeprecated("old", "use --force")
	fs.BoolP("verbose", "v", false, "list each file written")
	fs.BoolP("quiet", "q", false, "print nothing but errors")
	fs.MarkShorthandDeprecated("quiet", "use --quiet")
	return fs
}

// fullPage exercises every section and the escapes prose needs.
var fullPage = Page{
	Name:    "offprint",
	Date:    "2024-05-01",
	Version: "1.2.0 (abc123)",
	Short:   "turn an article into an EPUB for e-readers and a paginated PDF for printing",
	Synopsis: []string{
		"offprint [OPTIONS] [INPUT...]",
		"offprint --version",
	},
	Description: []string{
		`offprint reads an article — scraped text, Markdown or a saved web
		page — and writes an EPUB and a PDF, each with a title page.`,
		".txt files are read as scraped text; a line may start with a dot, 'quotes' too, and \\ backslashes stay.",
		"  offprint -o out article.txt\n  \n  ls out/   # <title>.epub <title>.pdf",
		"Наталья Маркова writes in Russian; emoji 😚 and ~/tilde ^caret `grave` survive.",
	},
	ExitStatus: []Item{
		{"0", "every input was converted"},
		{"1", "an input failed"},
		{"2", "the command line was wrong"},
	},
	Environment: []Item{
		{"SOURCE_DATE_EPOCH", "seconds since 1970; the date written into the outputs, for reproducible builds"},
	},
	Sections: []Section{
		{Title: "Bugs", Paragraphs: []string{"Report bugs at https://github.com/offprint/offprint/issues."}},
	},
	Examples: []Example{
		{"offprint -o out article.txt", "write out/<title>.epub and out/<title>.pdf"},
		{`cat page.html | offprint --from html --title "A \"quoted\" title" -`, "convert standard input"},
		{"SOURCE_DATE_EPOCH=1700000000 offprint -o out a.txt", "reproducible dates"},
	},
	SeeAlso: []string{"pandoc(1)", "ebook-convert(1)", "epubcheck"},
}

var goldenTests = []struct {
	name string
	fs   func() *pflag.FlagSet
	page Page
}{
	{"full", smallFlags, fullPage},
	{"minimal", func() *pflag.FlagSet { return nil }, Page{Name: "tool"}},
	{"hidden-only", func() *pflag.FlagSet {
		fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
		fs.Bool("secret", false, "hidden")
		fs.MarkHidden("secret")
		return fs
	}, Page{Name: "x", Section: "8", Manual: "System Administration", Short: "do x", Date: "May 2024"}},
}

// golden compares got with testdata/golden/name, or rewrites it with
// -update. A missing golden file fails.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff\n--- got:\n%s", name, got)
	}
}

func TestWriteGolden(t *testing.T) {
	for _, tt := range goldenTests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, tt.fs(), tt.page); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name+".1", b.Bytes())
			for i, c := range b.Bytes() {
				if c >= 0x80 || (c < 0x20 && c != '\n') {
					t.Fatalf("byte %d is %#x: the page should be ASCII", i, c)
				}
			}
		})
	}
}

// TestWriteOptionOrder lists flags as VisitAll visits them.
func TestWriteOptionOrder(t *testing.T) {
	for _, sorted := range []bool{false, true} {
		fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
		fs.Bool("zeta", false, "z")
		fs.Bool("alpha", false, "a")
		fs.Bool("mid", false, "m")
		fs.SortFlags = sorted
		var b bytes.Buffer
		if err := Write(&b, fs, Page{Name: "x"}); err != nil {
			t.Fatal(err)
		}
		z, a, m := strings.Index(b.String(), `\-\-zeta`), strings.Index(b.String(), `\-\-alpha`), strings.Index(b.String(), `\-\-mid`)
		if sorted && !(a < m && m < z) || !sorted && !(z < a && a < m) {
			t.Errorf("SortFlags=%v: zeta %d, alpha %d, mid %d", sorted, z, a, m)
		}
	}
}

type failWriter struct{}

var errFail = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errFail }

func TestWriteErrors(t *testing.T) {
	err := Write(&bytes.Buffer{}, nil, Page{Name: " "})
	if err == nil || !strings.HasPrefix(err.Error(), "manpage: ") {
		t.Errorf("empty name: %v", err)
	}
	err = Write(failWriter{}, smallFlags(), fullPage)
	if !errors.Is(err, errFail) || !strings.HasPrefix(err.Error(), "manpage: ") {
		t.Errorf("failing writer: %v", err)
	}
}
