//go:build !unix

package gitcmd

// inProcessSupported: elsewhere git checks ownership its own way, so git
// always answers.
const inProcessSupported = false

func device(string) (uint64, bool) { return 0, false }

func ownedByUs(...string) bool { return false }
