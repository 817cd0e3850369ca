package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/prfaq/git-prfaq/internal/scorecard"
)

// This file writes what `git prfaq scorecard` prints as text, JSON and
// Markdown (docs/scorecard.md); scorecard_html.go writes the HTML page.

// ScorecardJSON writes the scorecard with the keys docs/scorecard.md
// lists.
func ScorecardJSON(w io.Writer, sc scorecard.Scorecard) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sc)
}

// ScorecardText writes the totals, the groups, a row per initiative and
// the goalposts that moved.
func ScorecardText(w io.Writer, sc scorecard.Scorecard) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "PRFAQ scorecard: %s\n\n", scope(sc))
	for _, l := range summaryLines(sc.Total) {
		fmt.Fprintf(tw, "%s\t%s\n", l[0], l[1])
	}
	if len(sc.Groups) > 0 {
		fmt.Fprintf(tw, "\nBy %s\n", sc.By)
		fmt.Fprintln(tw, strings.ToUpper(sc.By)+"\tINITIATIVES\tPROPOSED\tAPPROVED\tLAUNCHED\tCANCELLED\tDUE\tMET\tMISSED\tOVERDUE\tSLIPS\tWEAKENED")
		for _, g := range sc.Groups {
			c := g.Counts
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", textLine(g.Key), c.Initiatives, c.Proposed, c.Approved,
				c.Launched, c.Cancelled, c.Due, c.Met, c.Missed, c.Overdue, c.Slips, weakenedCell(c))
		}
	}
	if len(sc.Initiatives) > 0 {
		fmt.Fprintln(tw, "\nInitiatives")
		fmt.Fprintln(tw, "FILE\tSTATUS\tOWNER\tPROPOSED\tAPPROVED\tLAUNCHED\tMETRICS\tSLIPS\tWEAKENED")
		for _, in := range sc.Initiatives {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n", textLine(in.File), orDash(textLine(statusCell(in))),
				orDash(textLine(in.Owner)), orDash(in.Proposed), orDash(in.Approved), orDash(in.Launched), outcomeCell(in), in.Slips, in.Weakened)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(sc.Slips) > 0 {
		fmt.Fprintln(w, "\nDeadlines moved later after approval")
		for _, s := range sc.Slips {
			fmt.Fprintf(w, "  %s  %s  %s: By %s → %s%s  %s\n", dayOf(s.Date), textLine(s.File), textLine(s.Metric),
				textLine(s.From), textLine(s.To), slipDays(s.Days), ackText(s.Acknowledged))
		}
	}
	if len(sc.Weakenings) > 0 {
		fmt.Fprintln(w, "\nTargets weakened after approval")
		for _, k := range sc.Weakenings {
			fmt.Fprintf(w, "  %s  %s  %s: %s → %s  %s\n", dayOf(k.Date), textLine(k.File), textLine(k.Metric),
				textLine(k.From), textLine(k.To), ackText(k.Acknowledged))
		}
	}
	return nil
}

// scope says what the scorecard covers.
func scope(sc scorecard.Scorecard) string {
	s := plural(sc.Total.Initiatives, "initiative")
	switch {
	case sc.Since != "" && sc.Until != "":
		s += ", events " + sc.Since + " to " + sc.Until
	case sc.Since != "":
		s += ", events since " + sc.Since
	case sc.Until != "":
		s += ", history until " + sc.Until
	}
	return s + ", today " + sc.Today
}

// summaryLines are the totals, label and text, as every format prints
// them.
func summaryLines(c scorecard.Counts) [][2]string {
	return [][2]string{
		{"Initiatives", fmt.Sprintf("%d proposed, %d approved, %d launched, %d cancelled", c.Proposed, c.Approved, c.Launched, c.Cancelled)},
		{"Median time", fmt.Sprintf("proposed → approved %s, approved → launched %s, proposed → cancelled %s",
			daysText(c.DaysToApprove), daysText(c.DaysToLaunch), daysText(c.DaysToCancel))},
		{"Metrics", fmt.Sprintf("%d committed; %d due: %d met, %d missed, %d overdue without an Actual%s",
			c.Committed, c.Due, c.Met, c.Missed, c.Overdue, unmeasuredText(c.Unmeasured))},
		{"Deadline slips", fmt.Sprintf("%d after approval, median %s later", c.Slips, daysText(c.MedianSlipDays))},
		{"Targets weakened", fmt.Sprintf("%d after approval: %d acknowledged, %d not", c.Weakened, c.Acknowledged, c.Unacknowledged)},
		{"Metrics removed", fmt.Sprintf("%d after approval", c.Removed)},
	}
}

func unmeasuredText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d with an Actual that cannot be compared", n)
}

func daysText(d *float64) string {
	if d == nil {
		return "-"
	}
	return pluralF(*d, "day")
}

// pluralF is plural for a median, which may be a half.
func pluralF(n float64, word string) string {
	s := strconv.FormatFloat(n, 'f', -1, 64)
	if n == 1 {
		return s + " " + word
	}
	return s + " " + word + "s"
}

func weakenedCell(c scorecard.Counts) string {
	if c.Unacknowledged == 0 {
		return strconv.Itoa(c.Weakened)
	}
	return fmt.Sprintf("%d (%d unacknowledged)", c.Weakened, c.Unacknowledged)
}

func statusCell(in scorecard.Initiative) string {
	if in.Deleted {
		return in.Status + " (deleted)"
	}
	return in.Status
}

// outcomeCell sums up an initiative's metrics: how many, and of those
// due, what became of them.
func outcomeCell(in scorecard.Initiative) string {
	s := strconv.Itoa(len(in.Metrics))
	if in.Due == 0 {
		return s
	}
	return fmt.Sprintf("%s (due %d: met %d, missed %d, overdue %d)", s, in.Due, in.Met, in.Missed, in.Overdue)
}

func slipDays(d *int) string {
	if d == nil {
		return ""
	}
	return fmt.Sprintf(" (+%d days)", *d)
}

func ackText(ack string) string {
	if ack == "" {
		return "not acknowledged"
	}
	return "acknowledged: " + textLine(ack)
}

// dayOf is the date part of an RFC 3339 time.
func dayOf(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// ScorecardMarkdown writes the scorecard as GitHub-flavoured Markdown,
// every document-derived text escaped for a table cell.
func ScorecardMarkdown(w io.Writer, sc scorecard.Scorecard) error {
	m := &mdWriter{}
	m.line("## PRFAQ scorecard")
	m.line("")
	m.line("%s", cell(scope(sc)))
	m.line("")
	m.line("| | |")
	m.line("|---|---|")
	for _, l := range summaryLines(sc.Total) {
		m.line("| **%s** | %s |", l[0], l[1])
	}
	if len(sc.Groups) > 0 {
		m.line("")
		m.line("### By %s", cell(sc.By))
		m.line("")
		m.line("| %s | initiatives | proposed | approved | launched | cancelled | due | met | missed | overdue | slips | weakened |", cell(sc.By))
		m.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
		for _, g := range sc.Groups {
			c := g.Counts
			m.line("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s |", cell(g.Key), c.Initiatives, c.Proposed, c.Approved,
				c.Launched, c.Cancelled, c.Due, c.Met, c.Missed, c.Overdue, c.Slips, weakenedCell(c))
		}
	}
	if len(sc.Initiatives) > 0 {
		m.line("")
		m.line("### Initiatives")
		m.line("")
		m.line("| file | status | owner | proposed | approved | launched | metrics | slips | weakened |")
		m.line("|---|---|---|---|---|---|---|---:|---:|")
		for _, in := range sc.Initiatives {
			m.line("| %s | %s | %s | %s | %s | %s | %s | %d | %d |", cell(in.File), cell(orDash(statusCell(in))), cell(orDash(in.Owner)),
				orDash(in.Proposed), orDash(in.Approved), orDash(in.Launched), outcomeCell(in), in.Slips, in.Weakened)
		}
	}
	if len(sc.Slips) > 0 {
		m.line("")
		m.line("### Deadlines moved later after approval")
		m.line("")
		m.line("| date | file | metric | by | acknowledged |")
		m.line("|---|---|---|---|---|")
		for _, s := range sc.Slips {
			m.line("| %s | %s | %s | %s → %s%s | %s |", cell(dayOf(s.Date)), cell(s.File), cell(s.Metric), cell(shown(s.From)), cell(shown(s.To)),
				slipDays(s.Days), cell(orDash(s.Acknowledged)))
		}
	}
	if len(sc.Weakenings) > 0 {
		m.line("")
		m.line("### Targets weakened after approval")
		m.line("")
		m.line("| date | file | metric | target | acknowledged |")
		m.line("|---|---|---|---|---|")
		for _, k := range sc.Weakenings {
			m.line("| %s | %s | %s | %s → %s | %s |", cell(dayOf(k.Date)), cell(k.File), cell(k.Metric), cell(shown(k.From)), cell(shown(k.To)),
				cell(orDash(k.Acknowledged)))
		}
	}
	_, err := io.WriteString(w, m.b.String())
	return err
}
