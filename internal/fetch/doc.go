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
// ErrScheme, ErrTooManyRedirects, ErrContentType, ErrTooLarge, ErrPrivate
// and ErrImagesTimeout for errors.Is, a *StatusError for a non-2xx response, and
// context.DeadlineExceeded when the timeout ran out.
//
// The images of one page, fetched through one ImageLoader, share one
// more deadline: a minute for all of them (Options.ImagesTimeout), after
// which the rest fail at once with an error wrapping ErrImagesTimeout.
//
// Nothing here reads or writes files, and a URL of any other scheme
// (file:, ftp:, data:) is refused, also as the target of a redirect. By
// default nothing connects to an address that is not public — loopback,
// private (RFC 1918, fc00::/7), link-local (the cloud metadata service at
// 169.254.169.254), unspecified, multicast, broadcast or otherwise
// reserved, IPv4-mapped forms included — so that a page cannot make
// offprint request the services of the machine or network it runs in
// ("http://127.0.0.1:8080/admin?action=delete" as an image). The address
// actually dialled is checked, after DNS resolution and on every
// redirect, by a net.Dialer Control hook; such a request fails with
// "fetch: refusing to connect to 127.0.0.1 (loopback address); use
// --allow-private", wrapping ErrPrivate. Options.AllowPrivate (the
// --allow-private flag) lets them through.
package fetch
