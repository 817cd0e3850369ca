package check

import (
	"math"
	"strings"

	"github.com/prfaq/git-prfaq/internal/quantity"
	"github.com/prfaq/git-prfaq/prfaq"
)

// Progress is where a metric stands between its Baseline and its Target,
// read from its Actual (or, beside a Baseline column, a Current) value:
// what `list` and the Markdown report show as the distance still to go.
// The JSON keys are part of `list --format json`.
type Progress struct {
	Metric   string `json:"metric"`
	Baseline string `json:"baseline"`
	Target   string `json:"target"`
	// Current is the Actual or Current cell as written; From names its
	// column ("actual" or "current").
	Current string `json:"current"`
	From    string `json:"from"`
	// Fraction is how far Current has come from Baseline to Target: 0 at
	// the baseline, 1 at the target, above 1 past it, below 0 when it
	// moved away. A Baseline for something that did not exist yet counts
	// as zero.
	Fraction float64 `json:"fraction"`
	// Remaining is the distance from Current to Target in the Target's
	// unit ("2 days", "3%"), "" once the target is met.
	Remaining string `json:"remaining"`
	// State is "met" (at the target), "past target", "on the way",
	// "not moved" or "moved away".
	State string `json:"state"`
}

// MetricProgress reads where one metric stands. ok is false when the
// metric is not measurable, has no Actual or Current value, or its value
// is not a quantity comparable with the Target; or when there is no
// distance to measure (a rank with no baseline).
func MetricProgress(m *prfaq.Metric, p Policy) (Progress, bool) {
	a := Assess(m, p)
	if !a.Measurable() {
		return Progress{}, false
	}
	cell, from, ok := currentCell(m)
	if !ok {
		return Progress{}, false
	}
	cur, err := quantity.Parse(cell.Text)
	if err != nil {
		return Progress{}, false
	}
	cur, target := quantity.Align(cur, a.Target)
	if !cur.Comparable(target) {
		return Progress{}, false
	}
	baseline := a.Baseline.Value
	if a.BaselineAbsent {
		if target.Kind.LowerIsBetter() {
			return Progress{}, false // no place to start from
		}
		baseline = 0
	}
	span := target.Value - baseline
	if span == 0 {
		return Progress{}, false
	}
	base, _ := m.Get(prfaq.FieldBaseline)
	targetCell, _ := m.Get(prfaq.FieldTarget)
	pr := Progress{
		Metric: m.Name, Baseline: base.Text, Target: targetCell.Text, Current: cell.Text, From: from,
		Fraction: (cur.Value - baseline) / span,
	}
	pr.State = stateOf(pr.Fraction)
	if pr.Fraction < 1 {
		pr.Remaining = quantity.Format(math.Abs(target.Value-cur.Value), target)
	}
	return pr, true
}

// stateOf names a fraction of the way from baseline to target.
func stateOf(f float64) string {
	switch {
	case f == 1:
		return "met"
	case f > 1:
		return "past target"
	case f > 0:
		return "on the way"
	case f == 0:
		return "not moved"
	}
	return "moved away"
}

// currentCell is the metric's latest value: its Actual, else a Current or
// Today column beside its Baseline (alone, such a column is the Baseline).
func currentCell(m *prfaq.Metric) (prfaq.Cell, string, bool) {
	if c, ok := m.Get(prfaq.FieldActual); ok && strings.TrimSpace(c.Text) != "" {
		return c, "actual", true
	}
	for _, c := range m.Extra {
		switch strings.ToLower(strings.TrimSpace(c.Header)) {
		case "current", "today", "now", "current value":
			if strings.TrimSpace(c.Text) != "" {
				return c, "current", true
			}
		}
	}
	return prfaq.Cell{}, "", false
}

// DocumentProgress is MetricProgress for each metric of the document's
// success metrics table that has a comparable current value, in table
// order.
func DocumentProgress(d *prfaq.Document, p Policy) []Progress {
	var out []Progress
	for _, s := range d.Sections {
		if s.Kind() != prfaq.KindMetrics || s.Metrics == nil {
			continue
		}
		for _, m := range s.Metrics.Metrics {
			if pr, ok := MetricProgress(m, p); ok {
				out = append(out, pr)
			}
		}
		break // the first metrics section is the one checked
	}
	return out
}
