package change

import (
	"fmt"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/quantity"
)

// targetEffect judges a Target that changed while the metric's
// measurability did not.
func targetEffect(o, n side, origin Origin) (Effect, string) {
	ot, nt := o.a.Target, n.a.Target
	switch {
	case !parsed(ot) && !parsed(nt):
		return Neutral, "the target is not a quantity in either version"
	case !parsed(nt):
		return Weakened, "the target is no longer a quantity"
	case !parsed(ot):
		return Improved, "the target is now a quantity"
	case !ot.Comparable(nt):
		return Neutral, fmt.Sprintf("the target changed from a %s to a %s, which cannot be compared", ot.Kind, nt.Kind)
	case ot.Compare(nt) == 0:
		return Neutral, "the same target value with a different bound"
	}
	dir := direction(o, n, origin)
	ref, ok := reference(o, n)
	moves := fmt.Sprintf("(from %s to %s)", ot.Text, nt.Text)
	switch {
	case !ok && nt.Kind.LowerIsBetter() && nt.Compare(ot) < 0:
		return Improved, "target raised " + moves + "; in a ranking, a lower place is better"
	case !ok && nt.Kind.LowerIsBetter():
		return Weakened, "target lowered " + moves + "; in a ranking, a lower place is better"
	case !ok && nt.Compare(ot) > 0:
		return Improved, "target raised " + moves + "; with no baseline, higher is better"
	case !ok:
		return Weakened, "target lowered " + moves + "; with no baseline, higher is better"
	case nt.Compare(ot)*dir > 0:
		return Improved, fmt.Sprintf("target moved away from baseline %s %s", ref.Text, moves)
	case nt.Compare(ref)*dir <= 0:
		return Weakened, fmt.Sprintf("target moved past baseline %s %s", ref.Text, moves)
	}
	return Weakened, fmt.Sprintf("target moved toward baseline %s %s", ref.Text, moves)
}

// direction is +1 when higher is better and -1 when lower is, read from
// the older version's Baseline→Target (the commitment being changed), else
// the newer's, else +1: a metric with no Baseline counts something that
// does not exist yet, so more is better. When both versions have one and
// they disagree, the Target crossed its Baseline: the metric's original
// direction decides, when the history knows it, so that a Target moved
// back toward its first ambition reads as the improvement it is.
func direction(o, n side, origin Origin) int {
	od, ook := Direction(o.a)
	nd, nok := Direction(n.a)
	if ook && nok && od != nd && origin != nil {
		if d, ok := origin(n.m.Key); ok {
			return d
		}
	}
	switch {
	case ook:
		return od
	case nok:
		return nd
	}
	return +1
}

// Direction is which way a metric's Baseline→Target points: +1 when the
// Target is higher, -1 when lower; ok is false when the two are not
// comparable quantities or are equal.
func Direction(a check.Assessment) (dir int, ok bool) {
	b, t := a.Baseline, a.Target
	if parsed(b) && parsed(t) && b.Comparable(t) && b.Compare(t) != 0 {
		return t.Compare(b), true
	}
	return 0, false
}

// reference is the Baseline a Target change is described against: the
// newer one, which says where the metric stands now, else the older one;
// either must be comparable with the newer Target.
func reference(o, n side) (quantity.Quantity, bool) {
	for _, s := range []side{n, o} {
		if b := s.a.Baseline; parsed(b) && b.Comparable(n.a.Target) {
			return b, true
		}
	}
	return quantity.Quantity{}, false
}

// byEffect judges a By date that changed: a period counts as its last day.
func byEffect(od, nd quantity.Date) (Effect, string) {
	switch {
	case !dated(od) && !dated(nd):
		return Neutral, "By is not a date in either version"
	case !dated(nd):
		return Weakened, "By is no longer a date"
	case !dated(od):
		return Improved, "By is now a date"
	}
	days := int(nd.End.Sub(od.End).Hours() / 24)
	moves := fmt.Sprintf("(from %s to %s)", od.Text, nd.Text)
	switch {
	case days > 0:
		return Weakened, fmt.Sprintf("deadline slipped %d days %s", days, moves)
	case days < 0:
		return Improved, fmt.Sprintf("deadline pulled in %d days %s", -days, moves)
	}
	return Neutral, "the same deadline written another way"
}

// sourceEffect judges a Source that changed: where a number is read from
// is information, but a metric with no source cannot be read at all.
func sourceEffect(ot, nt string) (Effect, string) {
	switch {
	case nt == "":
		return Weakened, "the source was removed"
	case ot == "":
		return Improved, "a source was added"
	}
	return Neutral, "the metric is read from another source"
}
