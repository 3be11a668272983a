package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
)

// request is one kind of fetch: what to ask for and what to accept.
type request struct {
	opt    Options
	client *http.Client
	accept string // the Accept header
	limit  int64  // the largest body accepted
	// allowed reports whether a media type (lower case, no parameters)
	// is acceptable.
	allowed func(mediaType string) bool
	// sniff reports whether to trust the body rather than a declared
	// media type ("" when none or unparseable).
	sniff func(mediaType string) bool
	want  string // what allowed accepts, for messages: "an image"
	named bool   // whether errors name the URL
}

// response is what do returns.
type response struct {
	url     string // the final URL
	header  string // the Content-Type header
	sniffed string // the sniffed content type, if the body was sniffed
	data    []byte
}

// do sends a GET for rawURL and reads the response, enforcing the rules
// of r and of its Options.
func (r *request) do(ctx context.Context, rawURL string) (*response, error) {
	subject := ""
	if r.named {
		subject = display(rawURL)
	}
	u, err := parseURL(rawURL)
	if err != nil {
		return nil, fail(subject, err, "")
	}
	d := r.opt.timeout()
	ctx, cancel := context.WithTimeoutCause(ctx, d, &timeoutError{d})
	defer cancel()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fail(subject, err, "")
	}
	req.Header.Set("User-Agent", r.opt.userAgent())
	req.Header.Set("Accept", r.accept)
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, fail(subject, reason(ctx, err), "")
	}
	defer resp.Body.Close()

	final := resp.Request.URL.String()
	note := ""
	if r.named && final != u.String() {
		note = " (redirected to " + shorten(display(final)) + ")"
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fail(subject, statusError(resp), note)
	}
	header := resp.Header.Get("Content-Type")
	mt := mediaType(header)
	sniff := r.sniff(mt)
	if !sniff && !r.allowed(mt) {
		return nil, fail(subject, fmt.Errorf("%w %s: want %s", ErrContentType, mt, r.want), note)
	}
	if resp.ContentLength > r.limit {
		return nil, fail(subject, fmt.Errorf("%w: %s declared, limit %s",
			ErrTooLarge, size(resp.ContentLength), size(r.limit)), note)
	}
	data, err := readLimited(resp.Body, resp.ContentLength, r.limit)
	if err != nil {
		if !errors.Is(err, ErrTooLarge) {
			err = fmt.Errorf("reading the body: %w", reason(ctx, err))
		}
		return nil, fail(subject, err, note)
	}
	out := &response{url: final, header: header, data: data}
	if sniff {
		out.sniffed = http.DetectContentType(data)
		if smt := mediaType(out.sniffed); !r.allowed(smt) {
			declared := "none declared"
			if mt != "" {
				declared = "declared " + mt
			}
			return nil, fail(subject, fmt.Errorf("%w %s (sniffed, %s): want %s",
				ErrContentType, smt, declared, r.want), note)
		}
	}
	return out, nil
}

// readLimited reads r to the end, failing with ErrTooLarge past limit
// bytes. length is the declared length (at most limit) or -1.
func readLimited(r io.Reader, length, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if length > 0 {
		// Room for the body and for the final read that sees EOF, so that
		// the buffer is never reallocated for a body of the declared size.
		buf.Grow(int(length) + bytes.MinRead)
	}
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, fmt.Errorf("%w: more than %s", ErrTooLarge, size(limit))
	}
	return buf.Bytes(), nil
}

// reason returns the error to report for err, returned by a request made
// with ctx: the timeout or cancellation if ctx is done, else err without
// net/url's "Get URL:" wrapper.
func reason(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// fail builds the error returned to the caller: "fetch: ", the subject
// (the URL, or nothing), err and a note.
func fail(subject string, err error, note string) error {
	if subject == "" {
		return fmt.Errorf("fetch: %w%s", err, note)
	}
	return fmt.Errorf("fetch: %s: %w%s", subject, err, note)
}

// statusError describes a non-2xx response.
func statusError(resp *http.Response) *StatusError {
	status := resp.Status
	if text := http.StatusText(resp.StatusCode); text != "" {
		status = fmt.Sprintf("%d %s", resp.StatusCode, text)
	} else if status == "" {
		status = fmt.Sprintf("%d", resp.StatusCode)
	}
	return &StatusError{Code: resp.StatusCode, Status: status}
}

// mediaType returns the media type of a Content-Type header, lower case
// and without parameters; "" when there is none.
func mediaType(header string) string {
	if header == "" {
		return ""
	}
	// ParseMediaType returns the type along with ErrInvalidMediaParameter
	// when only the parameters are malformed.
	mt, _, _ := mime.ParseMediaType(header)
	return mt
}

// size formats a byte count for messages: "64 MiB", "512 KiB", "1000 bytes".
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
