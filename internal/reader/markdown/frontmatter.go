package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/offprint/offprint/internal/lazyre"
)

// MetadataError reports a YAML metadata block that could not be parsed.
// Line is the line of the Markdown file the problem was found on (1-based;
// the opening "---" is line 1), or 0 when the YAML parser did not say.
type MetadataError struct {
	Line int
	// Err is the YAML parser's error.
	Err error
}

func (e *MetadataError) Error() string {
	msg := yamlMessage(e.Err)
	if e.Line > 0 {
		return fmt.Sprintf("markdown: malformed YAML metadata block: line %d: %s", e.Line, msg)
	}
	return "markdown: malformed YAML metadata block: " + msg
}

// Unwrap returns the YAML parser's error.
func (e *MetadataError) Unwrap() error { return e.Err }

var yamlLineRE = lazyre.New(`^(?:yaml: )?line (\d+): `)

// yamlMessage is the YAML error's text without its "yaml: line N: " prefix
// (MetadataError states the line of the file instead).
func yamlMessage(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		return yamlLineRE().ReplaceAllString(te.Errors[0], "")
	}
	msg := yamlLineRE().ReplaceAllString(err.Error(), "")
	return strings.TrimPrefix(msg, "yaml: ")
}

// yamlParserProblems are the messages of yaml.v3's parser (as opposed to
// its scanner). yaml.v3 reports the line of a parser error 0-based and
// that of a scanner error 1-based, and omits a line 0 altogether.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or '}'":       true,
	"did not find expected ',' or ']'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"did not find expected <document start>": true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// yamlErrorLine is the 1-based line inside the YAML text that err is
// about, or 0 when it cannot tell.
func yamlErrorLine(err error) int {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		if len(te.Errors) == 0 {
			return 0
		}
		m := yamlLineRE().FindStringSubmatch(te.Errors[0])
		if m == nil {
			return 0
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	msg := err.Error()
	m := yamlLineRE().FindStringSubmatch(msg)
	problem := strings.TrimPrefix(yamlLineRE().ReplaceAllString(msg, ""), "yaml: ")
	switch {
	case m == nil && (strings.HasPrefix(problem, "unknown anchor") || strings.Contains(problem, "aliasing")):
		return 0 // a decoding problem, not a syntax error: no position
	case m == nil:
		return 1 // yaml.v3 leaves out the line when it is the first
	}
	n, _ := strconv.Atoi(m[1])
	if yamlParserProblems[problem] {
		n++
	}
	return n
}

// frontMatter is the outcome of looking for a metadata block at the top of
// a document.
type frontMatter struct {
	yaml  []byte // the block's text, fences excluded
	body  []byte // the rest of the document
	found bool
	// unclosed is set when the document opens a block that never closes.
	unclosed bool
}

// splitFrontMatter finds a pandoc-style YAML metadata block at the very top
// of src (line endings already normalised to "\n"): a line "---", at least
// one non-blank line, and a closing line "---" or "...". Like pandoc, a
// "---" followed by a blank line is a thematic break, not a metadata block.
func splitFrontMatter(src []byte) frontMatter {
	first, rest, more := bytes.Cut(src, []byte("\n"))
	if !more || string(bytes.TrimRight(first, " \t")) != "---" {
		return frontMatter{body: src}
	}
	next, _, _ := bytes.Cut(rest, []byte("\n"))
	if len(bytes.TrimSpace(next)) == 0 {
		return frontMatter{body: src}
	}
	for off := 0; off <= len(rest); {
		line, _, more := bytes.Cut(rest[off:], []byte("\n"))
		if t := string(bytes.TrimRight(line, " \t")); t == "---" || t == "..." {
			end := off + len(line)
			if more {
				end++
			}
			return frontMatter{yaml: rest[:off], body: rest[end:], found: true}
		}
		if !more {
			break
		}
		off += len(line) + 1
	}
	return frontMatter{body: src, unclosed: true}
}

// parseYAML parses a metadata block. It returns the top-level mapping node,
// or nil when the block holds no mapping (empty, or a scalar or sequence,
// which pandoc would not take for metadata either).
func parseYAML(src []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line := yamlErrorLine(err)
		if line > 0 {
			line++ // the opening "---" is line 1 of the file
		}
		return nil, &MetadataError{Line: line, Err: err}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	root := deref(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		return nil, nil
	}
	return root, nil
}

// deref follows an alias to the node it names.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	return n
}
