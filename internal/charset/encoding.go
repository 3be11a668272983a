package charset

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// ErrUnknownEncoding is returned (wrapped) for an encoding name that names no
// supported encoding.
var ErrUnknownEncoding = errors.New("unknown encoding")

// exampleNames are offered in the message for an unknown encoding name.
const exampleNames = "utf-8, utf-16le, windows-1251, windows-1252, iso-8859-1, iso-8859-15, koi8-r, ibm866, shift_jis, gb18030"

// Lookup returns the encoding with the given name and its canonical
// (WHATWG) name. It accepts every WHATWG label and the IANA names that have
// an implementation, case-insensitively. Note that, as in browsers,
// "iso-8859-1", "latin1" and "us-ascii" all name windows-1252, a superset.
func Lookup(name string) (encoding.Encoding, string, error) {
	label := strings.TrimSpace(name)
	if label == "" {
		return nil, "", fmt.Errorf("charset: empty encoding name (try one of %s)", exampleNames)
	}
	if e, err := htmlindex.Get(label); err == nil && e != nil {
		canon, err := htmlindex.Name(e)
		if err != nil {
			canon = strings.ToLower(label)
		}
		return e, canon, nil
	}
	for _, idx := range []*ianaindex.Index{ianaindex.IANA, ianaindex.MIME, ianaindex.MIB} {
		e, err := idx.Encoding(label)
		if err != nil || e == nil {
			continue
		}
		canon, err := ianaindex.IANA.Name(e)
		if err != nil {
			canon = label
		}
		return e, strings.ToLower(canon), nil
	}
	return nil, "", fmt.Errorf("charset: %w %q (try one of %s)", ErrUnknownEncoding, name, exampleNames)
}
