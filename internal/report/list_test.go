package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"text/tabwriter"

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
