package main

import "runtime/debug"

// version is set at build time by the Makefile
// (-ldflags "-X main.version=…"); otherwise the build info tells.
var version = ""

// versionString returns offprint's version: the one stamped at build time,
// else the module version and VCS revision from the build info, else "dev".
func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "dev"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}
