package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPath(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": "/home/ann"}, "/x/offprint/config.toml"},
		{map[string]string{"XDG_CONFIG_HOME": "relative", "HOME": "/home/ann"}, "/home/ann/.config/offprint/config.toml"},
		{map[string]string{"HOME": "/home/ann"}, "/home/ann/.config/offprint/config.toml"},
		{nil, ""},
	} {
		got, err := Path(func(k string) string { return tc.env[k] })
		if got != tc.want || (tc.want == "") != (err != nil) {
			t.Errorf("%v: %q %v, want %q", tc.env, got, err, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	c, err := Parse("c.toml", []byte(`
[smtp]
url = "smtps://me@mail.example.org:465"
from = "me@example.org"
password-command = "pass show mail"

[devices.kindle]
address = "me_1@kindle.com"
formats = ["epub"]
max-message-mb = 30
max-attachments = 10
`))
	if err != nil {
		t.Fatal(err)
	}
	k := c.Devices["kindle"]
	if c.SMTP.URL != "smtps://me@mail.example.org:465" || c.SMTP.PasswordCommand != "pass show mail" || k.Address != "me_1@kindle.com" ||
		len(k.Formats) != 1 || k.MaxMessageMB != 30 || k.MaxAttachments != 10 || c.Path != "c.toml" {
		t.Errorf("%+v", c)
	}
	for _, tc := range []struct{ text, want string }{
		{"[smtp]\npassword = \"x\"\n", "unknown key smtp.password"},
		{"[devices.k]\nadress = \"x\"\n", "unknown key devices.k.adress"},
		{"[smtp\n", "c.toml: line 2"},
		{"[devices.k]\nmax-attachments = -1\n", "must not be negative"},
		{"[smtp]\nurl = 3\n", "c.toml"},
	} {
		if _, err := Parse("c.toml", []byte(tc.text)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.text, err, tc.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	c, err := Load(filepath.Join(dir, "none.toml"))
	if err != nil || c.Path != "" || len(c.Devices) != 0 {
		t.Errorf("missing file: %+v %v", c, err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a folder: %v", err)
	}
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, make([]byte, MaxBytes+1), 0o644)
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a big file: %v", err)
	}
	if os.Geteuid() != 0 {
		locked := filepath.Join(dir, "locked.toml")
		os.WriteFile(locked, nil, 0o000)
		if _, err := Load(locked); !errors.Is(err, fs.ErrPermission) {
			t.Errorf("unreadable: %v", err)
		}
	}
}
