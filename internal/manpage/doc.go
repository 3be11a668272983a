// Package manpage writes a roff manual page, for man(1), from a command's
// pflag.FlagSet and a few paragraphs of prose, so that the page's OPTIONS
// never drift from the flags the command really has.
//
//	fs := pflag.NewFlagSet("offprint", pflag.ContinueOnError)
//	fs.SortFlags = false
//	fs.StringP("out-dir", "o", ".", "write outputs into `DIR`")
//	err := manpage.Write(w, fs, manpage.Page{
//		Name:        "offprint",
//		Date:        "2024-05-01", // injected: the page is deterministic
//		Version:     "1.2.0",
//		Short:       "turn an article into an EPUB and a PDF",
//		Synopsis:    []string{"offprint [OPTIONS] [INPUT...]"},
//		Description: []string{"offprint reads an article and writes ..."},
//		Examples:    []manpage.Example{{"offprint -o out a.md", "write out/<title>.epub and .pdf"}},
//		Environment: []manpage.Item{{"SOURCE_DATE_EPOCH", "the date written into the outputs"}},
//		SeeAlso:     []string{"pandoc(1)", "ebook-convert(1)"},
//	})
//
// The sections come in the order man-pages(7) gives: NAME, SYNOPSIS,
// DESCRIPTION, OPTIONS, EXIT STATUS, ENVIRONMENT, any extra sections,
// EXAMPLES, SEE ALSO. Flags are listed as FlagSet.VisitAll visits them
// (definition order when SortFlags is false), hidden ones left out. All
// text is escaped for roff, and non-ASCII characters are written as
// \[uXXXX] escapes, so the page is plain ASCII and renders the same with
// groff and mandoc.
package manpage
