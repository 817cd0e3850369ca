package quantity

import (
	"math"
	"strconv"
)

// AxisUnit names the y axis of a chart of values comparable with q, and
// the divisor that turns a normalised Value into that unit. Durations are
// seconds inside a Quantity; a chart of "3 days" in seconds would be
// unreadable, so the largest unit in which q is at least one is used.
// Ratios are divided out (4.5/5 is 0.9) and plotted as written.
func AxisUnit(q Quantity) (string, float64) {
	switch q.Kind {
	case Duration:
		for _, u := range []struct {
			name string
			secs float64
		}{{"days", 86400}, {"hours", 3600}, {"minutes", 60}, {"seconds", 1}} {
			if math.Abs(q.Value) >= u.secs {
				return u.name, u.secs
			}
		}
		return "seconds", 1
	case Percent:
		if q.Unit == "pp" {
			return "percentage points", 1
		}
		return "%", 1
	case Currency, Unit:
		return q.Unit, 1
	case Multiplier:
		return "×", 1
	case Ratio:
		if den, err := strconv.ParseFloat(q.Unit, 64); err == nil && den != 0 {
			return "out of " + q.Unit, 1 / den
		}
	}
	return "", 1
}
