package manpage

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/pflag"
)

// Write writes the manual page for a command with the flags of fs (nil for
// none) and the prose of page, in roff with the man macros.
func Write(w io.Writer, fs *pflag.FlagSet, page Page) error {
	if strings.TrimSpace(page.Name) == "" {
		return errors.New("manpage: Page.Name is empty")
	}
	bw := bufio.NewWriter(w)
	p := &printer{w: bw}
	p.page(fs, &page)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("manpage: %w", err)
	}
	return nil
}

// printer writes roff lines.
type printer struct {
	w *bufio.Writer
}

// line writes one line of roff as it is.
func (p *printer) line(s string) {
	p.w.WriteString(s)
	p.w.WriteByte('\n')
}

// text writes escaped text as a text line.
func (p *printer) text(s string) {
	p.line(textLine(s))
}

// section starts a section.
func (p *printer) section(title string) {
	p.line(".SH " + quoteArg(strings.ToUpper(title)))
}

func (p *printer) page(fs *pflag.FlagSet, pg *Page) {
	section := pg.Section
	if section == "" {
		section = "1"
	}
	manual := pg.Manual
	if manual == "" {
		manual = "User Commands"
	}
	source := strings.TrimSpace(pg.Name + " " + pg.Version)
	p.line(`.\" Generated from the command's flags by manpage.Write; do not edit.`)
	p.line(".TH " + strings.Join([]string{
		quoteArg(strings.ToUpper(pg.Name)), quoteArg(section), quoteArg(pg.Date), quoteArg(source), quoteArg(manual),
	}, " "))

	p.section("Name")
	name := escape(pg.Name)
	if short := reflow(pg.Short); short != "" {
		name += ` \- ` + escape(short)
	}
	p.text(name)

	p.section("Synopsis")
	synopsis := pg.Synopsis
	if len(synopsis) == 0 {
		synopsis = []string{pg.Name}
		if fs != nil && fs.HasAvailableFlags() {
			synopsis[0] += " [OPTIONS]"
		}
	}
	for i, s := range synopsis {
		if i > 0 {
			p.line(".br")
		}
		p.text(synopsisLine(s))
	}

	if len(pg.Description) > 0 {
		p.section("Description")
		p.paragraphs(pg.Description)
	}
	if fs != nil && fs.HasAvailableFlags() {
		p.section("Options")
		fs.VisitAll(p.flag)
	}
	if len(pg.ExitStatus) > 0 {
		p.section("Exit status")
		p.items(pg.ExitStatus)
	}
	if len(pg.Environment) > 0 {
		p.section("Environment")
		p.items(pg.Environment)
	}
	for _, s := range pg.Sections {
		p.section(s.Title)
		p.paragraphs(s.Paragraphs)
	}
	if len(pg.Examples) > 0 {
		p.section("Examples")
		for _, e := range pg.Examples {
			p.line(".TP")
			p.text(bold(escape(reflow(e.Command))))
			p.text(escape(reflow(e.Explanation)))
		}
	}
	if len(pg.SeeAlso) > 0 {
		p.section("See also")
		refs := make([]string, len(pg.SeeAlso))
		for i, ref := range pg.SeeAlso {
			refs[i] = pageRef(ref)
		}
		p.text(strings.Join(refs, ", "))
	}
}

// paragraphs writes paragraphs of text (see Page.Description).
func (p *printer) paragraphs(ps []string) {
	first := true
	for _, para := range ps {
		if strings.TrimSpace(para) == "" {
			continue
		}
		if !first {
			p.line(".PP")
		}
		first = false
		if !isLiteral(para) {
			p.text(escape(reflow(para)))
			continue
		}
		p.line(".RS 4")
		p.line(".nf")
		for _, l := range strings.Split(strings.TrimRight(para, "\n"), "\n") {
			l = strings.TrimRight(strings.TrimPrefix(l, "  "), " \t\r")
			if l == "" {
				p.line(`\&`)
			} else {
				p.text(escape(l))
			}
		}
		p.line(".fi")
		p.line(".RE")
	}
}

// isLiteral reports whether every non-blank line of a paragraph starts
// with two spaces.
func isLiteral(para string) bool {
	for _, l := range strings.Split(strings.TrimRight(para, "\n"), "\n") {
		if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "  ") {
			return false
		}
	}
	return true
}

// items writes a list of terms and their descriptions.
func (p *printer) items(items []Item) {
	for _, it := range items {
		p.line(".TP")
		p.text(bold(escape(reflow(it.Term))))
		p.text(escape(reflow(it.Text)))
	}
}

// flag writes one option: its names and value, then its usage and
// default, as pflag's own help shows them.
func (p *printer) flag(f *pflag.Flag) {
	if f.Hidden {
		return
	}
	tag := ""
	if f.Shorthand != "" && f.ShorthandDeprecated == "" {
		tag = bold(escape("-"+f.Shorthand)) + ", "
	}
	tag += bold(escape("--" + f.Name))
	varname, usage := pflag.UnquoteUsage(f)
	if varname != "" {
		tag += " " + italic(escape(varname))
	}
	if f.NoOptDefVal != "" && !(isBool(f) && f.NoOptDefVal == "true") {
		tag += "[=" + italic(escape(f.NoOptDefVal)) + "]"
	}
	p.line(".TP")
	p.text(tag)
	text := reflow(usage)
	if !defaultIsZero(f) {
		if f.Value.Type() == "string" {
			text += fmt.Sprintf(" (default %q)", f.DefValue)
		} else {
			text += fmt.Sprintf(" (default %s)", f.DefValue)
		}
	}
	p.text(escape(text))
}

// isBool reports whether f is a flag that takes no value.
func isBool(f *pflag.Flag) bool {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok {
		return b.IsBoolFlag()
	}
	return false
}

// defaultIsZero reports whether f's default is its type's zero value,
// which the page, like pflag's help, does not mention.
func defaultIsZero(f *pflag.Flag) bool {
	d := f.DefValue
	if isBool(f) {
		return d == "false" || d == ""
	}
	switch t := f.Value.Type(); {
	case t == "duration":
		return d == "0" || d == "0s"
	case t == "string":
		return d == ""
	case strings.HasSuffix(t, "Slice") || strings.HasSuffix(t, "Array"):
		return d == "[]"
	}
	switch d {
	case "", "0", "false", "<nil>", "[]":
		return true
	}
	return false
}

// synopsisLine formats a synopsis line: the command (the first word) and
// options (words starting with '-') in bold, metavariables (upper-case
// words) in italics, the rest roman.
func synopsisLine(s string) string {
	var b strings.Builder
	s = reflow(s)
	first := true
	for len(s) > 0 {
		n := wordLen(s)
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s)
			b.WriteString(escape(s[:size]))
			s = s[size:]
			continue
		}
		w := s[:n]
		switch {
		case first || w[0] == '-':
			b.WriteString(bold(escape(w)))
		case isMetavar(w):
			b.WriteString(italic(escape(w)))
		default:
			b.WriteString(escape(w))
		}
		first = false
		s = s[n:]
	}
	return b.String()
}

// wordLen returns the length of the word (letters, digits, '_' and '-')
// s starts with.
func wordLen(s string) int {
	for i, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-') {
			return i
		}
	}
	return len(s)
}

// isMetavar reports whether w is an upper-case word like FILE or OUT_DIR.
func isMetavar(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// pageRef formats "name(section)" as a reference to another page.
func pageRef(ref string) string {
	ref = strings.TrimSpace(ref)
	if i := strings.LastIndexByte(ref, '('); i > 0 && strings.HasSuffix(ref, ")") {
		return bold(escape(ref[:i])) + escape(ref[i:])
	}
	return bold(escape(ref))
}
