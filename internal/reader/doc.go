// Package reader turns an input of any supported format into the article
// model: it detects the format (by name and content, or as told), decodes the
// character set, and hands the bytes to the format's reader.
//
//	data, _ := os.ReadFile("night-library.txt")
//	a, err := reader.Read("night-library.txt", data, reader.Options{})
//	if err != nil {
//		return err // e.g. "txt: no article text after the title"
//	}
//	fmt.Println(a.Meta.Title, a.Meta.Language)
//
// The format readers live in the packages below this one: txt (text scraped
// from a news site), markdown, html (saved web pages) and mhtml (pages
// saved as a single MHTML file).
package reader
