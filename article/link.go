package article

// MaxLinkURL is the longest link address, in bytes after trimming
// surrounding white space, that the renderers make a link of. A longer
// address is not a working link in any reader, and a PDF repeats a link's
// address in every annotation it needs: both outputs set such a link's text
// as plain text, so that an absurd address costs no more than its text.
const MaxLinkURL = 2048
