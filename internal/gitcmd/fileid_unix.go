//go:build unix

package gitcmd

import (
	"io/fs"
	"syscall"
)

// fileID is a file's device and inode: a file replaced by another (git
// config writes a new one and renames it) is another file.
func fileID(info fs.FileInfo) (dev, ino int64) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return int64(st.Dev), int64(st.Ino) //nolint:unconvert // other widths elsewhere
	}
	return 0, 0
}
