// Package quantity reads the values and deadlines of a PRFAQ's Success
// Metrics table: the Baseline, Target and Actual cells (Parse) and the By
// cell (ParseDate).
//
// A metric is measurable only when its Baseline and Target are quantities of
// the same kind, so the package is deliberately strict about what it accepts
// and says what it wanted when it rejects a cell. Everything here is pure: no
// package state changes, and its lookup tables are read-only.
//
// # Quantities
//
// Parse accepts one number, optionally decorated the way people write
// numbers in documents:
//
//	1,200  -3  +5  4.0  1 200      plain numbers (Number)
//	1.2k  3M  2B  $2bn  3 million  scaled numbers: k/K, M, B, bn and the words
//	12%  12 %  12 percent          percentages (Percent, Value 12)
//	3pp  3 percentage points       percentage points (Percent, Unit "pp")
//	$1.2M  €300k  USD 40  40 USD   money (Currency, Unit is the ISO code)
//	250 ms  10 days  1 h 30 min    durations (Duration, Value in seconds)
//	2x  1.5×  10X                  multipliers (Multiplier)
//	4.5/5  3 out of 10             ratios (Ratio, Unit is the denominator)
//	40 tickets  500K active users  a number and a free-text unit (Unit)
//
// Decisions, for cases the format leaves open:
//
//   - Percentage points ("3pp", "3 p.p.", "3 percentage points") are Percent
//     with Unit "pp": they compare with each other but not with plain
//     percentages, because a change in points is not a level.
//   - A bound in front of the number (~, ≈, <, >, ≤, ≥, <=, >=, "at least",
//     "at most", "up to", "more than", "less than", "under", "over",
//     "about", "approximately" …) or a "+" after it ("10k+", "99%+") is kept
//     in Quantity.Bound as one of "~", "<", "<=", ">", ">=". It does not
//     change Value, Comparable or Compare: "≥ 99.9%" is Percent 99.9.
//   - Words after a percentage, amount of money, duration, multiplier or
//     ratio ("12% of users", "$5 per seat", "250 ms p99", "2x faster") are
//     kept, lower-cased, in Quantity.Qualifier. Two quantities are comparable
//     only when their qualifiers match too, just as "40 tickets" and
//     "30 users" are not comparable.
//   - Free-text units and qualifiers match ignoring case, spacing, singular
//     versus plural ("1 ticket", "40 tickets") and "/" versus "per"
//     ("calls/week", "calls per week").
//   - A single-letter scale must touch the number ("3M", "500K users"),
//     because "2 B" may be bytes and "5 m" metres; after a currency it may
//     be spaced ("$1.2 M") and a lower-case m means million ("$1.2m").
//     Elsewhere "m" is not a unit of time: write "min" for minutes.
//   - Thousands separators are commas between groups of exactly three digits
//     ("1,200"; "12,5" is rejected rather than guessed at), or a space, a
//     no-break space or a thin space before exactly three digits ("1 200"),
//     which is how "1 200" differs from "40 tickets".
//   - Currency codes are recognised in upper case only ("40 USD"), so that
//     words such as "all" or "top" stay free-text units. "¥" is JPY; write
//     "CN¥" or "CNY" for yuan.
//   - Months are 30 days and years 365 days, for ordering only.
//   - Ranges ("10-20%", "10 to 20"), several numbers ("from 45 to 80"),
//     words ("TBD", "high") and dates ("2027-06-30") are rejected: a target
//     is one number. A bare year such as "2027" is the number 2027.
//   - Errors are *ParseError values whose message is only the reason and
//     what was wanted, without the input, because callers quote the cell.
//
// # Dates
//
// ParseDate accepts YYYY-MM-DD, YYYY-MM, YYYY-Qn, Qn YYYY, YYYY-Hn and YYYY,
// with q/h in either case, "Q3-2027" and "2027 Q3" as variants, and one- or
// two-digit months and days. A period counts as its last day when compared.
// Years are limited to 1900–2999 to catch typos, and fiscal years ("FY27")
// are rejected because their calendar differs between companies.
package quantity
