//go:build !unix

package gitcmd

import "io/fs"

// fileID: no portable identity here; the time and size stand alone.
func fileID(fs.FileInfo) (dev, ino int64) { return 0, 0 }
