package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the soft limit git-prfaq's heap is kept under (unless
// GOMEMLIMIT says otherwise): checking a 1 MiB document of half a million
// short lines holds about 100 MB, and with the collector's default pacing
// the process grew to 265 MB (with this limit, 189 MB and 0.8 s of CPU; at 150 MiB, 1.3 s). A hook on a server must stay small; the
// limit costs collections only when the heap is that large.
const memoryLimit = 180 << 20

func init() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
