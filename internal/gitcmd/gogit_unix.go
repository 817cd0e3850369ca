//go:build unix && !darwin

package gitcmd

import (
	"os"
	"syscall"
)

// inProcessSupported: the in-process readers need what git checks on
// Unix, a directory's device and owner. Not on macOS, whose file systems
// ignore case: a path typed in another case than the disk's would be
// printed as typed, where git prints the disk's.
const inProcessSupported = true

// device is the filesystem a directory is on: git's discovery stops at a
// boundary unless told otherwise, so the in-process one gives up there.
func device(dir string) (uint64, bool) {
	fi, err := os.Stat(dir)
	if err != nil {
		return 0, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return uint64(st.Dev), true //nolint:unconvert // int32 on some systems
}

// ownedByUs does git's ownership check (safe.directory) the strict way:
// every path given is owned by the effective user. Anything else (another
// owner, root running through sudo) is left to git, which reads
// safe.directory and SUDO_UID.
func ownedByUs(paths ...string) bool {
	euid := os.Geteuid()
	for _, p := range paths {
		if p == "" {
			continue
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return false
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		if !ok || int(st.Uid) != euid {
			return false
		}
	}
	return true
}
