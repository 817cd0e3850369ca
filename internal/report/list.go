package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// This file writes what `git prfaq list` prints: one row per PRFAQ in the
// work tree.

// ListEntry is one row of `list`; the JSON keys are part of the CLI.
type ListEntry struct {
	File     string `json:"file"`
	Headline string `json:"headline"`
	Status   string `json:"status"`
	Owner    string `json:"owner"`
	Metrics  int    `json:"metrics"`
	Met      int    `json:"met"`
	Missed   int    `json:"missed"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Pass     bool   `json:"pass"`
	Error    string `json:"error,omitempty"`

	// Progress is where each metric with an Actual or Current value
	// stands between its baseline and target (check.MetricProgress).
	Progress []check.Progress `json:"progress,omitempty"`
}

// ListEntries makes a row of each checked document: its status, owner,
// metrics (and for a launched PRFAQ how many were met or missed) and
// whether it passed; an unreadable one says why.
func ListEntries(results []scan.Result) []ListEntry {
	entries := make([]ListEntry, len(results))
	for i, r := range results {
		entries[i] = listEntryOf(r)
	}
	return entries
}

func listEntryOf(r scan.Result) ListEntry {
	en := ListEntry{File: r.Path}
	if r.Err != nil || r.Summary == nil {
		if r.Err != nil {
			en.Error = r.Err.Error()
		}
		return en
	}
	s := r.Summary
	en.Status, en.Owner, en.Headline = s.Status, s.Owner, s.Headline
	en.Progress = s.Progress
	en.Errors, en.Warnings = rule.Count(r.Findings)
	en.Pass = en.Errors == 0
	en.Metrics, en.Met, en.Missed = s.MetricCount, s.Met, s.Missed
	return en
}

// ListJSON writes {"prfaqs": [...]}.
func ListJSON(w io.Writer, entries []ListEntry) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		PRFAQs []ListEntry `json:"prfaqs"`
	}{entries})
}

// ListText writes a table of the entries, or says how to start one when
// there are none.
func ListText(w io.Writer, entries []ListEntry) error {
	if len(entries) == 0 {
		_, err := fmt.Fprintln(w, "no PRFAQ documents: git prfaq new <dir> scaffolds one")
		return err
	}
	// One write per row to an unbuffered stdout would be 10,000 write
	// calls at 10,000 PRFAQs.
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := listTable(bw, entries); err != nil {
		return err
	}
	return bw.Flush()
}

func listTable(w io.Writer, entries []ListEntry) error {
	t := newTable("FILE", "STATUS", "OWNER", "METRICS", "CHECK")
	for _, en := range entries {
		t.row(textLine(en.File), orDash(textLine(en.Status)), orDash(textLine(en.Owner)),
			metricsCell(en), textLine(checkCell(en)))
	}
	if err := t.write(w); err != nil {
		return err
	}
	return progressText(w, entries)
}

// progressText writes, under the list, one line per metric with a current
// value: where it stands between baseline and target and what is left.
func progressText(w io.Writer, entries []ListEntry) error {
	if !slices.ContainsFunc(entries, func(en ListEntry) bool { return len(en.Progress) > 0 }) {
		return nil
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return err
	}
	t := newTable("FILE", "METRIC", "BASELINE → TARGET", "NOW", "PROGRESS")
	for _, en := range entries {
		file := textLine(en.File)
		for _, p := range en.Progress {
			t.row(file, textLine(p.Metric), textLine(p.Baseline)+" → "+textLine(p.Target),
				textLine(p.Current), textLine(ProgressWords(p)))
		}
	}
	return t.write(w)
}

// table is a text table whose columns are aligned as text/tabwriter
// aligns them (minwidth 0, padding 2, padded with spaces, widths counted
// in runes; the last column is not padded). list writes its tables so
// rather than through tabwriter, which at 10,000 PRFAQs took a tenth of
// a warm run (docs/performance.md). Cells must hold no tab or newline
// (textLine).
type table struct {
	cols  int
	cells []string // row by row
}

func newTable(header ...string) *table {
	return &table{cols: len(header), cells: append([]string(nil), header...)}
}

// row adds a row; it must have as many cells as the header.
func (t *table) row(cells ...string) { t.cells = append(t.cells, cells...) }

func (t *table) write(w io.Writer) error {
	widths := make([]int, t.cols)
	for i, c := range t.cells {
		widths[i%t.cols] = max(widths[i%t.cols], utf8.RuneCountInString(c)+2)
	}
	var line []byte
	for r := 0; r < len(t.cells); r += t.cols {
		line = line[:0]
		for j, c := range t.cells[r : r+t.cols] {
			line = append(line, c...)
			if j < t.cols-1 {
				for range widths[j] - utf8.RuneCountInString(c) {
					line = append(line, ' ')
				}
			}
		}
		line = append(line, '\n')
		if _, err := w.Write(line); err != nil {
			return err
		}
	}
	return nil
}

// ProgressWords says where a metric stands in a few words: "60% of the
// way, 2 days to go", "met", "past target", "moved away, 7% to go".
func ProgressWords(p check.Progress) string {
	switch p.State {
	case "met", "past target":
		return p.State
	case "on the way":
		return fmt.Sprintf("%s of the way, %s to go", percentOf(p.Fraction), p.Remaining)
	}
	return fmt.Sprintf("%s, %s to go", p.State, p.Remaining)
}

// percentOf writes a fraction as a whole percentage, never rounding a
// metric short of its target up to 100%.
func percentOf(f float64) string {
	pct := math.Round(f * 100)
	if pct >= 100 && f < 1 {
		pct = 99
	}
	return fmt.Sprintf("%.0f%%", pct)
}

func metricsCell(en ListEntry) string {
	if prfaq.Status(en.Status).Normal() == prfaq.Launched && en.Metrics > 0 {
		return fmt.Sprintf("%d (met %d, missed %d)", en.Metrics, en.Met, en.Missed)
	}
	return fmt.Sprint(en.Metrics)
}

func checkCell(en ListEntry) string {
	switch {
	case en.Error != "":
		return "unreadable: " + en.Error
	case !en.Pass:
		return fmt.Sprintf("fail (%d errors)", en.Errors)
	case en.Warnings > 0:
		return fmt.Sprintf("pass (%d warnings)", en.Warnings)
	}
	return "pass"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
