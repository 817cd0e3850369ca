package quantity

import "math"

// ClaimTolerance is how far a metric may be from a claimed figure and
// still back it, as a share of the figure: the rounding a press release
// does. A claimed 50% improvement is backed by a change of 47.5% to
// 52.5%, a claimed 2x by a factor of 1.9 to 2.1, a claimed "to 1 day" by
// a target of 0.95 to 1.05 days.
const ClaimTolerance = 0.05

// BackedBy reports whether a success metric going from baseline to target
// backs the claim. absent says the metric has no baseline yet (only a
// Level claim can be backed then). The quantities are read as the metric
// table holds them (Align'ed to each other).
//
//   - Level: the target is the claimed value ("to 1 day": Target 1 day).
//   - FromTo: the baseline is the "from" value and the target the "to".
//   - Factor: target/baseline (or baseline/target, for a change down or a
//     lower-is-better "faster") is the factor; or the target is that
//     multiplier ("2x").
//   - Change by a percentage: the relative change (target−baseline)/baseline
//     is the claimed share, in the claim's direction; for a change down or
//     "faster", baseline/target−1 counts too ("50% faster": 6 → 4 days);
//     on a percentage metric, so does the difference in points ("conversion
//     up 5%": 10% → 15%).
//   - Change by an amount ("by 2 days", "by 5 points"): |target−baseline|.
//
// The claim's direction must agree with the metric's (a claimed increase
// is not backed by a target below the baseline); "improvement" and
// "faster" agree with either, since the metric's own baseline→target says
// which way is better.
func (c Claim) BackedBy(baseline, target Quantity, absent bool) bool {
	if c.Kind == Level {
		return nearValue(c.To, target)
	}
	if absent || !looseSame(baseline, target) {
		return false
	}
	b, t := baseline.Value, target.Value
	if !c.dirAgrees(b, t) {
		return false
	}
	switch c.Kind {
	case FromTo:
		if c.Amount.Kind != 0 && c.changeBacked(baseline, target) {
			return true // "by 75%, from 12 hours to 3 hours": either says it
		}
		return nearValue(c.From, baseline) && nearValue(c.To, target)
	case Factor:
		if target.Kind == Multiplier {
			return near(target.Value, c.Factor)
		}
		return b != 0 && t != 0 && (b > 0) == (t > 0) && near(math.Max(t/b, b/t), c.Factor)
	case Change:
		return c.changeBacked(baseline, target)
	}
	return false
}

func (c Claim) dirAgrees(b, t float64) bool {
	switch c.Dir {
	case Up:
		return t > b
	case Down:
		return t < b
	}
	return t != b
}

func (c Claim) changeBacked(baseline, target Quantity) bool {
	b, t := baseline.Value, target.Value
	a := c.Amount
	if a.Kind != Percent || a.Unit == "pp" {
		// An amount: "by 2 days", "by 5 points".
		if a.Kind == Percent && target.Kind != Percent {
			return false
		}
		if a.Kind != Percent && !looseSame(a, target) {
			return false
		}
		return near(math.Abs(t-b), math.Abs(a.Value))
	}
	share := math.Abs(a.Value) / 100
	if b != 0 && near(math.Abs(t-b)/math.Abs(b), share) {
		return true
	}
	if c.Dir != Up && t != 0 && (b > 0) == (t > 0) && near(b/t-1, share) {
		return true
	}
	return target.Kind == Percent && target.Unit == "" && near(math.Abs(t-b), math.Abs(a.Value))
}

// nearValue reports whether q is the claimed value want, within the
// tolerance, measuring the same thing (a bare number takes the other's
// unit).
func nearValue(want, q Quantity) bool {
	want, q = Align(want, q)
	return looseSame(want, q) && near(q.Value, want.Value)
}

// near reports whether got is want within ClaimTolerance of want.
func near(got, want float64) bool {
	if want == 0 {
		return got == 0
	}
	return math.Abs(got-want) <= ClaimTolerance*math.Abs(want)+1e-9
}
