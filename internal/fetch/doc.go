// Package fetch downloads articles and their images over HTTP and HTTPS,
// with the limits a tool that follows other people's links needs: only
// http and https URLs (redirects included), a bounded number of
// redirects, one timeout over connecting, the headers and the body, a
// size limit enforced while reading, and a check of the content type.
//
//	opt := fetch.Options{Version: version}
//	page, err := fetch.Get(ctx, "https://example.com/2024/article", opt)
//	if err != nil {
//		return err // "fetch: https://example.com/2024/article: 404 Not Found"
//	}
//	a, err := reader.Read(page.URL, page.Data, reader.Options{
//		URL:         page.URL,         // the final URL, after redirects
//		ContentType: page.ContentType, // may declare the charset
//		LoadImage:   opt.ImageLoader(ctx),
//	})
//
// Get accepts HTML, XHTML, plain text and Markdown pages; the function
// made by ImageLoader accepts images, given absolute URLs (the readers
// resolve relative references against the page first). Both follow up to
// five redirects, keep to 30 seconds a request and to 64 MiB a page and
// 20 MiB an image unless Options say otherwise, and send
// "offprint/VERSION (+https://github.com/offprint/offprint)" as the
// User-Agent.
//
// Every error is one line beginning with "fetch: ". Errors wrap
// ErrScheme, ErrTooManyRedirects, ErrContentType and ErrTooLarge for
// errors.Is, a *StatusError for a non-2xx response, and
// context.DeadlineExceeded when the timeout ran out.
//
// Nothing here reads or writes files, and a URL of any other scheme
// (file:, ftp:, data:) is refused, also as the target of a redirect. The
// package does not refuse private or loopback addresses: like a browser,
// it fetches what the page links to.
package fetch
