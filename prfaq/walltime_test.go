package prfaq_test

import "time"

// wallTime is the wall time fn takes.
func wallTime(fn func()) time.Duration {
	start := time.Now()
	fn()
	return time.Since(start)
}
