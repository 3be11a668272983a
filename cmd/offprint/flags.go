package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"github.com/offprint/offprint/internal/batch"
	"github.com/offprint/offprint/internal/charset"
	"github.com/offprint/offprint/internal/convert"
	"github.com/offprint/offprint/internal/fetch"
	"github.com/offprint/offprint/internal/reader"
)

// errHelp is returned by parseFlags after printing the help.
var errHelp = errors.New("help requested")

// config is the parsed command line.
type config struct {
	inputs  []string // "" stands for the embedded sample
	options convert.Options
	maxSize int64
	quiet   bool
	verbose bool
	bundle  bool
	offline bool
	fetch   fetch.Options
	// deliver mails the outputs or copies them onto an e-reader once
	// written (deliver.go).
	deliver delivery
	// info, when set, prints what was asked for (--version,
	// --list-papers, --list-formats, --man) instead of converting.
	info func(io.Writer) error
}

// rawFlags holds flag values that parseFlags turns into config fields.
type rawFlags struct {
	help, version, listPapers, listFormats, man     bool
	formats, from, paper, coverFile, fallback, date string
	maxWords                                        int
}

const usageHead = `offprint turns an article into an EPUB for e-readers and a paginated PDF
for printing, each with a title page and attribution.

Usage:
  offprint [flags] [INPUT...]

INPUT is a file (.txt scraped article text, .md Markdown, .html saved web
page, .mhtml page saved as a single file), an http(s) URL, or - for
standard input. With no INPUT, offprint exports its sample article.
Outputs are named after the article's title.

Flags:
`

const usageTail = `
Examples:
  offprint -o out article.txt            write out/<title>.epub and out/<title>.pdf
  offprint -f pdf --paper ereader a.md   a PDF for a 6-inch e-reader
  cat page.html | offprint --from html -o out -
  SOURCE_DATE_EPOCH=1700000000 offprint -o out a.txt   reproducible dates
  offprint --to-device a.md             onto the e-reader connected over USB (Kobo: KEPUB)
  offprint --send-to kindle a.md         mail the EPUB ([devices.kindle] in ~/.config/offprint/config.toml)

Exit status: 0 on success, 1 when an input failed, 2 for a usage error.
`

// newFlagSet defines offprint's flags on cfg and raw. The manual page is
// generated from the same definitions.
func newFlagSet(cfg *config, raw *rawFlags, stdout io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet("offprint", pflag.ContinueOnError)
	fs.SortFlags = false
	o := &cfg.options
	fs.StringVarP(&o.OutDir, "out-dir", "o", ".", "write outputs into `DIR` (created when missing)")
	fs.StringVarP(&raw.formats, "format", "f", "epub,pdf", "output `FORMATS`, comma-separated: epub, kepub (Kobo's EPUB, NAME.kepub.epub), pdf")
	fs.BoolVar(&o.Force, "force", false, "overwrite existing outputs")
	fs.StringVar(&raw.from, "from", "", "input `FORMAT`: txt, md, html or mhtml (default: from the extension or the content)")
	fs.StringVar(&o.Reader.Encoding, "encoding", "", "`CHARSET` of text input that is not UTF-8, e.g. windows-1251, iso-8859-1")
	fs.BoolVar(&o.Reader.NoImages, "no-images", false, "leave the article's images out")
	fs.BoolVar(&cfg.offline, "offline", false, "use no network: URL inputs fail, a saved page's remote images are left out")
	fs.BoolVar(&cfg.fetch.AllowPrivate, "allow-private", false, "let URLs and their images reach loopback, private and link-local addresses (refused by default)")
	fs.Int64Var(&cfg.maxSize, "max-size", convert.DefaultMaxSize, "largest input accepted, in `bytes`")
	fs.IntVar(&raw.maxWords, "max-words", convert.DefaultMaxWords, "longest article converted, in `words` (0: no limit)")
	fs.StringVar(&raw.paper, "paper", "a4", fmt.Sprintf("PDF page `SIZE`: a4, letter, a5, ereader or WxH in mm (e.g. 148x210), each side %g–%g mm", minPaperSide, maxPaperSide))
	fs.Float64Var(&o.PDF.FontSize, "font-size", 0, fmt.Sprintf("PDF body font size in `points`, %g–%g (default: scaled to the paper)", minFontSize, maxFontSize))
	fs.StringVar(&raw.fallback, "fallback-font", "", "TrueType `FILE` for characters the PDF's fonts lack")
	fs.BoolVar(&o.NoSmart, "no-smart", false, "keep straight quotes, hyphens and dots as they are")
	fs.BoolVar(&o.NoCover, "no-cover", false, "leave the cover out of the EPUB")
	fs.StringVar(&raw.coverFile, "cover", "", "use the JPEG or PNG `FILE` as the EPUB's cover")
	fs.BoolVar(&o.EPUB.EmbedFonts, "embed-fonts", false, "embed the PDF's fonts in the EPUB too")
	fs.BoolVar(&cfg.bundle, "bundle", false, "bind all inputs into one EPUB and one PDF (--title and --author then name the collection)")
	addDeliveryFlags(fs, &cfg.deliver)
	fs.StringVar(&o.Override.Title, "title", "", "override the article's `TITLE`")
	fs.StringVar(&o.Override.Subtitle, "subtitle", "", "override the `SUBTITLE`")
	fs.StringArrayVar(&o.Override.Authors, "author", nil, "override the authors: one `NAME` each (repeat for several)")
	fs.StringVar(&raw.date, "date", "", "override the publication `DATE` (YYYY-MM-DD)")
	fs.StringVar(&o.Override.Language, "lang", "", "override the language: a BCP 47 `TAG` such as en, ru, en-GB")
	fs.StringVar(&o.Override.Section, "section", "", "override the `SECTION`")
	fs.StringVar(&o.Override.SourceURL, "source", "", "override the source `URL`")
	fs.StringVar(&o.Override.Rights, "rights", "", "override the `RIGHTS` or licence statement")
	fs.BoolVarP(&cfg.quiet, "quiet", "q", false, "print nothing but errors (no progress, warnings or summary)")
	fs.BoolVarP(&cfg.verbose, "verbose", "v", false, "also print the summary for a single input (the files written are listed without it)")
	fs.BoolVar(&raw.listPapers, "list-papers", false, "list the paper sizes --paper accepts")
	fs.BoolVar(&raw.listFormats, "list-formats", false, "list the input and output formats")
	fs.BoolVarP(&raw.help, "help", "h", false, "show this help")
	fs.BoolVar(&raw.version, "version", false, "show the version")
	fs.BoolVar(&raw.man, "man", false, "write the manual page (roff) to standard output")
	fs.MarkHidden("man")
	fs.Usage = func() {
		fmt.Fprint(stdout, usageHead)
		fmt.Fprint(stdout, fs.FlagUsages())
		fmt.Fprint(stdout, usageTail)
	}
	return fs
}

// parseFlags parses args into a config. Usage errors are returned; --help
// prints the help and returns errHelp.
func parseFlags(args []string, e env) (*config, error) {
	var (
		cfg config
		raw rawFlags
	)
	fs := newFlagSet(&cfg, &raw, e.stdout)
	fs.SetOutput(io.Discard)
	o := &cfg.options
	formats, from, paper, coverFile, fallback, date := &raw.formats, &raw.from, &raw.paper, &raw.coverFile, &raw.fallback, &raw.date
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return nil, errHelp
		}
		return nil, err
	}
	if raw.help {
		fs.Usage()
		return nil, errHelp
	}
	if info := infoFor(&raw, fs); info != nil {
		cfg.info = info
		return &cfg, nil
	}
	// Every value is checked here, before any input is read: a bad one is
	// a usage error naming the flag.
	if err := checkTexts(&cfg, &raw); err != nil {
		return nil, err
	}
	var err error
	if o.Formats, err = parseFormats(*formats); err != nil {
		return nil, err
	}
	if o.Reader.From, err = reader.ParseFormat(*from); err != nil {
		return nil, fmt.Errorf("--from: %w", err)
	}
	if o.Reader.Encoding != "" {
		if _, _, err := charset.Lookup(o.Reader.Encoding); err != nil {
			return nil, fmt.Errorf("--encoding: %w", err)
		}
	}
	if o.PDF.Paper, err = parsePaper(*paper); err != nil {
		return nil, err
	}
	if err := checkFontSize(o.PDF.FontSize); err != nil {
		return nil, err
	}
	if cfg.maxSize <= 0 {
		return nil, fmt.Errorf("--max-size %d: must be a positive number of bytes", cfg.maxSize)
	}
	switch {
	case raw.maxWords < 0:
		return nil, fmt.Errorf("--max-words %d: must not be negative (0 for no limit)", raw.maxWords)
	case raw.maxWords == 0:
		o.MaxWords = -1
	default:
		o.MaxWords = raw.maxWords
	}
	if *date != "" {
		if o.Override.Date, err = time.Parse("2006-01-02", *date); err != nil {
			return nil, fmt.Errorf("--date %q: want a real date as YYYY-MM-DD", *date)
		}
	}
	if o.Override.Language != "" {
		tag, err := language.Parse(o.Override.Language)
		if err != nil {
			return nil, fmt.Errorf("--lang %q is not a BCP 47 language tag (e.g. en, ru, en-GB)", o.Override.Language)
		}
		o.Override.Language = tag.String()
	}
	if err := checkSource(o.Override.SourceURL); err != nil {
		return nil, err
	}
	if *coverFile != "" && o.NoCover {
		return nil, errors.New("--cover and --no-cover exclude each other")
	}
	if *coverFile != "" {
		if o.CoverImage, err = convertReadCover(*coverFile); err != nil {
			return nil, fmt.Errorf("--cover: %w", err)
		}
	}
	if *fallback != "" {
		if o.PDF.FallbackFont, err = convertReadFont(*fallback); err != nil {
			return nil, fmt.Errorf("--fallback-font: %w", err)
		}
	}
	if o.Date, err = sourceDateEpoch(e.getenv("SOURCE_DATE_EPOCH")); err != nil {
		return nil, err
	}
	o.Version = versionString()
	cfg.fetch.Version = o.Version
	if err := cfg.deliver.check(&cfg, fs.Changed("format"), e.getenv); err != nil {
		return nil, err
	}
	if fs.NArg() == 0 {
		cfg.inputs = []string{""}
		return &cfg, nil
	}
	if cfg.inputs, err = batch.Expand(fs.Args(), inputExtensions()); err != nil {
		return nil, err
	}
	return &cfg, nil
}

// checkTexts checks every text flag with checkText.
func checkTexts(cfg *config, raw *rawFlags) error {
	ov := &cfg.options.Override
	texts := []struct{ flag, v string }{
		{"title", ov.Title}, {"subtitle", ov.Subtitle}, {"section", ov.Section},
		{"source", ov.SourceURL}, {"rights", ov.Rights}, {"lang", ov.Language},
		{"date", raw.date}, {"encoding", cfg.options.Reader.Encoding},
		{"format", raw.formats}, {"from", raw.from}, {"paper", raw.paper},
	}
	for _, a := range ov.Authors {
		texts = append(texts, struct{ flag, v string }{"author", a})
	}
	for _, t := range texts {
		if err := checkText(t.flag, t.v); err != nil {
			return err
		}
	}
	return nil
}

// parseFormats parses the --format list.
func parseFormats(s string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" || seen[f] {
			continue
		}
		if !slices.Contains(convert.KnownFormats, f) {
			return nil, fmt.Errorf("--format: unknown format %q (want epub, kepub, pdf)", f)
		}
		seen[f] = true
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, errors.New("--format: no format given")
	}
	return out, nil
}

// sourceDateEpoch parses SOURCE_DATE_EPOCH (seconds since 1970, UTC).
func sourceDateEpoch(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a non-negative number of seconds", v)
	}
	return time.Unix(n, 0).UTC(), nil
}
