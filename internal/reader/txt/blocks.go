package txt

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/offprint/offprint/article"
)

// Headings are short lines standing alone between paragraphs, with no
// closing punctuation.
const (
	maxHeadingRunes = 100
	maxHeadingWords = 12
)

// maxQuoteDepth is the deepest nesting of quotations; deeper ">" are text.
const maxQuoteDepth = 4

// A piece is a paragraph-like unit of the body before blocks are made.
type piece struct {
	raw    string // the text as written
	text   string // the text without a list marker
	alone  bool   // stood on a line of its own, not joined to others
	marker string // list marker ("-", "•", "1." …) or "" for none
	num    int    // the number of an ordered list item
	tight  bool   // followed the previous piece with no blank line between
	quote  []string
}

// bodyBlocks makes the blocks of the body from its lines ("" for blank).
// depth counts the quotations around the lines: headings are made only
// outside quotations, and quotations nest at most maxQuoteDepth deep.
func bodyBlocks(ls []string, depth int) []article.Block {
	pieces := splitPieces(ls, depth < maxQuoteDepth)
	var blocks []article.Block
	for i := 0; i < len(pieces); {
		p := pieces[i]
		if p.quote != nil {
			if q := quoteBlock(p.quote, depth+1); q != nil {
				blocks = append(blocks, q)
			}
			i++
			continue
		}
		if n, ok := listRun(pieces, i); ok {
			blocks = append(blocks, listBlock(pieces[i:i+n]))
			i += n
			continue
		} else if n > 1 {
			// Marked lines that are not a list (dialogue): paragraphs.
			for _, p := range pieces[i : i+n] {
				blocks = append(blocks, &article.Paragraph{Inlines: inlines(p.raw)})
			}
			i += n
			continue
		}
		if depth == 0 && isHeading(pieces, i) {
			blocks = append(blocks, &article.Heading{Level: 2, Inlines: inlines(p.raw)})
		} else {
			blocks = append(blocks, &article.Paragraph{Inlines: inlines(p.raw)})
		}
		i++
	}
	return blocks
}

// splitPieces groups lines into pieces: blank lines separate groups; lines
// starting with ">" are quotations when quotes is true; a
// group's lines are joined into one paragraph when the text is hard-wrapped,
// and kept apart otherwise, except that a line starting in lower case
// continues the one before.
func splitPieces(ls []string, quotes bool) []piece {
	var pieces []piece
	for i := 0; i < len(ls); {
		if ls[i] == "" {
			i++
			continue
		}
		j := i
		for j < len(ls) && ls[j] != "" {
			j++
		}
		pieces = append(pieces, groupPieces(ls[i:j], quotes)...)
		i = j
	}
	return pieces
}

// groupPieces splits one group of consecutive lines into pieces.
func groupPieces(group []string, quotes bool) []piece {
	var out []piece
	var quote []string
	flushQuote := func() {
		if quote != nil {
			out = append(out, piece{quote: quote, tight: len(out) > 0})
			quote = nil
		}
	}
	var plain []string
	flushPlain := func() {
		if plain == nil {
			return
		}
		tight := len(out) > 0
		for k, t := range joinLines(plain) {
			p := t
			p.tight = tight || k > 0
			out = append(out, p)
		}
		plain = nil
	}
	for _, l := range group {
		if q, ok := quoteLine(l); ok && quotes {
			flushPlain()
			if quote == nil {
				quote = []string{}
			}
			quote = append(quote, q)
			continue
		}
		flushQuote()
		plain = append(plain, l)
	}
	flushPlain()
	flushQuote()
	return out
}

// quoteLine reports whether l is a line of a block quotation ("> text",
// or ">" alone) and returns its text.
func quoteLine(l string) (string, bool) {
	if l == ">" {
		return "", true
	}
	if strings.HasPrefix(l, "> ") {
		return strings.TrimSpace(l[2:]), true
	}
	return "", false
}

// joinLines splits the lines of a group into pieces: list items (with
// their continuation lines), and paragraphs, wrapped lines joined.
func joinLines(group []string) []piece {
	wrapped := looksWrapped(group)
	var (
		out  []piece
		more [][]string // the lines joined to each piece after its first
	)
	for _, l := range group {
		marker, num, text := listMarker(l)
		if marker != "" {
			out = append(out, piece{raw: l, text: text, alone: true, marker: marker, num: num})
			more = append(more, nil)
			continue
		}
		if n := len(out); n > 0 {
			last := &out[n-1]
			prev := last.raw
			if k := len(more[n-1]); k > 0 {
				prev = more[n-1][k-1]
			}
			if wrapped && last.marker == "" || last.marker != "" && startsLower(l) || continues(prev, l) {
				more[n-1] = append(more[n-1], l)
				last.alone = false
				continue
			}
		}
		out = append(out, piece{raw: l, text: l, alone: true})
		more = append(more, nil)
	}
	for i := range out {
		if more[i] != nil {
			out[i].raw = joinWrapped(out[i].raw, more[i])
			out[i].text = joinWrapped(out[i].text, more[i])
		}
	}
	return out
}

// looksWrapped reports whether a group of lines is one paragraph
// hard-wrapped at a fixed width: at least two lines, every line but the
// last at least half as long as the longest and the longest under 150
// letters and over 40, and some line ending mid-sentence.
func looksWrapped(group []string) bool {
	if len(group) < 2 {
		return false
	}
	longest := 0
	for _, l := range group[:len(group)-1] {
		longest = max(longest, utf8.RuneCountInString(l))
	}
	if longest < 40 || longest > 150 || utf8.RuneCountInString(group[len(group)-1]) > longest+15 {
		return false
	}
	midSentence := false
	for i, l := range group[:len(group)-1] {
		if utf8.RuneCountInString(l)*2 < longest {
			return false
		}
		if !endsSentence(l) || startsLower(group[i+1]) {
			midSentence = true
		}
	}
	return midSentence
}

// continues reports whether line next continues the sentence of prev:
// it starts in lower case, or prev ends with a hyphen or a comma.
func continues(prev, next string) bool {
	if startsLower(next) {
		return true
	}
	return strings.HasSuffix(prev, ",") || strings.HasSuffix(prev, "-") && !strings.HasSuffix(prev, " -")
}

// joinWrapped joins lines of one paragraph to first: with a space, or with
// none after a word broken at a hyphen ("long-" + "term").
func joinWrapped(first string, lines []string) string {
	var b strings.Builder
	b.WriteString(first)
	prev := first
	for _, l := range lines {
		if !brokenWord(prev, l) {
			b.WriteByte(' ')
		}
		b.WriteString(l)
		prev = l
	}
	return b.String()
}

// brokenWord reports whether a ends in a word broken at a hyphen that b
// finishes.
func brokenWord(a, b string) bool {
	if !strings.HasSuffix(a, "-") || strings.HasSuffix(a, " -") || !startsLower(b) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(a[:len(a)-1])
	return unicode.IsLetter(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// closing are the characters that end a sentence or a quoted phrase; a line
// ending in one is not a heading.
const closing = ".!?…:;,»”\"’'—–-"

func endsSentence(l string) bool {
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(closing, r)
}

// isHeading reports whether piece i is a heading: a heading line that
// starts its group of lines, with text after it, and no heading line
// right before or after it (a run of short lines is an address or a poem).
func isHeading(pieces []piece, i int) bool {
	p := pieces[i]
	if !isHeadingLine(p) || p.tight || i+1 >= len(pieces) || isHeadingLine(pieces[i+1]) {
		return false
	}
	return i == 0 || !isHeadingLine(pieces[i-1])
}

// isHeadingLine reports whether a piece can be a heading: a short line of
// its own, no closing punctuation, starting with a capital letter or a
// digit, not a link.
func isHeadingLine(p piece) bool {
	if !p.alone || p.marker != "" || p.quote != nil {
		return false
	}
	t := p.raw
	if utf8.RuneCountInString(t) > maxHeadingRunes || len(strings.Fields(t)) > maxHeadingWords || endsSentence(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !unicode.IsLetter(r) || unicode.IsLower(r) {
		return false
	}
	if strings.Contains(t, "://") || strings.HasPrefix(strings.ToLower(t), "www.") {
		return false
	}
	return true
}

// listMarker returns the list marker of a line and the item's text: "- ",
// "• ", "* ", "— " … for bullets, "1. " or "1) " for numbers.
func listMarker(l string) (marker string, num int, text string) {
	for _, m := range []string{"- ", "– ", "— ", "• ", "* ", "· ", "▪ ", "◦ ", "‣ ", "○ ", "■ ", "► ", "→ "} {
		if strings.HasPrefix(l, m) && len(l) > len(m) {
			return strings.TrimSpace(m), 0, strings.TrimSpace(l[len(m):])
		}
	}
	i := 0
	for i < len(l) && i < 3 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(l) && (l[i] == '.' || l[i] == ')') && l[i+1] == ' ' {
		n, _ := strconv.Atoi(l[:i])
		if rest := strings.TrimSpace(l[i+2:]); rest != "" {
			return l[i : i+1], n, rest
		}
	}
	return "", 0, l
}

// listRun returns how many pieces from i on have the same kind of marker
// (numbers counting up by one), and whether they make a list: two or more
// items do, except that a run of dash items is a list only when the text
// before it ends with a colon, or no item reads like a line of dialogue
// ("— Yes, — he said.") and, for long dashes, the items are short and on
// consecutive lines.
func listRun(pieces []piece, i int) (n int, ok bool) {
	first := pieces[i]
	if first.marker == "" {
		return 0, false
	}
	n = 1
	for i+n < len(pieces) {
		p := pieces[i+n]
		if p.marker != first.marker || p.quote != nil {
			break
		}
		if isNumMarker(first.marker) && p.num != first.num+n {
			break
		}
		n++
	}
	if n < 2 {
		return n, false
	}
	if first.marker == "—" || first.marker == "–" || first.marker == "-" {
		if i > 0 && strings.HasSuffix(pieces[i-1].raw, ":") {
			return n, true
		}
		for k, p := range pieces[i : i+n] {
			if strings.Contains(p.text, " — ") || strings.Contains(p.text, " – ") || strings.Contains(p.text, " - ") {
				return n, false
			}
			if first.marker != "-" && (k > 0 && !p.tight || utf8.RuneCountInString(p.text) > 200) {
				return n, false
			}
		}
	}
	return n, true
}

func isNumMarker(m string) bool { return m == "." || m == ")" }

// listBlock makes a list of pieces that listRun accepted.
func listBlock(items []piece) *article.List {
	l := &article.List{Ordered: isNumMarker(items[0].marker)}
	if l.Ordered && items[0].num != 1 {
		l.Start = items[0].num
	}
	for _, it := range items {
		l.Items = append(l.Items, article.ListItem{Blocks: []article.Block{&article.Paragraph{Inlines: inlines(it.text)}}})
	}
	return l
}

// quoteBlock makes a block quotation of quoted lines, paragraphs split at
// empty ">" lines; nil when they hold no text.
func quoteBlock(lines []string, depth int) article.Block {
	blocks := bodyBlocks(lines, depth)
	if len(blocks) == 0 {
		return nil
	}
	return &article.Quote{Blocks: blocks}
}
