//go:build !unix

package safefile

// Elsewhere the Lstat before opening is the only guard.
const (
	oNonblock = 0
	oNofollow = 0
)
