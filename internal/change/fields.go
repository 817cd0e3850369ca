package change

import (
	"strings"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/quantity"
	"github.com/prfaq/git-prfaq/prfaq"
)

// compared are the fields reported for a matched metric, in output order.
var compared = []prfaq.Field{prfaq.FieldBaseline, prfaq.FieldTarget, prfaq.FieldBy, prfaq.FieldSource}

// side is one version of a metric, read once.
type side struct {
	m *prfaq.Metric
	a check.Assessment
	// broken are the fields at fault when the metric is unmeasurable, with
	// a reason each.
	broken map[prfaq.Field]string
	// pair is set when Baseline and Target parse but are not comparable or
	// are equal: a fault of the two together.
	pair bool
}

func (c *comparer) side(m *prfaq.Metric, v version) side {
	s := side{m: m, a: check.Assess(m, c.policy), broken: map[prfaq.Field]string{}}
	for _, p := range s.a.Problems {
		if p.Field == prfaq.FieldTarget && parsed(s.a.Target) {
			s.pair = true // Assess files Baseline-vs-Target problems under the Target
		}
		if _, ok := s.broken[p.Field]; !ok {
			s.broken[p.Field] = p.Msg
		}
	}
	for _, f := range v.missing {
		s.broken[f] = "the table has no " + string(f) + " column"
	}
	return s
}

func (s side) measurable() bool { return len(s.broken) == 0 }

// fault is why f makes the metric unmeasurable; a Baseline blamed for a
// pair fault gives the Target's reason, which names both.
func (s side) fault(f prfaq.Field) string {
	if msg, ok := s.broken[f]; ok {
		return msg
	}
	return s.broken[prfaq.FieldTarget]
}

// text is a field's cell as written; a missing column reads as empty.
func (s side) text(f prfaq.Field) string {
	c, _ := s.m.Get(f)
	return strings.TrimSpace(c.Text)
}

// fields reports the fields of one matched metric that changed.
func (c *comparer) fields(om, nm *prfaq.Metric) {
	o, n := c.side(om, c.old), c.side(nm, c.new)
	changed := map[prfaq.Field]bool{}
	for _, f := range compared {
		changed[f] = !c.same(f, o, n)
	}
	broke, fixed := culprits(n, changed), culprits(o, changed)
	for _, f := range compared {
		var e Effect
		var why string
		switch {
		case o.measurable() && !n.measurable() && broke[f]:
			e, why = Weakened, "no longer measurable: "+n.fault(f)
		case !o.measurable() && n.measurable() && fixed[f]:
			e, why = Improved, "now measurable; it was not: "+o.fault(f)
		case !changed[f]:
			continue
		default:
			e, why = c.fieldEffect(f, o, n)
		}
		c.out = append(c.out, Change{
			File: c.file, Metric: nm.Name, Field: string(f), From: o.text(f), To: n.text(f),
			Effect: e, Line: nm.Pos.Line, Reason: why,
		})
	}
}

// culprits are the fields that make s unmeasurable and changed: a pair
// fault is the Target's when it changed, else the Baseline's. If no changed
// field is at fault (a change only in case that the parser still reads
// differently), the faults themselves are reported, so that a metric never
// becomes unmeasurable silently.
func culprits(s side, changed map[prfaq.Field]bool) map[prfaq.Field]bool {
	out := map[prfaq.Field]bool{}
	for f := range s.broken {
		if changed[f] {
			out[f] = true
		}
	}
	if s.pair && !changed[prfaq.FieldTarget] && changed[prfaq.FieldBaseline] {
		out[prfaq.FieldBaseline] = true
	}
	if len(out) == 0 {
		for f := range s.broken {
			out[f] = true
		}
	}
	return out
}

// same reports whether a field says the same thing in both versions.
func (c *comparer) same(f prfaq.Field, o, n side) bool {
	ot, nt := o.text(f), n.text(f)
	if prfaq.FoldSpace(ot) == prfaq.FoldSpace(nt) {
		return true
	}
	switch f {
	case prfaq.FieldBaseline:
		if o.a.BaselineAbsent && n.a.BaselineAbsent {
			return true
		}
		return sameQuantity(o.a.Baseline, n.a.Baseline)
	case prfaq.FieldTarget:
		return sameQuantity(o.a.Target, n.a.Target)
	case prfaq.FieldBy:
		return dated(o.a.By) && dated(n.a.By) && o.a.By.Compare(n.a.By) == 0
	}
	return false
}

func sameQuantity(a, b quantity.Quantity) bool {
	return a.Comparable(b) && a.Compare(b) == 0 && a.Bound == b.Bound
}

// parsed reports whether Assess read q; a failed or missing cell leaves
// the zero Quantity, whose Kind is not valid.
func parsed(q quantity.Quantity) bool { return q.Kind != 0 }

// dated reports whether Assess read a By date.
func dated(d quantity.Date) bool { return d.Precision != 0 }

// fieldEffect is the effect of a field that changed without changing the
// metric's measurability.
func (c *comparer) fieldEffect(f prfaq.Field, o, n side) (Effect, string) {
	switch f {
	case prfaq.FieldTarget:
		return targetEffect(o, n, c.origin)
	case prfaq.FieldBy:
		return byEffect(o.a.By, n.a.By)
	case prfaq.FieldSource:
		return sourceEffect(o.text(f), n.text(f))
	}
	return Neutral, "the baseline was re-stated (from " + shown(o.text(f)) + " to " + shown(n.text(f)) + "), which is information, not a commitment"
}
