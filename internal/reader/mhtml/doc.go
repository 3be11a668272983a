// Package mhtml reads a web page saved as an MHTML archive (.mhtml, .mht:
// what Chrome and Edge save as "Webpage, Single File", and Internet
// Explorer and Word as "Web Archive"): a MIME multipart/related message
// whose first HTML part is the page and whose other parts are its
// resources, each named by the address it came from (Content-Location)
// or by a Content-ID. The page is read by package html; its pictures come
// from the archive, so such a page converts without the network.
//
//	data, _ := os.ReadFile("story.mhtml")
//	a, err := mhtml.Read(data, mhtml.Options{
//		Warn: func(msg string) { log.Print(msg) },
//	})
//	if err != nil {
//		return err // "mhtml: no HTML part in the archive"
//	}
//	fmt.Println(a.Meta.Title, a.Meta.SourceURL) // the page's own address
//
// Parse gives the archive itself: the page's HTML, its address and its
// resources, looked up by Archive.Resource.
//
// An archive is hostile input like any other: it is parsed with the
// standard library (mime/multipart, net/textproto, quoted-printable and
// base64 decoding) in one pass, in time linear in its size; it may hold at
// most Options.MaxParts parts (10,000) nested at most three deep, its
// headers at most 64 KiB; a resource is kept only when it may be an image
// of at most the html reader's image size limit. Nothing is read from or
// written to the file system: a resource's name is only a key.
package mhtml
