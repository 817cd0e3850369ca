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

// historyGCPercent paces the collector for the commands that walk a
// history (log, diff, scorecard), unless GOGC says otherwise. Their live
// heap grows to the end of the walk (about 35 MB at 10,000 PRFAQs:
// every version's table, encoded, and every change), and at Go's default
// of 100 the heap may grow to twice that before a collection: the process
// peaked at 84-98 MB, at 50 at 70-75 MB, with no CPU difference beyond
// the noise (docs/performance.md, "The metric history at scale").
const historyGCPercent = 50

// paceHistory sets historyGCPercent.
func paceHistory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(historyGCPercent)
	}
}
