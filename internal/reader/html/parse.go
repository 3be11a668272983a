package html

import (
	"bytes"
	"fmt"

	xhtml "golang.org/x/net/html"
)

// maxNesting is how deep flatten lets elements nest. The x/net/html parser
// refuses documents whose open elements exceed 512; flatten keeps well below
// that, leaving room for elements the parser inserts itself (tbody, tr, …).
const maxNesting = 256

// parse parses a UTF-8 document. A document the parser refuses because its
// elements nest too deeply is flattened (see flatten) and parsed again, with
// a warning; its text survives, only the excess nesting is lost.
func parse(data []byte, opt *Options) (*xhtml.Node, error) {
	doc, err := xhtml.Parse(bytes.NewReader(data))
	if err == nil {
		return doc, nil
	}
	doc, err2 := xhtml.Parse(bytes.NewReader(flatten(data, maxNesting)))
	if err2 != nil {
		return nil, fmt.Errorf("html: parsing the page: %w", err)
	}
	opt.warn(fmt.Sprintf("markup nested deeper than %d elements was flattened", maxNesting))
	return doc, nil
}

// voidElements never have content or an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true, "image": true, "keygen": true,
}

// selfClosingSiblings are elements that a start tag of the same name closes
// implicitly (<p>a<p>b, <li>a<li>b).
var selfClosingSiblings = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "option": true,
	"tr": true, "td": true, "th": true,
}

// flatten rewrites a document so that no more than limit elements are open
// at once: a start tag past the limit is dropped together with its end tag.
// It tracks nesting from the tags alone, which over-counts where the parser
// would close elements implicitly; the result errs on the flat side.
func flatten(data []byte, limit int) []byte {
	var (
		out     bytes.Buffer
		stack   []string
		dropped = map[string]int{}
	)
	out.Grow(len(data))
	z := xhtml.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if voidElements[tag] {
				break
			}
			if n := len(stack); n > 0 && selfClosingSiblings[tag] && stack[n-1] == tag {
				stack = stack[:n-1]
			}
			if len(stack) >= limit {
				dropped[tag]++
				continue
			}
			stack = append(stack, tag)
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if dropped[tag] > 0 {
				dropped[tag]--
				continue
			}
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == tag {
					stack = stack[:i]
					break
				}
			}
		}
		out.Write(raw)
	}
	return out.Bytes()
}
