package main

import (
	"encoding/json"
	"fmt"
	"github.com/prfaq/git-prfaq/rule"
	"text/tabwriter"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/prfaq"
)

var listHelp = helpText{
	name:     "list",
	synopsis: "list [--format text|json] [--today YYYY-MM-DD]",
	about: `List every PRFAQ document in the work tree (tracked, or untracked and not
ignored): its status, owner, number of metrics, and whether it passes the
check. For a launched PRFAQ, how many metrics were met.`,
}

// listEntry is one row of `list`; the JSON keys are part of the CLI.
type listEntry struct {
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

func runList(e *env, args []string) (int, error) {
	var format, todayFlag string
	fs := newFlags(listHelp, e.stdout)
	fs.StringVar(&format, "format", "text", "output format: text or json")
	fs.StringVar(&todayFlag, "today", "", "date for deadline rules, YYYY-MM-DD (default: $GIT_PRFAQ_TODAY, else today in UTC)")
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if format != "text" && format != "json" {
		return exitUsage, fmt.Errorf("unknown --format %q: use text or json", format)
	}
	if fs.NArg() > 0 {
		return exitUsage, fmt.Errorf("unexpected argument %q: list takes no paths", fs.Arg(0))
	}
	today, err := parseToday(todayFlag)
	if err != nil {
		return exitUsage, err
	}
	w, err := openWorkspace(e, false)
	if err != nil {
		return exitUsage, err
	}
	files, err := scan.WorkTree(e.ctx, w.repo, w.cfg)
	if err != nil {
		return exitUsage, err
	}
	results, _ := scan.Check(files, w.cfg, today)
	entries := make([]listEntry, len(results))
	for i, r := range results {
		entries[i] = entryOf(r, w.cfg)
	}
	if format == "json" {
		return exitOK, writeListJSON(e, entries)
	}
	return exitOK, writeListText(e, entries)
}

func entryOf(r scan.Result, cfg *config.Config) listEntry {
	en := listEntry{File: r.Path}
	if r.Err != nil {
		en.Error = r.Err.Error()
		return en
	}
	d := r.Doc
	en.Status, en.Owner = string(d.FrontMatter.Status), d.FrontMatter.Owner
	if d.Headline != nil {
		en.Headline = d.Headline.Text
	}
	en.Errors, en.Warnings = rule.Count(r.Findings)
	en.Pass = en.Errors == 0
	for _, s := range d.Sections {
		if s.Kind() != prfaq.KindMetrics || s.Metrics == nil {
			continue
		}
		en.Metrics += len(s.Metrics.Metrics)
		for _, m := range s.Metrics.Metrics {
			switch check.Outcome(m, check.PolicyOf(cfg)) {
			case "met":
				en.Met++
			case "missed":
				en.Missed++
			}
		}
	}
	return en
}

func writeListJSON(e *env, entries []listEntry) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		PRFAQs []listEntry `json:"prfaqs"`
	}{entries})
}

func writeListText(e *env, entries []listEntry) error {
	if len(entries) == 0 {
		_, err := fmt.Fprintln(e.stdout, "no PRFAQ documents: git prfaq new <dir> scaffolds one")
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tSTATUS\tOWNER\tMETRICS\tCHECK")
	for _, en := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", en.File, orDash(en.Status), orDash(en.Owner), metricsCell(en), checkCell(en))
	}
	return tw.Flush()
}

func metricsCell(en listEntry) string {
	if prfaq.Status(en.Status).Normal() == prfaq.Launched && en.Metrics > 0 {
		return fmt.Sprintf("%d (met %d, missed %d)", en.Metrics, en.Met, en.Missed)
	}
	return fmt.Sprint(en.Metrics)
}

func checkCell(en listEntry) string {
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
