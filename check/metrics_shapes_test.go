package check

import (
	"regexp"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// closeRow is the good document's first metric row, which these tests
// replace.
const closeRow = "| Month-end close time | 6 days | 1 day | 2027-06-30 | Onboarding survey |"

// withRow is the good document with its first metric row replaced.
func withRow(t *testing.T, row string) string {
	t.Helper()
	src := goodDoc(t)
	if !strings.Contains(src, closeRow) {
		t.Fatalf("good document has no row %q", closeRow)
	}
	return strings.Replace(src, closeRow, row, 1)
}

// metricFindings are the findings of the metric rules.
func metricFindings(fs []rule.Finding) []rule.Finding {
	var out []rule.Finding
	for _, f := range fs {
		if strings.HasPrefix(f.Rule, "metric") {
			out = append(out, f)
		}
	}
	return out
}

// sameKindClaim catches the message that contradicted itself:
// `"400 ms" (duration) and "< 200 ms p95" (duration) are not the same kind`.
var sameKindClaim = regexp.MustCompile(`\((\w+)\) and .* \((\w+)\) are not the same kind`)

// TestMetricShapesAccepted: rows written the way people write them are
// measurable, with no metric finding.
func TestMetricShapesAccepted(t *testing.T) {
	t.Parallel()
	rows := []string{
		"| Latency | 400 ms p95 | < 200 ms p95 | Dec 2027 | APM dashboard |",
		"| Latency | p95 400 ms | 200 ms at the 95th percentile | December 2027 | APM dashboard |",
		"| Latency | 400 ms | under 200 ms | end of 2027 | APM dashboard |",
		"| Revenue | $800k ARR | $1.2M ARR | end of Q3 2027 | Billing |",
		"| App Store rank | #12 | top 3 | mid-2027 | App Store |",
		"| App Store rank | 12th place | #1 | H2 2027 | App Store |",
		"| GitHub stars | 0 | 100+ stars | Q3 2027 | GitHub |",
		"| Open issues | 9 issues | 0 | late 2027 | Tracker |",
		"| Close time | 6 days | 2 | 2027-06-30 | Survey |",
		"| Support load | 40 tickets | 20 tickets or fewer | by 2027-06 | Helpdesk |",
		"| Critical bugs | 3 critical bugs | zero critical bugs | Dec. 31, 2027 | Tracker |",
		"| Uptime | 99.5% | 99.9% or higher | early Q3 2027 | Status page |",
		"| Close time | 6 days | max 1 day | 31 Dec 2027 | Survey |",
	}
	for _, row := range rows {
		t.Run(row, func(t *testing.T) {
			t.Parallel()
			if fs := metricFindings(run(t, withRow(t, row), nil)); len(fs) != 0 {
				t.Errorf("want no metric finding, got %+v", fs)
			}
		})
	}
}

// TestMetricShapesRefused: what cannot be compared or read gets one
// finding at the cell, naming the actual difference and what to write.
func TestMetricShapesRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		row   string
		field prfaq.Field
		msg   string
	}{
		{"| Latency | 400 ms | < 200 ms p95 | 2027-06-30 | APM |", prfaq.FieldTarget,
			`metric "Latency": Baseline "400 ms" is an average (it names no percentile) and Target "< 200 ms p95" the 95th percentile: write both as p95`},
		{"| Revenue | $800k | $1.2M ARR | 2027-06-30 | Billing |", prfaq.FieldTarget,
			`metric "Revenue": Baseline "$800k" does not say what it measures and Target "$1.2M ARR" says "ARR": write "ARR" after both numbers, such as "$800k ARR"`},
		{"| Load | 40 tickets | 30 users | 2027-06-30 | Helpdesk |", prfaq.FieldTarget,
			`metric "Load": Baseline "40 tickets" and Target "30 users" count different things ("tickets" vs "users"): write both in the same unit`},
		{"| Close | 6 days | 10% | 2027-06-30 | Survey |", prfaq.FieldTarget,
			`metric "Close": Baseline "6 days" (duration) and Target "10%" (percent) are not the same kind of quantity: write both in the same unit`},
		{"| Rank | top 10% | #1 | 2027-06-30 | Store |", prfaq.FieldTarget,
			`metric "Rank": Baseline "top 10%" is a share of the ranking and Target "#1" a place in the ranking: write both as a place (#3) or both as a share (top 10%)`},
		{"| Users | 1M | 3m | 2027-06-30 | DB |", prfaq.FieldTarget,
			`metric "Users": Baseline "1M" and Target "3m" are not the same kind of quantity: "1M" is a plain number but "3m" counts a unit "m" (for thousands, millions or billions write k, M or B): write both the same way`},
		{"| Close | 6 days | 6 | 2027-06-30 | Survey |", prfaq.FieldTarget,
			`metric "Close": Target "6" equals Baseline "6 days": set the target you mean to reach`},
		{"| Close | 6 days | 1 day | Week 4 | Survey |", prfaq.FieldBy,
			`metric "Close": By "Week 4": a deadline relative to a launch or a week number moves with it: write the calendar date it falls on, such as 2027-06-30 or 2027-Q3`},
		{"| Close | 6 days | 1 day | mid 2027-06-30 | Survey |", prfaq.FieldBy,
			`metric "Close": By "mid 2027-06-30": early, mid and late need a period longer than a day`},
		{"| Close | 6 days | 1 day | soon | Survey |", prfaq.FieldBy,
			`such as 2027-06-30, 2027-Q3, Dec 2027 or end of 2027`},
		{"| Rank | #0 | #1 | 2027-06-30 | Store |", prfaq.FieldBaseline,
			`metric "Rank": Baseline "#0": a rank is a place from 1 up`},
		{"| Latency | p95 | 200 ms p95 | 2027-06-30 | APM |", prfaq.FieldBaseline,
			`metric "Latency": Baseline "p95": this names a statistic, not a value: write the value with it, such as 200 ms p95`},
	}
	for _, tt := range tests {
		t.Run(tt.row, func(t *testing.T) {
			t.Parallel()
			fs := metricFindings(run(t, withRow(t, tt.row), nil))
			if len(fs) != 1 {
				t.Fatalf("want one metric finding, got %+v", fs)
			}
			f := fs[0]
			if f.Rule != rule.MetricUnmeasurable || f.Line != 58 || !strings.Contains(f.Message, tt.msg) {
				t.Errorf("want %s on line 58 with %q, got %+v", rule.MetricUnmeasurable, tt.msg, f)
			}
			if f.Field != string(tt.field) || f.Metric == "" {
				t.Errorf("want metric %q and field %q, got metric %q and field %q", strings.Split(tt.row, " | ")[0][2:], tt.field, f.Metric, f.Field)
			}
			if m := sameKindClaim.FindStringSubmatch(f.Message); m != nil && m[1] == m[2] {
				t.Errorf("message contradicts itself: %s", f.Message)
			}
		})
	}
}

// TestOutcomeRankAndBareNumbers: a rank is met by a lower place even
// without a baseline, and a bare Actual is read in the Target's unit.
func TestOutcomeRankAndBareNumbers(t *testing.T) {
	t.Parallel()
	policy := Policy{AbsentBaseline: []string{"new"}, AllowAbsent: true}
	tests := []struct {
		baseline, target, actual, want string
	}{
		{"new", "top 3", "#2", "met"},
		{"new", "top 3", "#5", "missed"},
		{"#12", "top 3", "3rd", "met"},
		{"new", "500 users", "600 users", "met"},
		{"9 issues", "0", "0", "met"},
		{"9 issues", "0", "2 issues", "missed"},
		{"400 ms p95", "200 ms p95", "180", "met"},
		{"400 ms p95", "200 ms p95", "180 ms", ""}, // an average is not a p95
	}
	for _, tt := range tests {
		m := &prfaq.Metric{Name: "M", Cells: map[prfaq.Field]prfaq.Cell{
			prfaq.FieldMetric: {Text: "M"}, prfaq.FieldBaseline: {Text: tt.baseline}, prfaq.FieldTarget: {Text: tt.target},
			prfaq.FieldBy: {Text: "2026-06-30"}, prfaq.FieldSource: {Text: "S"}, prfaq.FieldActual: {Text: tt.actual},
		}}
		if got := Outcome(m, policy); got != tt.want {
			t.Errorf("Outcome(%s → %s, actual %s) = %q, want %q", tt.baseline, tt.target, tt.actual, got, tt.want)
		}
	}
}

// TestOverdueActualMismatch: an Actual that cannot be compared with the
// Target says why, in the Target's own terms.
func TestOverdueActualMismatch(t *testing.T) {
	t.Parallel()
	src := strings.NewReplacer("| By | Source |", "| By | Source | Actual |", "|---|---|---|---|---|", "|---|---|---|---|---|---|",
		closeRow, "| Latency | 400 ms p95 | 200 ms p95 | 2026-01-31 | APM | 180 ms |",
		"| 2027-Q4 | Billing dashboard |", "| 2027-Q4 | Billing dashboard | |").Replace(goodDoc(t))
	fs := metricFindings(run(t, src, nil))
	want := `metric "Latency" was due 2026-01-31: Actual "180 ms" is an average (it names no percentile) and Target "200 ms p95" the 95th percentile: write both as p95`
	if len(fs) != 1 || fs[0].Rule != rule.MetricOverdue || fs[0].Message != want || fs[0].Field != "actual" || fs[0].Metric != "Latency" {
		t.Errorf("want one %s %q (metric Latency, field actual), got %+v", rule.MetricOverdue, want, fs)
	}
}
