package check

import (
	"fmt"
	"strings"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/quantity"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// requiredColumns are the fields a measurable metric needs, in the order
// of the table header a writer should copy.
var requiredColumns = []prfaq.Field{prfaq.FieldBaseline, prfaq.FieldTarget, prfaq.FieldBy, prfaq.FieldSource}

// maxProposedRows is how many rows of a table proposed from a bullet list
// a suggestion shows; the rest are counted.
const maxProposedRows = 50

// unknownCell fills a proposed table's cells the writer must fill in.
const unknownCell = "?"

// subject is what a metric finding is about, as the fields of a Finding.
type subject struct {
	section string
	metric  string
	field   prfaq.Field
}

// reportMetric reports a metric finding and records its subject on it.
func (c *checker) reportMetric(id string, pos prfaq.Pos, about subject, format string, args ...any) {
	if c.report(id, pos, format, args...) { // not switched off
		f := c.last()
		f.Section, f.Metric, f.Field = about.section, about.metric, string(about.field)
	}
}

func (c *checker) metrics() {
	s := c.metricsSection()
	about := subject{section: c.metricsName(s)}
	switch {
	case s == nil:
		c.reportMetric(rule.MetricsMissing, c.missingPos(), about, "no success metrics: add a ## %s section with a table %s", about.section, c.header())
	case s.Metrics == nil && s.ListPos != nil:
		c.reportMetric(rule.MetricsMissing, *s.ListPos, about, "%s", c.bulletsMessage(len(s.Bullets)))
		if len(s.Bullets) > 0 && c.last().Rule == rule.MetricsMissing {
			c.last().Suggestion = c.proposeTable(s.Bullets)
		}
	case s.Metrics == nil:
		c.reportMetric(rule.MetricsMissing, s.Heading.Pos, about, "section %q has no table: add one, %s, with one row per metric", s.Heading.Text, c.header())
	default:
		c.table(s.Metrics, about.section)
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

// metricsName is the configured name of the metrics section.
func (c *checker) metricsName(s *prfaq.Section) string {
	if s != nil && s.Spec != nil {
		return s.Spec.Name
	}
	for _, spec := range c.spec.Sections {
		if spec.Kind == prfaq.KindMetrics {
			return spec.Name
		}
	}
	return "Success Metrics"
}

// header is the table header a writer should copy, in the configured
// column names: | Metric | Baseline | Target | By | Source |.
func (c *checker) header() string {
	var b strings.Builder
	b.WriteString("|")
	for _, f := range append([]prfaq.Field{prfaq.FieldMetric}, requiredColumns...) {
		b.WriteString(" " + c.columnName(f) + " |")
	}
	return b.String()
}

// bulletsMessage is the message for metrics written as a bullet list: on
// one line; the table proposed from the bullets is its Suggestion.
func (c *checker) bulletsMessage(bullets int) string {
	msg := fmt.Sprintf("success metrics are a bullet list, which cannot be measured (a metric needs a baseline, a target, a date and a source): rewrite them as a table %s with one row per metric", c.header())
	if bullets > 0 {
		msg += fmt.Sprintf("; the table proposed from the %s follows: fill in each %s", pluralize(bullets, "bullet"), unknownCell)
	}
	return msg
}

func pluralize(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// proposeTable is the table to write instead of a bullet list, one row
// per bullet, with each bullet's quantity as its Target and "?" where the
// writer must fill in a baseline, a date and a source. The list's group
// labels ("Week 1") are not dates, so By stays "?".
func (c *checker) proposeTable(bullets []prfaq.Bullet) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s", c.header(), strings.Repeat("|---", len(requiredColumns)+1)+"|")
	for i, bl := range bullets {
		if i == maxProposedRows {
			fmt.Fprintf(&b, "\n… and %d more", len(bullets)-i)
			break
		}
		target := unknownCell
		if q, ok := quantity.Find(bl.Text); ok {
			target = q.Text
		}
		fmt.Fprintf(&b, "\n| %s | %s | %s | %s | %s |", tableCell(bl.Text), unknownCell, tableCell(target), unknownCell, unknownCell)
	}
	return b.String()
}

// tableCell writes text as one Markdown table cell: on one line, with its
// pipes escaped.
func tableCell(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	return strings.ReplaceAll(text, "|", `\|`)
}

func (c *checker) table(t *prfaq.MetricsTable, section string) {
	missing := 0
	for _, f := range requiredColumns {
		if !t.HasField(f) {
			missing++
			c.reportMetric(rule.MetricUnmeasurable, t.Pos, subject{field: f}, "the metrics table has no %s column: use the header %s", c.columnName(f), c.header())
		}
	}
	if len(t.Metrics) == 0 {
		c.reportMetric(rule.MetricsMissing, t.Pos, subject{section: section}, "the metrics table has no rows: add at least one measurable metric")
		return
	}
	// A cell that is only template text (<12%>, TBD) is the placeholder
	// rule's, reported once; so is a table whose rows fail only for such
	// cells, as a fresh template's | <Metric name> | <12%> | … | does.
	measurable, reported := 0, false
	for _, m := range t.Metrics {
		a := c.assess(m)
		for _, p := range a.Problems {
			if cell, ok := m.Get(p.Field); ok && p.Field != prfaq.FieldMetric && c.templateOnly(cell.Text) {
				continue
			}
			reported = true
			c.reportMetric(rule.MetricUnmeasurable, p.Pos, subject{metric: m.Name, field: p.Field}, "metric %q: %s", m.Name, p.Msg)
		}
		if a.Measurable() && missing == 0 {
			measurable++
			c.deadline(m, a)
		}
	}
	if measurable == 0 && missing == 0 && reported {
		c.reportMetric(rule.MetricsMissing, t.Pos, subject{section: section}, "no metric in the table is measurable: fix the rows reported above")
	}
}

// assess is Assess with the checker's policy, once per metric: the
// metrics and claims rules both read the table.
func (c *checker) assess(m *prfaq.Metric) Assessment {
	if a, ok := c.assessed[m]; ok {
		return a
	}
	a := Assess(m, c.policy)
	if c.assessed == nil {
		c.assessed = map[*prfaq.Metric]Assessment{}
	}
	c.assessed[m] = a
	return a
}

func (c *checker) columnName(f prfaq.Field) string {
	if names := c.spec.Columns[f]; len(names) > 0 {
		return names[0]
	}
	return string(f)
}

// deadline records a measurable metric's due date for metric-overdue,
// which Finish judges against today. A cancelled PRFAQ owes no results.
// Everything but the date is decided here, once per document version.
func (c *checker) deadline(m *prfaq.Metric, a Assessment) {
	if c.status() == prfaq.Cancelled {
		return
	}
	d := Deadline{Metric: m.Name, Due: a.By.End, DueText: a.By.Text, Pos: m.Pos}
	actual, ok := m.Get(prfaq.FieldActual)
	switch {
	case !ok || strings.TrimSpace(actual.Text) == "":
		d.Missing = true
	case c.templateOnly(actual.Text):
		return // the placeholder rule reports it
	default:
		d.Pos, d.Message = actual.Pos, actualProblem(m.Name, actual.Text, a)
		if d.Message == "" {
			return
		}
	}
	c.deadlines = append(c.deadlines, d)
}

// actualProblem is what is wrong with a due metric's Actual, "" when
// nothing is.
func actualProblem(name, text string, a Assessment) string {
	q, err := quantity.Parse(text)
	if err != nil {
		return fmt.Sprintf("metric %q was due %s: Actual %s; write the result in the unit of Target %q", name, a.By.Text, describe(text, err), a.Target.Text)
	}
	q, target := quantity.Align(q, a.Target)
	if msg := quantity.Mismatch("Actual", q, "Target", target); msg != "" {
		return fmt.Sprintf("metric %q was due %s: %s", name, a.By.Text, msg)
	}
	return ""
}

// overdue reports a metric whose deadline has passed without an Actual,
// or with one that is not a result in the Target's unit.
func (c *checker) overdue(d Deadline) {
	if c.in.Today.IsZero() || !d.Due.Before(c.in.Today) {
		return
	}
	about := subject{metric: d.Metric, field: prfaq.FieldActual}
	if c.countsOnly {
		c.reportMetric(rule.MetricOverdue, d.Pos, about, "") // no message, and no arguments to box for it
		return
	}
	if d.Missing {
		days := int(c.in.Today.Sub(d.Due).Hours() / 24)
		c.reportMetric(rule.MetricOverdue, d.Pos, about, "metric %q was due %s and is %d days late: add an Actual column with the result", d.Metric, d.DueText, days)
		return
	}
	c.reportMetric(rule.MetricOverdue, d.Pos, about, "%s", d.Message)
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
	// Baseline and Target as read, a bare number in the other's unit
	// (quantity.Align): Baseline "9 issues", Target "0" is 0 issues.
	Baseline, Target quantity.Quantity
	BaselineAbsent   bool
	By               quantity.Date
	Problems         []Problem
}

// Measurable reports whether the metric has no problem.
func (a Assessment) Measurable() bool { return len(a.Problems) == 0 }

// Assess reads a metric's cells and lists every reason it is not
// measurable. It is exported for the history code, which needs to know
// whether a change made a metric unmeasurable. A problem with Baseline and
// Target together (not comparable, or equal) is filed under the Target.
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
		a.Baseline, a.Target = quantity.Align(a.Baseline, a.Target)
		if msg := quantity.Mismatch("Baseline", a.Baseline, "Target", a.Target); msg != "" {
			add(prfaq.FieldTarget, target.Pos, "%s", msg)
		} else if a.Baseline.Compare(a.Target) == 0 {
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
// the baseline, or when there was no baseline, except for a rank, where
// #1 beats #3): "met", "missed", or "" when the metric is unmeasurable or
// has no comparable Actual. A bare number as Actual is read in the
// Target's unit.
func Outcome(m *prfaq.Metric, p Policy) string {
	a := Assess(m, p)
	cell, ok := m.Get(prfaq.FieldActual)
	if !a.Measurable() || !ok {
		return ""
	}
	actual, err := quantity.Parse(cell.Text)
	if err != nil {
		return ""
	}
	actual, target := quantity.Align(actual, a.Target)
	if !actual.Comparable(target) {
		return ""
	}
	higherIsBetter := !target.Kind.LowerIsBetter()
	if !a.BaselineAbsent {
		higherIsBetter = target.Compare(a.Baseline) > 0
	}
	cmp := actual.Compare(target)
	if cmp == 0 || (cmp > 0) == higherIsBetter {
		return "met"
	}
	return "missed"
}

// PolicyOf is the measurability policy a configuration sets.
func PolicyOf(cfg *config.Config) Policy {
	return Policy{AbsentBaseline: cfg.Metrics.AbsentBaseline, AllowAbsent: cfg.Metrics.AllowAbsentBaseline}
}
