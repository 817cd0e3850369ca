package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is stamped by the release build (-ldflags "-X main.version=...");
// otherwise it comes from the module or VCS information Go records.
var version = ""

var versionHelp = helpText{name: "version", synopsis: "version", about: "Print git-prfaq's version."}

func runVersion(e *env, args []string) (int, error) {
	fs := newFlags(versionHelp, e.stdout)
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	fmt.Fprintf(e.stdout, "git-prfaq %s (%s, %s/%s)\n", currentVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK, nil
}

func currentVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "(devel)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "(devel) " + rev
}
