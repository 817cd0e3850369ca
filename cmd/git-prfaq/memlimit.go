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

// historyMemoryLimit is the soft limit for the same commands: the
// scorecard keeps every version's metric rows for its charts, and at
// 10,000 PRFAQs its live heap is about 50 MB, which at historyGCPercent
// still peaked at 97-113 MB (81-94 MB with this limit). Near the limit the collector runs more often
// instead of letting the heap grow; a history whose live heap is larger
// (hostile versions are bounded by documents.max_bytes) is slowed, never
// stopped, since Go caps the collector's share of the CPU.
const historyMemoryLimit = 75 << 20

// paceHistory sets historyGCPercent and historyMemoryLimit, unless GOGC
// or GOMEMLIMIT say otherwise.
func paceHistory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(historyGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(historyMemoryLimit)
	}
}

// Scan memory: check --all and list read every PRFAQ, and README
// ("Performance") bounds them at 100 MB of peak memory at 10,000 PRFAQs.
// With the runtime's default (a collection each time the heap doubles) a
// cold run peaked at 105-114 MB, and a warm run, whose heap stays small,
// spent a sixth of its time collecting. So while they scan, the heap may
// grow four-fold between collections, until it nears scanHeapLimit, where
// the runtime collects as often as it must (docs/performance.md, "The
// result cache"). GOGC and GOMEMLIMIT, when set, are left to rule.
const (
	scanGCPercent = 400
	scanHeapLimit = 72 << 20
)

// boundScanMemory sets the collector for a scan of every PRFAQ and
// returns what sets it back.
func boundScanMemory() (restore func()) {
	percent, limit := -2, int64(-1)
	if os.Getenv("GOGC") == "" {
		percent = debug.SetGCPercent(scanGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(scanHeapLimit)
	}
	return func() {
		if percent != -2 {
			debug.SetGCPercent(percent)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}
