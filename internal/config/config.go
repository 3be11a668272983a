// Package config reads offprint's configuration file,
// $XDG_CONFIG_HOME/offprint/config.toml (else ~/.config/offprint/config.toml):
// the SMTP server e-mail delivery goes through and the named devices
// --send-to accepts.
//
//	# ~/.config/offprint/config.toml
//	[smtp]
//	url = "smtp://me@mail.example.org:587"  # smtps://…:465 for implicit TLS
//	from = "me@example.org"
//	password-command = "pass show mail/offprint"
//
//	[devices.kindle]
//	address = "me_123@kindle.com"
//	formats = ["epub"]
//
//	[devices.pocketbook]
//	address = "me@pbsync.com"
//
// Reading it:
//
//	path, err := config.Path(os.Getenv)
//	if err != nil {
//		return err
//	}
//	cfg, err := config.Load(path) // a missing file is an empty configuration
//	if err != nil {
//		return err // "config /home/me/.config/offprint/config.toml: line 3: …"
//	}
//	dev, ok := cfg.Devices["kindle"]
//
// The file is TOML (github.com/BurntSushi/toml). An unknown key is an error
// naming it, so that a misspelt "adress" is not silently ignored. No
// password is ever read from the file: it comes from the environment
// (OFFPRINT_SMTP_PASSWORD) or from the output of password-command.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/BurntSushi/toml"
)

// MaxBytes is the largest configuration file Load reads.
const MaxBytes = 1 << 20

// Config is the configuration file's content.
type Config struct {
	// SMTP is the [smtp] table: the server mail is sent through.
	SMTP SMTP `toml:"smtp"`
	// Devices are the [devices.NAME] tables: e-mail addresses of e-readers
	// and what to send them, by the name --send-to takes.
	Devices map[string]Device `toml:"devices"`
	// Path is the file the configuration was read from ("" when there was
	// none).
	Path string `toml:"-"`
}

// SMTP is the [smtp] table.
type SMTP struct {
	// URL is the server: smtp://USER@HOST:PORT (STARTTLS) or
	// smtps://USER@HOST:PORT (implicit TLS). OFFPRINT_SMTP_URL overrides it.
	URL string `toml:"url"`
	// From is the sender's address; Send to Kindle takes mail only from
	// the addresses approved in the Amazon account.
	From string `toml:"from"`
	// PasswordCommand is a shell command whose first line of output is
	// the password, used when OFFPRINT_SMTP_PASSWORD is not set.
	PasswordCommand string `toml:"password-command"`
}

// Device is a [devices.NAME] table.
type Device struct {
	// Address is the device's e-mail address (…@kindle.com, …@pbsync.com).
	Address string `toml:"address"`
	// Kind is "kindle", "pocketbook", "kobo" or "other"; empty means
	// guessed from the address, then from the name.
	Kind string `toml:"kind"`
	// Formats are the output formats mailed to it (epub, kepub, pdf);
	// empty means the kind's defaults.
	Formats []string `toml:"formats"`
	// MaxMessageMB is the largest message the device's service takes, in
	// megabytes (10^6 bytes); zero means the kind's limit.
	MaxMessageMB float64 `toml:"max-message-mb"`
	// MaxAttachments is the most attachments per message; zero means the
	// kind's limit.
	MaxAttachments int `toml:"max-attachments"`
}

// Path returns where the configuration file is: under $XDG_CONFIG_HOME
// when it is set to an absolute path (the XDG rule), else under
// $HOME/.config.
func Path(getenv func(string) string) (string, error) {
	if dir := getenv("XDG_CONFIG_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "offprint", "config.toml"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("config: neither XDG_CONFIG_HOME nor HOME is set")
	}
	return filepath.Join(home, ".config", "offprint", "config.toml"), nil
}

// Load reads the configuration file at path. A file that does not exist
// gives an empty configuration; anything else that cannot be read, a TOML
// error or an unknown key is an error "config PATH: …" (with the line for
// a syntax error).
func Load(path string) (*Config, error) {
	data, err := readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Config{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse parses a configuration file's content; path names it in errors.
func Parse(path string, data []byte) (*Config, error) {
	var c Config
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("config %s: line %d: %s", path, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("config %s: unknown key %s", path, strings.Join(keys, ", "))
	}
	for name, d := range c.Devices {
		if d.MaxMessageMB < 0 || d.MaxAttachments < 0 {
			return nil, fmt.Errorf("config %s: devices.%s: limits must not be negative", path, name)
		}
	}
	c.Path = path
	return &c, nil
}

// readFile reads a regular file of at most MaxBytes, without blocking on
// a FIFO.
func readFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("larger than %d bytes", MaxBytes)
	}
	return data, nil
}
