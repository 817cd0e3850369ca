package report

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

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
	en.Errors, en.Warnings = rule.Count(r.Findings)
	en.Pass = en.Errors == 0
	en.Metrics, en.Met, en.Missed = len(s.Metrics), s.Met, s.Missed
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
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tSTATUS\tOWNER\tMETRICS\tCHECK")
	for _, en := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", textLine(en.File), orDash(textLine(en.Status)), orDash(textLine(en.Owner)),
			metricsCell(en), textLine(checkCell(en)))
	}
	return tw.Flush()
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
