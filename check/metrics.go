package check

import (
	"fmt"
	"strings"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/quantity"
)

// tableHeader is the header line a writer should copy.
const tableHeader = "| Metric | Baseline | Target | By | Source |"

// requiredColumns are the fields a measurable metric needs.
var requiredColumns = []prfaq.Field{prfaq.FieldBaseline, prfaq.FieldTarget, prfaq.FieldBy, prfaq.FieldSource}

func (c *checker) metrics() {
	s := c.metricsSection()
	switch {
	case s == nil:
		c.report(MetricsMissing, c.missingPos(), "no success metrics: add a ## Success Metrics section with a table %s", tableHeader)
	case s.Metrics == nil && s.ListPos != nil:
		c.report(MetricsMissing, *s.ListPos, "success metrics are a bullet list, which cannot be measured: rewrite them as a table %s with one row per metric", tableHeader)
	case s.Metrics == nil:
		c.report(MetricsMissing, s.Heading.Pos, "section %q has no table: add one, %s, with one row per metric", s.Heading.Text, tableHeader)
	default:
		c.table(s.Metrics)
	}
}

func (c *checker) metricsSection() *prfaq.Section {
	for _, s := range c.doc.Sections {
		if s.Kind() == prfaq.KindMetrics {
			return s
		}
	}
	return nil
}

func (c *checker) table(t *prfaq.MetricsTable) {
	var missing []string
	for _, f := range requiredColumns {
		if !t.HasField(f) {
			missing = append(missing, c.columnName(f))
		}
	}
	if len(missing) > 0 {
		c.report(MetricUnmeasurable, t.Pos, "the metrics table has no %s column: use the header %s", strings.Join(missing, ", "), tableHeader)
	}
	if len(t.Metrics) == 0 {
		c.report(MetricsMissing, t.Pos, "the metrics table has no rows: add at least one measurable metric")
		return
	}
	measurable := 0
	for _, m := range t.Metrics {
		a := Assess(m, c.policy)
		for _, p := range a.Problems {
			c.report(MetricUnmeasurable, p.Pos, "metric %q: %s", m.Name, p.Msg)
		}
		if a.Measurable() && len(missing) == 0 {
			measurable++
			c.overdue(m, a)
		}
	}
	if measurable == 0 && len(missing) == 0 {
		c.report(MetricsMissing, t.Pos, "no metric in the table is measurable: fix the rows reported above")
	}
}

func (c *checker) columnName(f prfaq.Field) string {
	if names := c.spec.Columns[f]; len(names) > 0 {
		return names[0]
	}
	return string(f)
}

// overdue reports a metric whose deadline has passed without an Actual.
// A cancelled PRFAQ owes no results.
func (c *checker) overdue(m *prfaq.Metric, a Assessment) {
	if c.status() == "cancelled" || c.in.Today.IsZero() || !a.By.End.Before(c.in.Today) {
		return
	}
	days := int(c.in.Today.Sub(a.By.End).Hours() / 24)
	actual, ok := m.Get(prfaq.FieldActual)
	if !ok || strings.TrimSpace(actual.Text) == "" {
		c.report(MetricOverdue, m.Pos, "metric %q was due %s and is %d days late: add an Actual column with the result", m.Name, a.By.Text, days)
		return
	}
	q, err := quantity.Parse(actual.Text)
	if err != nil || !q.Comparable(a.Target) {
		c.report(MetricOverdue, actual.Pos, "metric %q was due %s: Actual %q is not a %s like the target %q", m.Name, a.By.Text, actual.Text, a.Target.Kind, a.Target.Text)
	}
}

// Problem is one reason a metric cannot be measured, at its cell.
type Problem struct {
	Field prfaq.Field
	Pos   prfaq.Pos
	Msg   string
}

// Policy is what measurability depends on in configuration.
type Policy struct {
	AbsentBaseline []string
	AllowAbsent    bool
}

// Assessment is a metric read as quantities.
type Assessment struct {
	Baseline, Target quantity.Quantity
	BaselineAbsent   bool
	By               quantity.Date
	Problems         []Problem
}

// Measurable reports whether the metric has no problem.
func (a Assessment) Measurable() bool { return len(a.Problems) == 0 }

// Assess reads a metric's cells and lists every reason it is not
// measurable. It is exported for the history code, which needs to know
// whether a change made a metric unmeasurable.
func Assess(m *prfaq.Metric, p Policy) Assessment {
	var a Assessment
	add := func(f prfaq.Field, pos prfaq.Pos, format string, args ...any) {
		a.Problems = append(a.Problems, Problem{Field: f, Pos: pos, Msg: fmt.Sprintf(format, args...)})
	}
	if m.Name == "" {
		add(prfaq.FieldMetric, m.Pos, "the row has no metric name: name what is measured")
	}
	base, hasBase := m.Get(prfaq.FieldBaseline)
	target, hasTarget := m.Get(prfaq.FieldTarget)
	var baseErr, targetErr error
	if hasBase {
		a.BaselineAbsent = quantity.IsAbsent(base.Text, p.AbsentBaseline)
		switch {
		case a.BaselineAbsent && !p.AllowAbsent:
			add(prfaq.FieldBaseline, base.Pos, "Baseline %q is not allowed by this repository's configuration: measure today's value", base.Text)
		case !a.BaselineAbsent:
			if a.Baseline, baseErr = quantity.Parse(base.Text); baseErr != nil {
				add(prfaq.FieldBaseline, base.Pos, "Baseline %s", describe(base.Text, baseErr))
			}
		}
	}
	if hasTarget {
		if a.Target, targetErr = quantity.Parse(target.Text); targetErr != nil {
			add(prfaq.FieldTarget, target.Pos, "Target %s", describe(target.Text, targetErr))
		}
	}
	if hasBase && hasTarget && baseErr == nil && targetErr == nil && !a.BaselineAbsent {
		switch {
		case !a.Baseline.Comparable(a.Target):
			add(prfaq.FieldTarget, target.Pos, "Baseline %q (%s) and Target %q (%s) are not the same kind of quantity: write both in the same unit", base.Text, a.Baseline.Kind, target.Text, a.Target.Kind)
		case a.Baseline.Compare(a.Target) == 0:
			add(prfaq.FieldTarget, target.Pos, "Target %q equals Baseline %q: set the target you mean to reach", target.Text, base.Text)
		}
	}
	if by, ok := m.Get(prfaq.FieldBy); ok {
		var err error
		if a.By, err = quantity.ParseDate(by.Text); err != nil {
			add(prfaq.FieldBy, by.Pos, "By %s", describe(by.Text, err))
		}
	}
	if src, ok := m.Get(prfaq.FieldSource); ok && strings.TrimSpace(src.Text) == "" {
		add(prfaq.FieldSource, src.Pos, "Source is empty: say where the number will be read from (a dashboard, a report, a query)")
	}
	return a
}

func describe(text string, err error) string {
	if strings.TrimSpace(text) == "" {
		return "is empty: " + err.Error()
	}
	return fmt.Sprintf("%q: %v", text, err)
}

// Outcome says whether a metric's Actual reached its Target, in the
// direction baseline→target ("higher is better" when the target is above
// the baseline, or when there was no baseline): "met", "missed", or "" when
// the metric is unmeasurable or has no comparable Actual.
func Outcome(m *prfaq.Metric, p Policy) string {
	a := Assess(m, p)
	cell, ok := m.Get(prfaq.FieldActual)
	if !a.Measurable() || !ok {
		return ""
	}
	actual, err := quantity.Parse(cell.Text)
	if err != nil || !actual.Comparable(a.Target) {
		return ""
	}
	higherIsBetter := a.BaselineAbsent || a.Target.Compare(a.Baseline) > 0
	cmp := actual.Compare(a.Target)
	if cmp == 0 || (cmp > 0) == higherIsBetter {
		return "met"
	}
	return "missed"
}

// PolicyOf is the measurability policy a configuration sets.
func PolicyOf(cfg *config.Config) Policy {
	return Policy{AbsentBaseline: cfg.Metrics.AbsentBaseline, AllowAbsent: cfg.Metrics.AllowAbsentBaseline}
}
