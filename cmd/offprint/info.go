package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/offprint/offprint/internal/convert"
	"github.com/offprint/offprint/internal/manpage"
	"github.com/offprint/offprint/internal/pdf"
	"github.com/offprint/offprint/internal/reader"
)

// infoFor returns the printer for an informational flag, or nil when none
// was given.
func infoFor(raw *rawFlags, fs *pflag.FlagSet) func(io.Writer) error {
	switch {
	case raw.version:
		return func(w io.Writer) error {
			_, err := fmt.Fprintf(w, "offprint %s\n", versionString())
			return err
		}
	case raw.listPapers:
		return listPapers
	case raw.listFormats:
		return listFormats
	case raw.man:
		return func(w io.Writer) error { return manpage.Write(w, fs, manualPage()) }
	}
	return nil
}

func listPapers(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, p := range pdf.Papers() {
		fmt.Fprintf(tw, "%s\t%g × %g mm\t%s\n", p.Name, p.Width, p.Height, p.Description)
	}
	fmt.Fprintf(tw, "WxH\tcustom\tany size in mm, each side %g–%g mm, e.g. 148x210 (also cm and in: 8.5x11in)\n", minPaperSide, maxPaperSide)
	return tw.Flush()
}

func listFormats(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Input formats (--from):")
	for _, f := range reader.Formats {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", f.Format, strings.Join(f.Extensions, " "), f.About)
	}
	fmt.Fprintf(tw, "  url\thttp:// https://\ta web page, fetched with its images\n")
	fmt.Fprintln(tw, "Output formats (--format):")
	fmt.Fprintf(tw, "  %s\t.epub\tEPUB 3 with NCX, cover, navigation and accessibility metadata\n", convert.EPUB)
	fmt.Fprintf(tw, "  %s\t.kepub.epub\tthe EPUB with Kobo's markup (kepubify), for Kobo e-readers\n", convert.KEPUB)
	fmt.Fprintf(tw, "  %s\t.pdf\tpaginated PDF with title page, outline and embedded fonts\n", convert.PDF)
	return tw.Flush()
}

// inputExtensions lists the file extensions a folder is searched for.
func inputExtensions() []string {
	var exts []string
	for _, f := range reader.Formats {
		exts = append(exts, f.Extensions...)
	}
	return exts
}

// manualPage is the prose of offprint(1); its options come from the flags.
func manualPage() manpage.Page {
	return manpage.Page{
		Name:     "offprint",
		Version:  versionString(),
		Short:    "turn an article into an EPUB and a paginated PDF",
		Synopsis: []string{"offprint [OPTIONS] [INPUT...]"},
		Description: []string{
			"offprint turns an article into an EPUB for e-readers and a paginated PDF for printing, " +
				"each with a title page and an attribution page, from one model of the article.",
			"INPUT is a file (.txt text scraped from a news site, .md Markdown with a YAML metadata block, " +
				".html a saved web page), a folder (searched for such files), an http(s) URL, or - for standard input. " +
				"With no INPUT, offprint exports its embedded sample article. Several inputs are converted in " +
				"parallel; one failing input does not stop the others.",
			"Outputs are named after the article's title, transliterated to ASCII, at most 60 characters. " +
				"Each is written to a temporary file, synced and renamed into place, so an interrupted run leaves " +
				"no partial file; an existing output is kept unless --force is given.",
		},
		Examples: []manpage.Example{
			{Command: "offprint -o out article.txt", Explanation: "Write out/TITLE.epub and out/TITLE.pdf."},
			{Command: "offprint -f pdf --paper ereader -o out notes.md", Explanation: "A PDF for a 6-inch e-reader."},
			{Command: "offprint -v -o out saved/", Explanation: "Convert every article in a folder, listing each file written."},
			{Command: "cat page.html | offprint --from html -o out -", Explanation: "Read a web page from standard input."},
		},
		ExitStatus: []manpage.Item{
			{Term: "0", Text: "Every input was converted."},
			{Term: "1", Text: "An input failed; the reason is printed as offprint: FILE: reason."},
			{Term: "2", Text: "The command line was wrong."},
		},
		Environment: []manpage.Item{
			{Term: "SOURCE_DATE_EPOCH", Text: "Seconds since 1970 used as the outputs' modification date, for reproducible builds. " +
				"Without it the article's own date is used, or a fixed date: the clock is never read."},
		},
		SeeAlso: []string{"pandoc(1)", "ebook-convert(1)"},
	}
}
