// Package change compares the success metrics of two versions of one PRFAQ
// and says, field by field, whether each difference weakens, improves or
// leaves neutral the success criteria (README, "Weakened success
// criteria"). It is pure: callers read the two versions from git, the index
// or the work tree, parse them, and fill in Commit, Acknowledged and Date.
//
// Decisions, for cases the format leaves open:
//
//   - Metrics are matched by prfaq.Metric.Key (case-insensitive,
//     whitespace-folded name). A name that appears twice is matched by
//     occurrence: the second row named X in the older version is the second
//     in the newer. A row with no name is not a metric (the check reports
//     it), so it is neither matched nor reported; erasing a metric's name
//     therefore removes that metric.
//   - A document added (older is nil) reports each of its metrics as added
//     (Improved): the README says it has nothing to weaken, and the history
//     shows when each metric began. A document deleted (newer is nil) reports
//     each metric as removed (Weakened).
//   - A cell that differs only in case or spacing has not changed, and
//     neither has one that says the same thing another way: Baseline or
//     Target values of equal quantity and bound (1,200 and 1.2k, 2 days and
//     48 hours), two words for an absent Baseline (n/a and none), or By
//     periods that end on the same day (2026-09 and 2026-09-30). A missing
//     column reads as an empty cell.
//   - Target: the direction of "better" comes from the older version's
//     Baseline→Target, falling back to the newer version's, and to "higher
//     is better" when neither has a Baseline it can be compared with (an
//     absent Baseline such as "new" counts something that does not exist
//     yet), except for a rank, where a lower place is better. When the two
//     versions point opposite ways (the Target crossed its Baseline), the
//     metric's original direction decides when the caller's history knows
//     it (CompareWith). A Target that then moves the worse way has moved toward its
//     Baseline or past it: Weakened; the better way: Improved. The older
//     version sets the direction because it is the commitment being changed:
//     a Target moved past its Baseline makes the newer version read the other
//     way round, and a re-measured Baseline may itself have moved past the
//     old Target. When the Baseline did not change, this is exactly "the
//     distance from the Baseline shrank or changed sign". A Target that
//     changes unit (no longer comparable) is Neutral; one that stops being a
//     quantity is Weakened, one that becomes a quantity Improved. Equal
//     values with a different bound ("99%" and "at least 99%") are Neutral.
//   - Baseline: Neutral, as the README says, even when a re-measured Baseline
//     narrows the gap to an unchanged Target: the Target did not move, and
//     no Target change is reported.
//   - By: a later end of period is Weakened, an earlier one Improved; a By
//     that stops being a date is Weakened, one that becomes a date Improved.
//   - Source: Neutral; emptied is Weakened (the metric cannot be read),
//     filled in is Improved.
//   - Measurability, which overrides the rules above: when a measurable
//     metric becomes unmeasurable (check.Assess reports a problem, or the
//     table lost a required column), each changed field the problems point
//     at is Weakened. Baseline and Target that are no longer comparable, or
//     equal, point at the Target when it changed, else at the Baseline. The
//     reverse, unmeasurable to measurable, is Improved for the fields that
//     were at fault.
//   - Order: metrics in the newer version's order, a removed metric right
//     after the metric that preceded it in the older version; within a
//     metric, the fields metric, baseline, target, by, source.
package change

import (
	"fmt"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// Effect of a change on the success criteria.
type Effect string

// The effects, as the diff and log JSON spell them.
const (
	Weakened Effect = "weakened"
	Improved Effect = "improved"
	Neutral  Effect = "neutral"
)

// FieldMetric is the Field of a metric added or removed.
const FieldMetric = string(prfaq.FieldMetric)

// Change is one field of one metric that moved, in the JSON shape of
// the diff and log JSON output (README, "Metric history").
type Change struct {
	File   string `json:"file"`
	Metric string `json:"metric"`
	// Field is metric (added or removed), baseline, target, by or source.
	Field string `json:"field"`
	// From and To are the cells as written; for an added metric From is
	// empty, for a removed one To is.
	From   string `json:"from"`
	To     string `json:"to"`
	Effect Effect `json:"effect"`
	// Commit, Acknowledged, Date and Author are left empty by Compare: they
	// belong to the history that found the two versions.
	Commit       string `json:"commit"`
	Acknowledged string `json:"acknowledged"`
	Date         string `json:"date"`
	// Author is the commit's author as "Name <email>", empty for the work
	// tree; filled in by the history like Commit.
	Author string `json:"author"`
	// Line is the metric's row in the newer version; for a removed metric,
	// the newer version's metrics heading, or 1 when it has none.
	Line int `json:"line"`
	// Reason explains the effect in a few words, for text output.
	Reason string `json:"-"`
	// AcknowledgedBy is the commit whose trailer acknowledged a weakening
	// when that is a later commit than the one that made it; empty when the
	// acknowledgement is the change's own commit's, or came from outside
	// (--ack), or there is none.
	AcknowledgedBy string `json:"acknowledged_by,omitempty"`
	// Severity is what the merge gate makes of an unacknowledged
	// weakening (error or warning; empty for every other change, and when
	// metric-weakened is off), set by the gate for reports.
	Severity rule.Severity `json:"severity,omitempty"`
	// Draft is set by the history when the newer version of the document
	// is a draft, whose findings the README makes warnings: the merge gate
	// downgrades such a weakening.
	Draft bool `json:"-"`
}

// Summary is the change in one line for text output, without the metric's
// name: "target 18% → 15% (weakened)".
func (c Change) Summary() string {
	if c.Field == FieldMetric {
		verb := "added"
		if c.To == "" {
			verb = "removed"
		}
		return fmt.Sprintf("metric %s (%s)", verb, c.Effect)
	}
	return fmt.Sprintf("%s %s → %s (%s)", c.Field, shown(c.From), shown(c.To), c.Effect)
}

// shown quotes only an empty cell, which would otherwise vanish.
func shown(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

// Compare lists the changes to the success metrics from older to newer,
// either of which may be nil (the document did not exist). file is the
// slash path reported in each Change.
func Compare(file string, older, newer *prfaq.Document, p check.Policy) []Change {
	return CompareWith(file, older, newer, p, nil)
}

// Origin gives a metric's original direction (+1 higher is better, -1
// lower), by prfaq.Metric.Key, from the first version in the history where
// its Baseline and Target pointed somewhere; ok is false when the history
// does not know.
type Origin func(key string) (dir int, ok bool)

// CompareWith is Compare for a caller that knows the history: origin
// decides which way is better for a Target that crossed its Baseline
// between the two versions. A nil origin is Compare.
func CompareWith(file string, older, newer *prfaq.Document, p check.Policy, origin Origin) []Change {
	o, n := versionOf(older), versionOf(newer)
	c := comparer{file: file, policy: p, old: o, new: n, origin: origin}
	return c.run()
}

type comparer struct {
	file     string
	policy   check.Policy
	origin   Origin
	old, new version
	out      []Change
}

// run walks the newer version's metrics in order, placing each removed
// metric after the one that preceded it in the older version.
func (c *comparer) run() []Change {
	toNew, toOld := match(c.old.metrics, c.new.metrics)
	after := removedAfter(toNew)
	c.removed(after[-1])
	for j, m := range c.new.metrics {
		if i := toOld[j]; i < 0 {
			c.added(m)
		} else {
			c.fields(c.old.metrics[i], m)
		}
		c.removed(after[j])
	}
	return c.out
}

// removedAfter maps a newer row index to the older rows removed right after
// it; -1 holds those removed before any surviving row.
func removedAfter(toNew []int) map[int][]int {
	after := map[int][]int{}
	prev := -1
	for i, j := range toNew {
		if j < 0 {
			after[prev] = append(after[prev], i)
		} else {
			prev = j
		}
	}
	return after
}

func (c *comparer) added(m *prfaq.Metric) {
	c.out = append(c.out, Change{
		File: c.file, Metric: m.Name, Field: FieldMetric, To: m.Name,
		Effect: Improved, Line: m.Pos.Line, Reason: "new metric",
	})
}

func (c *comparer) removed(rows []int) {
	for _, i := range rows {
		m := c.old.metrics[i]
		c.out = append(c.out, Change{
			File: c.file, Metric: m.Name, Field: FieldMetric, From: m.Name,
			Effect: Weakened, Line: c.new.line, Reason: "metric removed",
		})
	}
}

// match pairs rows by key and occurrence: toNew[i] is the newer index of
// older row i, toOld[j] the older index of newer row j, -1 when unmatched.
func match(old, new []*prfaq.Metric) (toNew, toOld []int) {
	index := map[string][]int{}
	for j, m := range new {
		index[m.Key] = append(index[m.Key], j)
	}
	toNew, toOld = filled(len(old)), filled(len(new))
	for i, m := range old {
		if js := index[m.Key]; len(js) > 0 {
			toNew[i], toOld[js[0]] = js[0], i
			index[m.Key] = js[1:]
		}
	}
	return toNew, toOld
}

func filled(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

// version is one side of the comparison: the metrics table of a document.
type version struct {
	// metrics are the named rows; a nameless row is not a metric.
	metrics []*prfaq.Metric
	// missing are the required columns the table lacks, which leave every
	// metric unmeasurable.
	missing []prfaq.Field
	// line is where a removed metric is reported: the metrics heading, or 1.
	line int
}

// requiredColumns are the fields a measurable metric needs, as the check
// counts them.
var requiredColumns = []prfaq.Field{prfaq.FieldBaseline, prfaq.FieldTarget, prfaq.FieldBy, prfaq.FieldSource}

func versionOf(doc *prfaq.Document) version {
	v := version{line: 1}
	s := metricsSection(doc)
	if s == nil {
		return v
	}
	v.line = max(s.Heading.Pos.Line, 1)
	if s.Metrics == nil {
		return v
	}
	for _, m := range s.Metrics.Metrics {
		if m.Key != "" {
			v.metrics = append(v.metrics, m)
		}
	}
	for _, f := range requiredColumns {
		if !s.Metrics.HasField(f) {
			v.missing = append(v.missing, f)
		}
	}
	return v
}

// metricsSection is the first Success Metrics section, as the check reads it.
func metricsSection(doc *prfaq.Document) *prfaq.Section {
	if doc == nil {
		return nil
	}
	for _, s := range doc.Sections {
		if s.Kind() == prfaq.KindMetrics {
			return s
		}
	}
	return nil
}
