package report

import "testing"

// TestSummaryBaseline: the summary counts the baselined findings and says
// how to shrink a stale baseline.
func TestSummaryBaseline(t *testing.T) {
	for s, want := range map[Summary]string{
		{Files: 12}: "ok: 12 PRFAQs checked, 0 errors, 0 warnings",
		{Files: 12, Baselined: 30, Stale: 4, BaselineFile: ".prfaq-baseline.json"}: "ok: 12 PRFAQs checked, 0 errors, 0 warnings, 30 in the baseline (4 stale: git prfaq check --all --write-baseline .prfaq-baseline.json to shrink it)",
		{Files: 1, Errors: 1, Baselined: 2}:                                        "FAIL: 1 PRFAQ checked, 1 error, 0 warnings, 2 in the baseline",
	} {
		if got := summaryLine(s, Style{}); got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}
