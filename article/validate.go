package article

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrNoTitle and ErrNoBody are returned (wrapped) by Validate for an article
// without a title or without body text.
var (
	ErrNoTitle = errors.New("article has no title")
	ErrNoBody  = errors.New("article has no body text")
)

// Validate reports the first reason the article cannot be rendered, or nil.
// Renderers may rely on a validated article: a non-empty title, body text,
// valid UTF-8 everywhere, heading levels 2–6, images with data and a media
// type, tables whose rows fit the header, and footnote references that
// resolve. Validate also tidies the authors (see CleanNames): no author
// name is blank or has white space around it, so that no renderer shows an
// empty name.
func (a *Article) Validate() error {
	if a == nil {
		return errors.New("article: nil article")
	}
	if strings.TrimSpace(a.Meta.Title) == "" {
		return fmt.Errorf("article: %w", ErrNoTitle)
	}
	if err := a.Meta.validate(); err != nil {
		return err
	}
	if !a.HasText() {
		return fmt.Errorf("article: %w", ErrNoBody)
	}
	ids := make(map[string]bool, len(a.Notes))
	for _, n := range a.Notes {
		if n.ID == "" || ids[n.ID] {
			return fmt.Errorf("article: footnote identifier %q is empty or repeated", n.ID)
		}
		ids[n.ID] = true
	}
	var err error
	check := func(b Block) bool {
		err = validateBlock(b, ids)
		return err == nil
	}
	WalkBlocks(a.Blocks, check)
	for _, n := range a.Notes {
		if err == nil {
			WalkBlocks(n.Blocks, check)
		}
	}
	return err
}

// validate checks the metadata, tidying its authors first.
func (m *Meta) validate() error {
	m.Authors = CleanNames(m.Authors)
	fields := []struct{ name, value string }{
		{"title", m.Title}, {"subtitle", m.Subtitle}, {"section", m.Section},
		{"language", m.Language}, {"source URL", m.SourceURL}, {"site name", m.SiteName},
		{"rights", m.Rights}, {"description", m.Description},
	}
	for _, a := range m.Authors {
		fields = append(fields, struct{ name, value string }{"author", a})
	}
	for _, k := range m.Keywords {
		fields = append(fields, struct{ name, value string }{"keyword", k})
	}
	for _, f := range fields {
		if !utf8.ValidString(f.value) {
			return fmt.Errorf("article: %s is not valid UTF-8", f.name)
		}
	}
	if m.Language != "" && !validLanguageTag(m.Language) {
		return fmt.Errorf("article: language %q is not a BCP 47 tag", m.Language)
	}
	return nil
}

// validLanguageTag checks the shape of a BCP 47 tag: subtags of 1–8 ASCII
// letters or digits separated by hyphens, the first 2–3 letters (or i/x).
func validLanguageTag(tag string) bool {
	parts := strings.Split(tag, "-")
	for i, p := range parts {
		if len(p) < 1 || len(p) > 8 {
			return false
		}
		for _, r := range p {
			isLetter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
			if !isLetter && !(i > 0 && r >= '0' && r <= '9') {
				return false
			}
		}
		if i == 0 && (len(p) < 2 || len(p) > 3) && p != "i" && p != "x" {
			return false
		}
	}
	return true
}

func validateBlock(b Block, notes map[string]bool) error {
	switch x := b.(type) {
	case nil:
		return errors.New("article: nil block")
	case *Heading:
		if x.Level < 2 || x.Level > 6 {
			return fmt.Errorf("article: heading level %d outside 2–6", x.Level)
		}
		return validateInlines(x.Inlines, notes)
	case *Paragraph:
		return validateInlines(x.Inlines, notes)
	case *Quote:
		return validateInlines(x.Attribution, notes)
	case *List:
		if len(x.Items) == 0 {
			return errors.New("article: list without items")
		}
	case *CodeBlock:
		if !utf8.ValidString(x.Text) {
			return errors.New("article: code block is not valid UTF-8")
		}
	case *Image:
		if len(x.Data) == 0 || !strings.HasPrefix(x.MediaType, "image/") {
			return fmt.Errorf("article: image %q has no data or no image media type", x.Source)
		}
		if !utf8.ValidString(x.Alt) {
			return errors.New("article: image alt text is not valid UTF-8")
		}
		return validateInlines(x.Caption, notes)
	case *Table:
		for _, c := range x.Header {
			if err := validateInlines(c.Inlines, notes); err != nil {
				return err
			}
		}
		for _, r := range x.Rows {
			if len(x.Header) > 0 && len(r) > len(x.Header) {
				return fmt.Errorf("article: table row has %d cells, header %d", len(r), len(x.Header))
			}
			for _, c := range r {
				if err := validateInlines(c.Inlines, notes); err != nil {
					return err
				}
			}
		}
	case *Rule:
	default:
		return fmt.Errorf("article: unknown block %T", b)
	}
	return nil
}

func validateInlines(ins []Inline, notes map[string]bool) error {
	for _, in := range ins {
		var err error
		switch x := in.(type) {
		case nil:
			err = errors.New("article: nil inline")
		case *Text:
			if !utf8.ValidString(x.Text) {
				err = errors.New("article: text is not valid UTF-8")
			}
		case *Emphasis:
			err = validateInlines(x.Inlines, notes)
		case *Strong:
			err = validateInlines(x.Inlines, notes)
		case *Strike:
			err = validateInlines(x.Inlines, notes)
		case *Code:
			if !utf8.ValidString(x.Text) {
				err = errors.New("article: inline code is not valid UTF-8")
			}
		case *Link:
			if !utf8.ValidString(x.URL) {
				err = errors.New("article: link URL is not valid UTF-8")
			} else {
				err = validateInlines(x.Inlines, notes)
			}
		case *LineBreak:
		case *NoteRef:
			if !notes[x.ID] {
				err = fmt.Errorf("article: footnote reference %q has no footnote", x.ID)
			}
		default:
			err = fmt.Errorf("article: unknown inline %T", in)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
