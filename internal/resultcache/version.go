package resultcache

import (
	"fmt"
	"os"

	"github.com/prfaq/git-prfaq/internal/buildinfo"
)

// ToolVersion names the build of git-prfaq running, for the cache key: the
// module version and VCS revision, and, for a build from a modified or
// unversioned tree, the executable's size and modification time, so that
// a development rebuild never reads what the last build cached.
func ToolVersion() string {
	bi, ok := buildinfo.Read()
	if !ok {
		return executableStamp()
	}
	v := bi.GoVersion + " " + bi.Path + "@" + bi.Version + " " + bi.Revision
	if bi.Modified || bi.Revision == "" && !bi.Versioned() {
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
