//go:build !linux

package prfaq_test

import (
	"runtime"
	"time"
)

// workTime is the wall time fn takes where no thread CPU clock is read
// (see worktime_linux_test.go).
func workTime(fn func()) time.Duration {
	runtime.GC()
	return wallTime(fn)
}
