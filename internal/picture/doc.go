// Package picture checks the images an article embeds and fits them for
// the renderers. It is the one place where offprint looks at image bytes:
// the readers call Check on what they load, the conversion calls Fit on
// every image of the article before the EPUB and the PDF are written.
//
//	img, err := picture.Check(data, 20<<20) // PNG, JPEG, GIF or WebP, ≤ 20 MiB, ≤ MaxPixels
//	if err != nil {
//		warn("image " + name + ": " + err.Error()) // keep the alt text instead
//		return
//	}
//	img.Alt = alt
//	if err := picture.Fit(&img, picture.Options{}); err != nil { // ≤ 2400 px, upright, PNG/JPEG/GIF
//		warn("image " + name + " left out: " + err.Error())
//	}
//
// Check sniffs the format from the content, never from a name or a
// declared type, and reads the pixel size from the header alone, so that
// an image bomb (a small file claiming billions of pixels) is refused
// before anything is decoded.
//
// Fit leaves a PNG, JPEG or GIF that is small enough and upright byte for
// byte as it is. Any other image is decoded once, turned by its EXIF
// orientation, averaged down to Options.MaxEdge pixels on its long edge
// and encoded again: a JPEG for photographs (JPEG and opaque lossy WebP
// sources), a PNG otherwise. A non-interlaced PNG is read a row at a time
// and never held whole, so fitting a 6000×6000 RGBA PNG (144 MB of pixels)
// allocates about 23 MB, the size of its 2400×2400 result; other formats
// are decoded whole first (a 48 MP JPEG: 72 MB). Output depends on nothing
// but the input bytes and the options.
//
// Errors are phrases that follow an image's name in the caller's message
// ("the image is 30000×30000 pixels, over the limit of 50 megapixels"),
// without a package prefix: the readers and the conversion put their own.
package picture
