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
//	top 3  #1  No. 1  2nd place    a place in a ranking (Rank, Value 3)
//	top 10%                        a share of a ranking (Rank, Unit "%")
//	Zero critical bugs  ten users  small numbers spelled out, zero to twelve
//
// Decisions, for cases the format leaves open:
//
//   - Percentage points ("3pp", "3 p.p.", "3 percentage points") are Percent
//     with Unit "pp": they compare with each other but not with plain
//     percentages, because a change in points is not a level.
//   - A bound in front of the number (~, ≈, <, >, ≤, ≥, <=, >=, "at least",
//     "at most", "up to", "within", "max", "min", "more than", "less than",
//     "under", "below", "over", "about", "approximately" …), a "+" after it
//     ("10k+", "99%+") or words after the unit ("or more", "or fewer",
//     "or less", "and above", "max", "at most" …: "5 tickets or fewer") is
//     kept in Quantity.Bound as one of "~", "<", "<=", ">", ">=". It does
//     not change Value, Comparable or Compare: "≥ 99.9%" is Percent 99.9.
//   - Words after a percentage, amount of money, duration, multiplier,
//     ratio or rank ("12% of users", "$1.2M ARR", "250 ms p99", "2x
//     faster", "#1 in the App Store") are kept, lower-cased, in
//     Quantity.Qualifier. Two quantities are comparable only when their
//     qualifiers match too, just as "40 tickets" and "30 users" are not
//     comparable: "$1.2M ARR" and "$800k" are not, "$800k ARR" is.
//   - A statistic in the qualifier is read as one: p95, p99.9, "95th
//     percentile", "at p95", median (p50), mean, average. It may also come
//     first ("p95 < 200 ms", "median: 3 days"). A value that names none is
//     an average, so "400 ms" compares with "350 ms mean" but not with
//     "200 ms p95"; Mismatch says so and asks for the same statistic.
//   - A rank ("top 3", "#1", "No. 1", "rank 2", "1st", "3rd place") is a
//     kind of its own, where lower is better (Kind.LowerIsBetter); "top 3"
//     has the bound "<=". "top 10%" is a share of the ranking, Unit "%",
//     comparable only with other shares.
//   - A bare number next to a quantity with a unit means that unit: Align
//     reads Target "0" against Baseline "9 issues" as 0 issues, and "250"
//     against "400 ms p95" as 250 ms p95.
//   - Free-text units and qualifiers match ignoring case, spacing, singular
//     versus plural ("1 ticket", "40 tickets") and "/" versus "per"
//     ("calls/week", "calls per week").
//   - A single-letter scale must touch the number ("3M", "500K users"),
//     because "2 B" may be bytes and "5 m" metres; after a currency it may
//     be spaced ("$1.2 M") and a lower-case m means million ("$1.2m").
//     Elsewhere "m" is not a unit of time: write "min" for minutes.
//   - Thousands separators are commas between groups of exactly three digits
//     ("1,200"), or a space, a no-break space or a thin space before exactly
//     three digits ("1 200"), which is how "1 200" differs from "40
//     tickets". German decimal commas and dot thousands are read only where
//     no English reading exists: see Other languages.
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
// two-digit months and days. Months may be named, in full or abbreviated
// ("Dec 2027", "December 2027", "Dec. 31, 2027", "31 December 2027"). A
// period counts as its last day when compared. Years are limited to
// 1900–2999 to catch typos, and fiscal years ("FY27") are rejected because
// their calendar differs between companies.
//
// A period may be opened by "by", "in", "until" or "due", and by a
// modifier:
//
//	end of 2027, the end of Q3 2027, year-end 2027, EOY 2027   the period itself
//	early 2027, mid-2027, late 2027                            Q1, H1 (ending halfway), Q4
//	early H2 2027, late H2 2027                                Q3, Q4 (mid is Q3)
//	early Q3 2027, mid-Q3 2027, late Q3 2027                   July, August, September
//	early Dec 2027, mid-December 2027, late Dec 2027           the 10th, the 15th, the 31st
//
// A deadline relative to a launch or numbered in weeks ("30 days after
// launch", "Week 4") is rejected with a message asking for the calendar
// date.
//
// # Other languages
//
// Metrics written in German, Japanese and Korean are read like English
// ones, from the same tables:
//
//	6 Tage  1 Tag  30 Sek.  3 Std.  2 Wochen  3 Monate  1 Jahr    German durations
//	12,5 %  12 Prozent  3 Prozentpunkte  1,5 Mio. €  1.200 €      German numbers and money
//	mindestens  höchstens  unter  über  bis zu  oder weniger      German bounds
//	6日  3時間  30分  2週間  3ヶ月  1年  6일  3시간  2주  3개월      durations touching the number
//	100件  500人  100건  500명                                 counters, which are units
//	１２％  1万  3億円  1만 명                                    full-width digits, 万 and 億, 円 and 원
//	100件以上  3日以下  10%未満  30分以内  100건 이상  10% 미만     bounds after the unit
//	約10%  最大3日  최대 3일  〜3日 (up to 3 days)                bounds before the number
//
// and their By dates:
//
//	Dez. 2027, 30. Juni 2027, 30.06.2027, Ende 2027, Mitte Dezember 2027, bis Ende 2027
//	2027年6月, 2027年6月30日, 2027年Q3, 2027年第3四半期, 2027年上半期, 2027年末, 2027年6月下旬, 2027年6月まで
//	2027년 6월, 2027년 6월 30일, 2027년 3분기, 2027년 하반기, 2027년 말, 2027. 6. 30.
//
// Decisions:
//
//   - English and German write 1,200.5 and 1.200,5. A comma before exactly
//     three digits separates thousands, as in English, except after a lone
//     0 ("0,125" is a decimal); a comma before any other number of digits
//     is a decimal comma ("1,5", "12,25"). Dots before three digits
//     separate thousands where English cannot be meant: when there are
//     several ("1.200.000") or a decimal comma follows ("1.200,50 €"). A
//     single one ("1.200") is read as thousands in a German cell, one with
//     a word from germanWords ("mindestens 1.200 Nutzer", "1.500 Anfragen
//     pro Tag"), and before euros written after the number ("1.200 €"); as
//     a decimal point where English writes three decimals (99.999%, 1.500
//     ms, $1.125, a multiplier or a ratio); and it is refused where nothing
//     says which is meant: a bare number, a count, euros written first or
//     another currency written after the number ("1.200", "1.200 Nutzer",
//     "€1.200", "1.200 USD"). So no English number is read the German way,
//     and the cost is that a German "1.500 ms" is 1.5 ms: write "1500 ms".
//   - A German noun that is an English word in lower case is a unit only
//     as German writes it: "1 Tag" is a day and "1 tag" a tag, "3 Std." is
//     hours and "3 std" a free-text unit.
//   - Japanese and Korean units may touch the number and the bound after
//     them ("6日以上"). A duration unit is read only where a bound or
//     something other than a letter follows it, so "3日目" (the third day)
//     and "3분기" (a quarter) are free-text units. "3月" is March, not
//     three months: months are ヶ月, か月, カ月 and 개월.
//   - Counters (件, 人, 건, 명) are free-text units: the same counter
//     compares, and 件 does not compare with 건.
//   - "〜3日" is "up to 3 days", as Japanese means it, not "about".
//   - Full-width digits and signs are read as ASCII, in quantities and
//     dates; Text keeps them as written.
//   - Dates written with dots put the day first when the year is last
//     (German "30.06.2027") and last when it is first (Korean "2027. 6.
//     30."); American "06/30/2027" is still refused.
//   - Japanese and Korean fiscal years ("2027年度", "2027年度末",
//     "2027년도") are refused like "FY27", because companies start them in
//     different months. 年末, 年内 and 말 are the end of the period;
//     上旬, 中旬 and 下旬 (초, 중순, 하순) are early, mid and late; 上半期
//     and 下半期 (상반기, 하반기) are H1 and H2 of the calendar year.
//   - Deadlines relative to a launch are refused in these languages too:
//     "30 Tage nach Launch", "ローンチ後30日", "출시 후 3개월", "KW 27".
//
// # Text
//
// Find reads the first quantity in a sentence, such as a bullet of a
// metrics list, and writes it as a table cell: "100+ GitHub stars" is
// "100 stars".
//
// Claims reads the changes a press release claims ("50% improvement in
// conversion", "cut close from 6 days to 1", "2x faster") with the
// readers above, never a number without a word of change next to it, and
// Claim.BackedBy says whether a metric's Baseline → Target shows the claim,
// within ClaimTolerance (docs/rules.md#claim-unbacked). Format writes a
// normalised value back in a quantity's unit ("2 days").
package quantity
