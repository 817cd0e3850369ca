package scorecard

// For the external tests (browser_test.go), which render the report and
// so cannot be in this package (report imports it).
var (
	LifecycleRepo = lifecycleRepo
	TimelinesOf   = timelines
	Date          = date
)
