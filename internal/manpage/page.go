package manpage

// Page is the prose of a manual page; the options come from the FlagSet.
// Empty fields leave their section out.
type Page struct {
	// Name is the command's name, e.g. "offprint". Required.
	Name string
	// Section is the manual section; "" means "1" (user commands).
	Section string
	// Date is the page's date as it should appear, e.g. "2024-05-01". It
	// is given, never taken from the clock, so the page is reproducible.
	Date string
	// Version is the command's version, shown in the footer as
	// "Name Version".
	Version string
	// Manual is the title of the manual the page belongs to; "" means
	// "User Commands".
	Manual string
	// Short is the one-line description in NAME, after "Name \- ".
	// whatis(1) and apropos(1) index it, so give one.
	Short string
	// Synopsis lines, e.g. "offprint [OPTIONS] [INPUT...]". In each line
	// the first word and words starting with '-' are set in bold and
	// upper-case words (INPUT, FILE) in italics. None means
	// "Name [OPTIONS]" ("Name" for a command without flags).
	Synopsis []string
	// Description is the DESCRIPTION section, one string per paragraph.
	// Line breaks inside a paragraph are reflowed. A paragraph whose
	// every line starts with two spaces is kept as it is, indented, in a
	// fixed-width font: a literal block.
	Description []string
	// Examples are listed in EXAMPLES: each command in bold, its
	// explanation below.
	Examples []Example
	// ExitStatus lists the exit statuses, e.g. {"0", "success"}.
	ExitStatus []Item
	// Environment lists the environment variables read.
	Environment []Item
	// Sections are further sections (FILES, NOTES, BUGS, AUTHORS), put
	// after ENVIRONMENT.
	Sections []Section
	// SeeAlso names related pages as "name(section)".
	SeeAlso []string
}

// Example is a command and what it does.
type Example struct {
	// Command is the command line, set in bold.
	Command string
	// Explanation says what it does.
	Explanation string
}

// Item is a term and its description, as in EXIT STATUS or ENVIRONMENT.
type Item struct {
	// Term is the status, variable or file, set in bold.
	Term string
	// Text describes it.
	Text string
}

// Section is a section of paragraphs, formatted like Page.Description.
type Section struct {
	// Title is the heading; it is written in upper case.
	Title string
	// Paragraphs are the section's text, as in Page.Description.
	Paragraphs []string
}
