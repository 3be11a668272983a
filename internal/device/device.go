// Package device finds an e-reader mounted over USB — a Kobo, a Kindle, a
// PocketBook or a device running KOReader — and copies books onto it
// safely: into a temporary file beside the target, synced, then renamed,
// after checking that the book fits in the free space.
//
//	devs, err := device.Find(device.MountRoots(os.Getenv))
//	if err != nil {
//		return err
//	}
//	if len(devs) != 1 {
//		return errors.New("connect one e-reader, or name it")
//	}
//	d := devs[0]
//	format, err := d.Choose([]string{"epub", "kepub", "pdf"}) // "kepub" on a Kobo
//	if err != nil {
//		return err // a Kindle given only an EPUB: use Send to Kindle
//	}
//	dest, err := d.Copy("out/night-library.kepub.epub", device.CopyOptions{})
//
// A device is recognised by its folders: .kobo/ (Kobo), documents/ and
// system/ (Kindle), system/explorer-3/ or system/explorer-2/ (PocketBook),
// koreader/ (KOReader, e.g. on a Kindle or PocketBook, which then reads
// EPUB). Books go where each device looks for them: the Kobo's root, the
// Kindle's documents/, the Books/ folder of a PocketBook or KOReader device
// when there is one, else its root.
package device

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
)

// Kind is a kind of e-reader.
type Kind string

// The kinds of e-reader.
const (
	Kobo       Kind = "Kobo"
	Kindle     Kind = "Kindle"
	PocketBook Kind = "PocketBook"
	KOReader   Kind = "KOReader"
)

// Device is an e-reader's storage, mounted.
type Device struct {
	// Root is the mount point.
	Root string
	// Kind is what the device is.
	Kind Kind
	// KOReader tells that KOReader is installed (a koreader/ folder, or
	// .adds/koreader on a Kobo).
	KOReader bool
	// Books is the folder books are copied into.
	Books string
}

// ErrNotDevice is returned (wrapped) by Detect for a folder that looks
// like no e-reader.
var ErrNotDevice = errors.New("no e-reader here: no .kobo/ (Kobo), documents/ and system/ (Kindle), system/explorer-3/ (PocketBook) or koreader/ (KOReader)")

// ErrFull is returned (wrapped) when a book does not fit in the device's
// free space.
var ErrFull = errors.New("not enough free space")

// ErrExists is returned (wrapped) when the book is on the device already
// and CopyOptions.Force is not set.
var ErrExists = errors.New("already on the device (use --force to replace it)")

// ErrNoFormat is returned (wrapped) by Choose when the device reads none
// of the formats given.
var ErrNoFormat = errors.New("no format the device reads")

// isDir tells whether root/elem… is a folder.
func isDir(root string, elem ...string) bool {
	st, err := os.Stat(filepath.Join(append([]string{root}, elem...)...))
	return err == nil && st.IsDir()
}

// Detect tells what e-reader is mounted at root.
func Detect(root string) (*Device, error) {
	st, err := os.Stat(root)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", root, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s: not a folder", root)
	}
	d := &Device{Root: root}
	switch {
	case isDir(root, ".kobo"):
		d.Kind, d.Books = Kobo, root
		d.KOReader = isDir(root, ".adds", "koreader")
	case isDir(root, "system", "explorer-3") || isDir(root, "system", "explorer-2"):
		d.Kind = PocketBook
		d.KOReader = isDir(root, "applications", "koreader")
		d.Books = booksFolder(root)
	case isDir(root, "documents") && isDir(root, "system"):
		d.Kind, d.Books = Kindle, filepath.Join(root, "documents")
		d.KOReader = isDir(root, "koreader")
	case isDir(root, "koreader"):
		d.Kind, d.KOReader = KOReader, true
		d.Books = booksFolder(root)
	default:
		return nil, fmt.Errorf("%s: %w", root, ErrNotDevice)
	}
	return d, nil
}

// booksFolder is root/Books (or books) when there is one, else root.
func booksFolder(root string) string {
	for _, name := range []string{"Books", "books"} {
		if isDir(root, name) {
			return filepath.Join(root, name)
		}
	}
	return root
}

// MountRoots returns the folders removable storage is mounted under:
// /media/$USER, /run/media/$USER (udisks on Linux), /media (Debian's
// usbmount) and /Volumes (macOS).
func MountRoots(getenv func(string) string) []string {
	var roots []string
	if u := getenv("USER"); u != "" && filepath.Base(u) == u {
		roots = append(roots, filepath.Join("/media", u), filepath.Join("/run/media", u))
	}
	return append(roots, "/media", "/Volumes")
}

// Find returns the e-readers mounted directly under any of roots, in the
// order of roots and then by name. Folders that are not e-readers are
// skipped; roots that do not exist are too.
func Find(roots []string) ([]*Device, error) {
	var out []*Device
	seen := map[string]bool{}
	for _, r := range roots {
		entries, err := os.ReadDir(r)
		if err != nil {
			continue
		}
		for _, e := range entries {
			p := filepath.Join(r, e.Name())
			if seen[p] {
				continue
			}
			seen[p] = true
			if d, err := Detect(p); err == nil {
				out = append(out, d)
			}
		}
	}
	return out, nil
}

// Formats lists the output formats the device reads, best first: a Kobo
// KEPUB, then EPUB; a Kindle PDF only (it reads no EPUB over USB) unless
// KOReader is installed, which reads EPUB; a PocketBook or KOReader
// device EPUB, then PDF.
func (d *Device) Formats() []string {
	switch d.Kind {
	case Kobo:
		return []string{"kepub", "epub"}
	case Kindle:
		if d.KOReader {
			return []string{"epub", "pdf"}
		}
		return []string{"pdf"}
	}
	return []string{"epub", "pdf"}
}

// Choose returns the best of the formats written for the device.
func (d *Device) Choose(written []string) (string, error) {
	for _, f := range d.Formats() {
		if slices.Contains(written, f) {
			return f, nil
		}
	}
	if d.Kind == Kindle {
		return "", fmt.Errorf("%w: a Kindle reads no EPUB copied over USB; write a PDF (-f pdf) or mail the EPUB with --send-to", ErrNoFormat)
	}
	return "", fmt.Errorf("%w: a %s reads %v", ErrNoFormat, d.Kind, d.Formats())
}

// CopyOptions configure Copy.
type CopyOptions struct {
	// Force replaces a book of the same name on the device.
	Force bool
}

// rename is os.Rename; tests make it fail.
var rename = os.Rename

// Copy copies the file src into the device's books folder under its own
// name and returns the new path. It checks first that the file fits in the
// free space (ErrFull), writes a hidden temporary file
// (".NAME.offprint-XXXX.tmp"), syncs it and renames it into place, so the
// device never holds a partial book; on any error the temporary file is
// removed and a book already there is left as it was.
func (d *Device) Copy(src string, opt CopyOptions) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return "", err
	}
	name := filepath.Base(src)
	dest := filepath.Join(d.Books, name)
	if _, err := os.Lstat(dest); err == nil && !opt.Force {
		return "", fmt.Errorf("%s: %w", dest, ErrExists)
	}
	// Room for the file and a little for the folder entries.
	const margin = 64 << 10
	if free, ok := freeSpace(d.Books); ok && uint64(st.Size())+margin > free {
		return "", fmt.Errorf("%s: %w on %s: the book needs %s, %s free", dest, ErrFull, d.Root, size(uint64(st.Size())), size(free))
	}
	tmp, err := createTemp(d.Books, name)
	if err != nil {
		return "", devErr(dest, d.Root, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := io.Copy(tmp, in); err != nil {
		return "", devErr(dest, d.Root, err)
	}
	if err := tmp.Sync(); err != nil {
		return "", devErr(dest, d.Root, err)
	}
	if err := tmp.Close(); err != nil {
		return "", devErr(dest, d.Root, err)
	}
	if err := rename(tmp.Name(), dest); err != nil {
		return "", devErr(dest, d.Root, err)
	}
	done = true
	if dir, err := os.Open(d.Books); err == nil {
		dir.Sync()
		dir.Close()
	}
	return dest, nil
}

// createTemp creates ".NAME.offprint-XXXXXXXXXXXX.tmp" in dir.
func createTemp(dir, name string) (*os.File, error) {
	for try := 0; ; try++ {
		var r [6]byte
		rand.Read(r[:])
		p := filepath.Join(dir, "."+name+".offprint-"+hex.EncodeToString(r[:])+".tmp")
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		return f, err
	}
}

// devErr names dest in a file system error, and says plainly what a full
// or read-only device is.
func devErr(dest, root string, err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("%s: %w on %s", dest, ErrFull, root)
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("%s: %s is mounted read-only", dest, root)
	}
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("%s: %w", dest, err)
}

// size formats a byte count: "1.2 MB", "830 kB".
func size(n uint64) string {
	switch {
	case n >= 1e6:
		return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
	case n >= 1e3:
		return strconv.FormatUint(n/1e3, 10) + " kB"
	}
	return strconv.FormatUint(n, 10) + " bytes"
}

// Describe names a device for messages: "Kobo at /media/me/KOBOeReader".
func (d *Device) Describe() string {
	s := string(d.Kind)
	if d.KOReader && d.Kind != KOReader {
		s += " (with KOReader)"
	}
	return s + " at " + d.Root
}
