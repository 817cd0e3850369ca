package main

import (
	"fmt"
	"runtime"

	"github.com/prfaq/git-prfaq/internal/buildinfo"
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
	info, ok := buildinfo.Read()
	switch {
	case !ok:
		return "(devel)"
	case info.Versioned():
		return info.Version
	case info.Revision == "":
		return "(devel)"
	}
	rev := info.Revision
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if info.Modified {
		rev += "-dirty"
	}
	return "(devel) " + rev
}
