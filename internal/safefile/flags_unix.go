//go:build unix

package safefile

import "syscall"

// oNonblock: opening a named pipe that appeared after the Lstat returns at
// once instead of waiting for a writer; oNofollow: a symbolic link that
// appeared is not followed.
const (
	oNonblock = syscall.O_NONBLOCK
	oNofollow = syscall.O_NOFOLLOW
)
