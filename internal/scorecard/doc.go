// Package scorecard turns the history of PRFAQs into the answer leadership
// asks for (README, "For leadership: the scorecard"; docs/scorecard.md):
// did we deliver what we committed to, and when did the goalposts move?
//
// It is pure: Build reads history.Timelines (each PRFAQ's versions, with
// the metric changes history.Log reports attached) and counts, per
// initiative and per group, the states reached, the metric outcomes, the
// deadline slips and the targets weakened. Nothing here reads git.
//
// Decisions, for cases the issue leaves open (docs/scorecard.md says the
// same for users):
//
//   - An initiative is one PRFAQ file, followed across renames. It is
//     proposed by the commit that added it, approved by the first commit
//     whose version says approved or launched (launching implies approval),
//     launched and cancelled by the first that says so.
//   - A change happened after approval when an earlier version was
//     approved or launched and the version it made is not a draft. A
//     PRFAQ taken back to draft, weakened and approved again is judged
//     against what was approved (history's rule), and counted once, when
//     it is approved again.
//   - Slips are weakened By changes after approval; their days are the
//     difference between the ends of the two periods. Targets weakened are
//     weakened Target changes after approval, acknowledged when history
//     found an acknowledgement (the commit's trailer or a later one's).
//   - Metrics committed are the rows of the newest version of every
//     initiative that is approved or launched (and not deleted). One is due when its By
//     period ended before today; met and missed are check.Outcome's answer;
//     overdue is due with no Actual, unmeasured due with an Actual that
//     cannot be compared with the Target.
//   - --since and --until count events (states reached, slips,
//     weakenings) by commit date, and due metrics by the end of their By
//     period; --until also cuts the history: versions committed after it
//     are not read.
//   - Quarter is the calendar quarter the initiative was proposed in;
//     directory is the directory of its newest path; owner and status are
//     its newest readable version's.
package scorecard
