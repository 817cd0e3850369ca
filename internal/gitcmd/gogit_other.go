//go:build !unix || darwin

package gitcmd

// inProcessSupported: on Windows git checks ownership its own way, and on
// macOS paths are compared ignoring case (see gogit_unix.go), so git
// always answers there.
const inProcessSupported = false

func device(string) (uint64, bool) { return 0, false }

func ownedByUs(...string) bool { return false }

func statMatches(int, string, string, string, statData) bool { return false }

func openRoot(string) (int, bool) { return -1, false }

func closeRoot(int) {}
