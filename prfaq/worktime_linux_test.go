package prfaq_test

import (
	"runtime"
	"time"

	"golang.org/x/sys/unix"
)

// workTime is the CPU time fn takes on its own thread: the linearity tests
// compare two sizes by it, and unlike the wall clock it does not grow when
// other tests or processes take the CPU meanwhile (a shared CI machine made
// TestHostileLinear fail now and then). The goroutine is locked to its
// thread so that the thread's clock is the work's; a collection's
// background work on other threads is not counted, and runtime.GC first
// leaves none of the previous run's garbage to this one.
func workTime(fn func()) time.Duration {
	runtime.GC()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start, ok := threadCPU()
	if !ok {
		return wallTime(fn)
	}
	fn()
	end, _ := threadCPU()
	return end - start
}

func threadCPU() (time.Duration, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}
