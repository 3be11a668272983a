package article

// Block is a block-level element of the body: *Heading, *Paragraph, *Quote,
// *List, *CodeBlock, *Image, *Table or *Rule. The set is closed.
type Block interface {
	isBlock()
}

// Heading is a section heading. Level 2 is the top level inside the body
// (level 1 is the article's title, which lives in Meta); levels run to 6.
type Heading struct {
	Level   int
	Inlines []Inline
}

// Paragraph is a paragraph of running text.
type Paragraph struct {
	Inlines []Inline
}

// Quote is a block quotation. Attribution, when known, names its source
// ("— a note pinned above Léa's desk") and is rendered after it.
type Quote struct {
	Blocks      []Block
	Attribution []Inline
}

// List is a bulleted (Ordered false) or numbered (Ordered true) list. Start
// is the first number of an ordered list; zero means 1.
type List struct {
	Ordered bool
	Start   int
	Items   []ListItem
}

// ListItem is one item of a list; nested lists are blocks of the item.
type ListItem struct {
	Blocks []Block
}

// CodeBlock is preformatted text, shown in a monospaced font with its line
// breaks kept. Language is an optional hint such as "go".
type CodeBlock struct {
	Language string
	Text     string
}

// Image is a picture embedded in the article. Data holds the encoded bytes
// and MediaType their type ("image/png", "image/jpeg", "image/gif",
// "image/webp"). Alt is the text alternative; Caption is shown below it.
// Width and Height are the pixel size when known, zero otherwise.
type Image struct {
	Data      []byte
	MediaType string
	Alt       string
	Caption   []Inline
	Width     int
	Height    int
	// Source is where the image came from (a file name or URL), for messages.
	Source string
}

// Table is a simple table: an optional header row and body rows, each a list
// of cells. Align holds one alignment per column and may be shorter than a
// row (missing entries mean AlignDefault).
type Table struct {
	Header []Cell
	Rows   [][]Cell
	Align  []Align
	// Caption is optional text that names the table.
	Caption []Inline
}

// Cell is one cell of a table.
type Cell struct {
	Inlines []Inline
}

// Align is the horizontal alignment of a table column.
type Align int

// Column alignments.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Rule is a thematic break between parts of the text.
type Rule struct{}

func (*Heading) isBlock()   {}
func (*Paragraph) isBlock() {}
func (*Quote) isBlock()     {}
func (*List) isBlock()      {}
func (*CodeBlock) isBlock() {}
func (*Image) isBlock()     {}
func (*Table) isBlock()     {}
func (*Rule) isBlock()      {}
