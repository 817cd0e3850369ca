// Package buildinfo reads what Go recorded about the build of the running
// binary: its module version, VCS revision and whether the tree was
// modified. `git prfaq version` prints it; the result cache keys on it, so
// that a new build never reads what another one cached.
package buildinfo

import "runtime/debug"

// Info is the build of the running binary.
type Info struct {
	GoVersion string // "go1.26.0"
	Path      string // the main module's path
	Version   string // the main module's version; "" or "(devel)" when unversioned
	Revision  string // the VCS revision, "" when Go recorded none
	Modified  bool   // the VCS tree had uncommitted changes
}

// Read returns the running binary's build; ok is false when Go recorded
// none (a binary built without module support).
func Read() (info Info, ok bool) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{}, false
	}
	info = Info{GoVersion: bi.GoVersion, Path: bi.Main.Path, Version: bi.Main.Version}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Revision = s.Value
		case "vcs.modified":
			info.Modified = s.Value == "true"
		}
	}
	return info, true
}

// Versioned says whether the main module has a real version (a tagged
// release or a module download), not "(devel)".
func (i Info) Versioned() bool { return i.Version != "" && i.Version != "(devel)" }
