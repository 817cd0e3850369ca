package resultcache

import (
	"fmt"
	"os"
	"runtime/debug"
)

// ToolVersion names the build of git-prfaq running, for the cache key: the
// module version and VCS revision, and, for a build from a modified or
// unversioned tree, the executable's size and modification time, so that
// a development rebuild never reads what the last build cached.
func ToolVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return executableStamp()
	}
	v := bi.GoVersion + " " + bi.Main.Path + "@" + bi.Main.Version
	revision, modified := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	v += " " + revision
	if modified || revision == "" && (bi.Main.Version == "" || bi.Main.Version == "(devel)") {
		stamp := executableStamp()
		if stamp == "" {
			return "" // no way to tell builds apart: no cache
		}
		v += " " + stamp
	}
	return v
}

// executableStamp identifies the executable file without reading it;
// "" when it cannot be found, which disables the cache.
func executableStamp() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	info, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s %d %d", exe, info.Size(), info.ModTime().UnixNano())
}
