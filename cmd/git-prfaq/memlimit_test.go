package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestBoundScanMemory: a scan collects at scanGCPercent under
// scanHeapLimit, and the collector is as it was afterwards; GOGC and
// GOMEMLIMIT, when set, are left alone. Not parallel: the collector's
// settings are the process's.
func TestBoundScanMemory(t *testing.T) {
	tests := []struct {
		name         string
		gogc, memlim string
		percent      int
		limit        int64
	}{
		{name: "defaults", percent: scanGCPercent, limit: scanHeapLimit},
		{name: "user's GOGC and GOMEMLIMIT win", gogc: "100", memlim: "1GiB", percent: 100, limit: math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.gogc)
			t.Setenv("GOMEMLIMIT", tt.memlim)
			percent := debug.SetGCPercent(100)
			limit := debug.SetMemoryLimit(math.MaxInt64)
			defer debug.SetGCPercent(percent)
			defer debug.SetMemoryLimit(limit)

			restore := boundScanMemory()
			if got := debug.SetGCPercent(-1); got != tt.percent {
				t.Errorf("GC percent during the scan = %d, want %d", got, tt.percent)
			}
			debug.SetGCPercent(tt.percent)
			if got := debug.SetMemoryLimit(-1); got != tt.limit {
				t.Errorf("memory limit during the scan = %d, want %d", got, tt.limit)
			}
			restore()
			if got := debug.SetGCPercent(-1); got != 100 {
				t.Errorf("GC percent after = %d, want 100", got)
			}
			debug.SetGCPercent(100)
			if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
				t.Errorf("memory limit after = %d, want %d", got, int64(math.MaxInt64))
			}
		})
	}
}
