package quantity

import (
	"math"
	"strconv"
	"strings"
)

// FormatNumber writes v with at most four significant digits and no
// trailing zeros: 0.5, 2, 1.333, 1200.
func FormatNumber(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	mag := math.Pow(10, math.Floor(math.Log10(math.Abs(v)))-3)
	r := math.Round(v/mag) * mag
	out := strconv.FormatFloat(r, 'f', max(0, -int(math.Floor(math.Log10(mag)+0.5))), 64)
	if strings.Contains(out, ".") {
		out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	}
	return out
}

// Format writes value, normalised as Quantity.Value holds it, in the unit
// of like: "2 days" for 172800 seconds like "6 days", "5%" like "10%",
// "5pp", "1200 USD", "40 tickets", "2x", "0.9/5"… A duration is written in
// the largest unit of days, hours, minutes and seconds in which it is at
// least one, so a remaining distance reads as a person would say it.
func Format(value float64, like Quantity) string {
	switch like.Kind {
	case Duration:
		for _, u := range []struct {
			one, many string
			secs      float64
		}{{"day", "days", 86400}, {"hour", "hours", 3600}, {"min", "min", 60}, {"s", "s", 1}} {
			if math.Abs(value) >= u.secs || u.secs == 1 {
				n := FormatNumber(value / u.secs)
				if n == "1" || n == "-1" {
					return n + " " + u.one
				}
				return n + " " + u.many
			}
		}
	case Percent:
		if like.Unit == "pp" {
			return FormatNumber(value) + "pp"
		}
		return FormatNumber(value) + "%"
	case Currency:
		return FormatNumber(value) + " " + like.Unit
	case Multiplier:
		return FormatNumber(value) + "x"
	case Ratio:
		if den, err := strconv.ParseFloat(like.Unit, 64); err == nil {
			return FormatNumber(value*den) + "/" + like.Unit
		}
	case Unit:
		return strings.TrimSpace(FormatNumber(value) + " " + like.Unit)
	case Rank:
		return "#" + FormatNumber(value)
	}
	return FormatNumber(value)
}
