package main

import (
	"os"
	"runtime/debug"
)

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
