package main

import (
	"fmt"

	"github.com/prfaq/git-prfaq/internal/report"
	"github.com/prfaq/git-prfaq/internal/scan"
)

var listHelp = helpText{
	name:     "list",
	synopsis: "list [--format text|json] [--today YYYY-MM-DD]",
	about: `List every PRFAQ document in the work tree (tracked, or untracked and not
ignored): its status, owner, number of metrics, and whether it passes the
check. For a launched PRFAQ, how many metrics were met.`,
}

func runList(e *env, args []string) (int, error) {
	var format, todayFlag string
	fs := newFlags(listHelp, e.stdout)
	fs.StringVar(&format, "format", "text", "output format: text or json")
	fs.StringVar(&todayFlag, "today", "", "date for deadline rules, YYYY-MM-DD (default: $GIT_PRFAQ_TODAY, else today in UTC)")
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if err := checkValues(fs, todayOption); err != nil {
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
	entries := report.ListEntries(results, w.cfg)
	if format == "json" {
		return exitOK, report.ListJSON(e.stdout, entries)
	}
	return exitOK, report.ListText(e.stdout, entries)
}
