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
				".html a saved web page, .mhtml or .mht a page saved as a single file), a folder (searched for such files), " +
				"an http(s) URL, or - for standard input. " +
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
			{Command: "offprint -o out --send-to kindle article.md", Explanation: "Mail the EPUB to the Kindle named in the config file."},
			{Command: "offprint -o out --to-device article.md", Explanation: "Copy the book onto the connected e-reader: a KEPUB onto a Kobo, a PDF onto a Kindle, an EPUB onto a PocketBook."},
		},
		ExitStatus: []manpage.Item{
			{Term: "0", Text: "Every input was converted."},
			{Term: "1", Text: "An input failed; the reason is printed as offprint: FILE: reason. Also when a delivery failed " +
				"(offprint: --send-to ADDRESS: the server's answer); the files stay written."},
			{Term: "2", Text: "The command line was wrong."},
		},
		Environment: []manpage.Item{
			{Term: "SOURCE_DATE_EPOCH", Text: "Seconds since 1970 used as the outputs' modification date, for reproducible builds. " +
				"Without it the article's own date is used, or a fixed date: the clock is never read. It also dates the messages --send-to sends."},
			{Term: "OFFPRINT_SMTP_URL", Text: "The SMTP server --send-to sends through: smtp://USER@HOST:587 (STARTTLS required) or " +
				"smtps://USER@HOST:465 (implicit TLS); it overrides url in the config file. A password in the URL is refused."},
			{Term: "OFFPRINT_SMTP_PASSWORD", Text: "The SMTP password; without it, the first line printed by the config file's password-command. " +
				"No flag takes a password."},
			{Term: "XDG_CONFIG_HOME", Text: "Where the config file is looked for: $XDG_CONFIG_HOME/offprint/config.toml, else ~/.config/offprint/config.toml."},
		},
		Sections: []manpage.Section{{
			Title: "FILES",
			Paragraphs: []string{
				"$XDG_CONFIG_HOME/offprint/config.toml (else ~/.config/offprint/config.toml): TOML. The [smtp] table has url " +
					"(as OFFPRINT_SMTP_URL), from (the sender; Send to Kindle takes mail only from approved addresses) and " +
					"password-command (a shell command printing the password). Each [devices.NAME] table names an e-reader for " +
					"--send-to NAME: address, kind (kindle, pocketbook, kobo or other; default from the address), formats " +
					"(default: Kindle epub, PocketBook epub and pdf, Kobo kepub, other every format written), max-message-mb " +
					"and max-attachments (default: Send to Kindle's 50 MB and 25 files, else 25 MB and 25 files). An unknown key is an error.",
				"  [smtp]\n  url = \"smtp://me@mail.example.org:587\"\n  from = \"me@example.org\"\n  password-command = \"pass show mail/offprint\"\n\n" +
					"  [devices.kindle]\n  address = \"me_123@kindle.com\"\n  formats = [\"epub\"]",
			},
		}},
		SeeAlso: []string{"pandoc(1)", "ebook-convert(1)"},
	}
}
