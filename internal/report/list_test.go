package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// TestListText: one row per PRFAQ, document text escaped and on one line.
func TestListText(t *testing.T) {
	var b bytes.Buffer
	err := ListText(&b, []ListEntry{
		{File: "a/PRFAQ.md", Status: "launched", Owner: "Jane\x1b[8m", Metrics: 2, Met: 1, Missed: 1, Pass: true, Warnings: 1},
		{File: "b/PRFAQ.md", Owner: "two\nlines", Errors: 2},
		{File: "c/PRFAQ.md", Error: "bad \x07 front matter"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `FILE        STATUS    OWNER        METRICS              CHECK
a/PRFAQ.md  launched  Jane\x1b[8m  2 (met 1, missed 1)  pass (1 warnings)
b/PRFAQ.md  -         two lines    0                    fail (2 errors)
c/PRFAQ.md  -         -            0                    unreadable: bad \x07 front matter
`
	if b.String() != want {
		t.Errorf("list text:\n%s\nwant\n%s", b.String(), want)
	}
}

// TestFindingsTextEscaped: the findings' text output shows a document's
// control characters escaped too, and stays one line per finding.
func TestFindingsTextEscaped(t *testing.T) {
	fs := []rule.Finding{{Rule: "placeholder", Severity: rule.Error, File: "a/\x1b[2JPRFAQ.md", Line: 3, Column: 1,
		Message: "template text left in: \"TBD\u009b31m\x07\nmore\""}}
	var b bytes.Buffer
	if err := Text(&b, fs, Summarize(1, fs), Style{}); err != nil {
		t.Fatal(err)
	}
	want := "a/\\x1b[2JPRFAQ.md:3:1: error: template text left in: \"TBD\\u009b31m\\x07 more\" [placeholder]\n" +
		"FAIL: 1 PRFAQ checked, 1 error, 0 warnings\n"
	if b.String() != want {
		t.Errorf("text:\n%q\nwant\n%q", b.String(), want)
	}
}

// TestTableAlignsAsTabwriter: list's tables are aligned exactly as
// text/tabwriter (minwidth 0, padding 2, spaces) aligned them before:
// widths in runes, empty cells, the last column unpadded.
func TestTableAlignsAsTabwriter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		rows [][]string
	}{
		{"header only", [][]string{{"FILE", "STATUS", "CHECK"}}},
		{"ascii", [][]string{{"FILE", "STATUS", "CHECK"}, {"a/PRFAQ.md", "draft", "pass"}, {"long/dir/PRFAQ.md", "-", "fail (2 errors)"}}},
		{"runes", [][]string{{"FILE", "BASELINE → TARGET", "NOW"}, {"é/PRFAQ.md", "5 → 10", "7"}, {"日本/PRFAQ.md", "€1 → €2", ""}}},
		{"empty cells", [][]string{{"A", "", "C"}, {"", "", ""}, {"x", "yy", "zzz"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var want bytes.Buffer
			tw := tabwriter.NewWriter(&want, 0, 4, 2, ' ', 0)
			for _, r := range tt.rows {
				fmt.Fprintln(tw, strings.Join(r, "\t"))
			}
			if err := tw.Flush(); err != nil {
				t.Fatal(err)
			}
			tb := newTable(tt.rows[0]...)
			for _, r := range tt.rows[1:] {
				tb.row(r...)
			}
			var got bytes.Buffer
			if err := tb.write(&got); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("table:\n%q\nwant (tabwriter)\n%q", got.String(), want.String())
			}
		})
	}
}

// referenceListText is list's text output as text/tabwriter and fmt wrote
// it before the table was written by hand: the output must not change by
// one byte.
func referenceListText(entries []ListEntry) string {
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tSTATUS\tOWNER\tMETRICS\tCHECK")
	for _, en := range entries {
		metrics := fmt.Sprint(en.Metrics)
		if prfaq.Status(en.Status).Normal() == prfaq.Launched && en.Metrics > 0 {
			metrics = fmt.Sprintf("%d (met %d, missed %d)", en.Metrics, en.Met, en.Missed)
		}
		check := "pass"
		switch {
		case en.Error != "":
			check = "unreadable: " + en.Error
		case !en.Pass:
			check = fmt.Sprintf("fail (%d errors)", en.Errors)
		case en.Warnings > 0:
			check = fmt.Sprintf("pass (%d warnings)", en.Warnings)
		}
		fmt.Fprintln(tw, strings.Join([]string{textLine(en.File), orDash(textLine(en.Status)), orDash(textLine(en.Owner)), metrics, textLine(check)}, "\t"))
	}
	tw.Flush()
	var rows []string
	for _, en := range entries {
		for _, p := range en.Progress {
			words := fmt.Sprintf("%s, %s to go", p.State, p.Remaining)
			switch p.State {
			case "met", "past target":
				words = p.State
			case "on the way":
				pct := math.Round(p.Fraction * 100)
				if pct >= 100 && p.Fraction < 1 {
					pct = 99
				}
				words = fmt.Sprintf("%s of the way, %s to go", fmt.Sprintf("%.0f%%", pct), p.Remaining)
			}
			rows = append(rows, strings.Join([]string{textLine(en.File), textLine(p.Metric), textLine(p.Baseline) + " → " + textLine(p.Target),
				textLine(p.Current), textLine(words)}, "\t"))
		}
	}
	if len(rows) > 0 {
		b.WriteString("\n")
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "FILE\tMETRIC\tBASELINE → TARGET\tNOW\tPROGRESS")
		for _, r := range rows {
			fmt.Fprintln(tw, r)
		}
		tw.Flush()
	}
	return b.String()
}

// TestListTextAsBefore: list's tables are byte for byte what tabwriter
// and fmt wrote, on 3,000 rows like mkrepo's and on rows that escape,
// hold tabs and newlines, are wider than the padding at hand, or are
// not ASCII.
func TestListTextAsBefore(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("deep/", 30) + "PRFAQ.md"
	odd := []ListEntry{
		{File: long, Status: "Launched ", Owner: "Zoë Ñandú\t<z@example.com>", Metrics: 12, Met: 10, Missed: 2, Pass: true},
		{File: "日本/PRFAQ.md", Status: "launched", Metrics: 0, Errors: 3},
		{File: "x/\x1b[2JPRFAQ.md", Owner: "two\r\n\tlines", Error: "x/PRFAQ.md:3: bad\tfront\nmatter \u009b"},
		{File: "e/PRFAQ.md", Error: "\nleading and trailing\t"},
		{File: "p/PRFAQ.md", Status: "review", Owner: "Ann", Metrics: 5, Pass: true, Warnings: 12, Progress: append([]check.Progress{
			{Metric: "Revenue €", Baseline: "€1\t000", Target: "€2 000", Current: "€1 500", Fraction: 0.5, Remaining: "€500", State: "on the way"},
			{Metric: "Wait", Baseline: "9 s", Target: "1 s", Current: "10 s", Fraction: -0.125, Remaining: "9 s\x07", State: "moved away"},
			{Metric: "Far", Baseline: "0", Target: "1", Current: "1e9", Fraction: math.Inf(1), State: "past target"},
			{Metric: "Odd", Baseline: "0", Target: "1", Current: "?", Fraction: math.NaN(), Remaining: "1", State: "on the way"},
			{Metric: "Back", Baseline: "0", Target: "1", Current: "0", Fraction: -0.004, Remaining: "1", State: "on the way"},
			{Metric: "Up", Fraction: math.Inf(1), Remaining: "1", State: "on the way"},
			{Metric: "Down", Fraction: math.Inf(-1), Remaining: "1", State: "on the way"},
			{Metric: "Big", Fraction: 1e25, Remaining: "1", State: "on the way"},
		}, progressSample...)},
	}
	for name, entries := range map[string][]ListEntry{
		"mkrepo-like": ListEntries(benchResults(3000)),
		"odd":         odd,
		"both":        append(ListEntries(benchResults(50)), odd...),
	} {
		var b bytes.Buffer
		if err := ListText(&b, entries); err != nil {
			t.Fatal(err)
		}
		if want := referenceListText(entries); b.String() != want {
			got, want := strings.Split(b.String(), "\n"), strings.Split(want, "\n")
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Fatalf("%s: line %d:\n got %q\nwant %q", name, i+1, got[i], want[i])
				}
			}
			t.Fatalf("%s: %d lines, want %d", name, len(got), len(want))
		}
	}
}

// TestListJSONAsBefore: list's JSON, written one entry at a time, is
// byte for byte what one json.Encoder wrote of the whole list.
func TestListJSONAsBefore(t *testing.T) {
	t.Parallel()
	odd := []ListEntry{
		{File: "a/<b>&PRFAQ.md", Headline: "Zoë \u2028 \x1b[2J \xff", Owner: "Ann <ann@example.com>", Status: "launched", Metrics: 3, Met: 1, Missed: 2, Pass: true},
		{File: "x/PRFAQ.md", Error: "x/PRFAQ.md:3: bad\tfront\nmatter"},
		{File: "p/PRFAQ.md", Progress: append([]check.Progress{{Metric: "m", Fraction: 1e-9}, {Metric: "n", Fraction: 123456789.125}}, progressSample...)},
	}
	for name, entries := range map[string][]ListEntry{
		"mkrepo-like": ListEntries(benchResults(2000)),
		"odd":         odd,
		"one":         odd[:1],
		"empty":       {},
		"nil":         nil,
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			PRFAQs []ListEntry `json:"prfaqs"`
		}{entries}); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := ListJSON(&got, entries); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: ListJSON differs from encoding the whole list:\n got %.400q\nwant %.400q", name, got.String(), want.String())
		}
	}
	// A fraction JSON cannot write fails the list before any output.
	bad := append(ListEntries(benchResults(2000)), ListEntry{File: "z/PRFAQ.md", Progress: []check.Progress{{Metric: "m", Fraction: math.NaN()}}})
	var got bytes.Buffer
	if err := ListJSON(&got, bad); err == nil || got.Len() != 0 {
		t.Errorf("a NaN fraction: %v, and %d bytes written; want an error and nothing", err, got.Len())
	}
}
