package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/prfaq/git-prfaq/internal/report"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/prfaq"
)

var listHelp = helpText{
	name:     "list",
	synopsis: "list [--status S] [--owner O] [--format text|json] [--today YYYY-MM-DD] [--no-cache]",
	about: `List every PRFAQ document in the work tree (tracked, or untracked and not
ignored): its status, owner, number of metrics, and whether it passes the
check. For a launched PRFAQ, how many metrics were met. Under the list,
each metric with an Actual (or a Current column beside its Baseline) that
reads as a quantity of its Target's kind: its baseline and target, the
value now, and how far it has come ("60% of the way, 2 days to go", "met",
"past target", "moved away"); --format json gives it as each PRFAQ's
"progress".

--status keeps the PRFAQs with one of the statuses given (draft, review,
approved, launched, cancelled); --owner those whose owner contains one of
the texts given. Both ignore case, may be repeated or given a
comma-separated list, and together keep what matches both. A document that
cannot be read has no status or owner, so a filter leaves it out.

--no-cache: do not read or write the result cache (README: Performance;
also GIT_PRFAQ_NO_CACHE=1).`,
}

func runList(e *env, args []string) (int, error) {
	var format, todayFlag string
	var noCache bool
	var statuses, owners []string
	fs := newFlags(listHelp, e.stdout)
	fs.StringArrayVar(&statuses, "status", nil, "only PRFAQs with this status (repeatable, or comma-separated)")
	fs.StringArrayVar(&owners, "owner", nil, "only PRFAQs whose owner contains this text, any case (repeatable, or comma-separated)")
	fs.StringVar(&format, "format", "text", "output format: text or json")
	fs.StringVar(&todayFlag, "today", "", "date for deadline rules, YYYY-MM-DD (default: $GIT_PRFAQ_TODAY, else today in UTC)")
	fs.BoolVar(&noCache, "no-cache", false, "do not read or write the result cache")
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
	filter, err := newListFilter(statuses, owners)
	if err != nil {
		return exitUsage, err
	}
	today, err := parseToday(todayFlag)
	if err != nil {
		return exitUsage, err
	}
	w, err := openWorkspace(e, false)
	if err != nil {
		return exitUsage, err
	}
	defer boundScanMemory()()
	opts := w.scanOptions(noCache, true)
	opts.CountsOnly = true
	results, _, err := scan.CheckWorkTree(e.ctx, w.repo, w.cfg, today, opts)
	if err != nil {
		return exitUsage, err
	}
	saveCache(opts)
	all := report.ListEntries(results)
	entries := filter.keep(all)
	if format == "json" {
		return exitOK, report.ListJSON(e.stdout, entries)
	}
	if len(entries) == 0 && len(all) > 0 {
		_, err := fmt.Fprintf(e.stdout, "no PRFAQ documents match the filters (%d in all)\n", len(all))
		return exitOK, err
	}
	return exitOK, report.ListText(e.stdout, entries)
}

// listFilter is list's --status and --owner: lowercased statuses, and
// lowercased texts an owner must contain. An empty list keeps everything.
type listFilter struct {
	statuses []string
	owners   []string
}

// newListFilter splits each flag value at commas. An empty value (an
// unset variable), one that starts with "-" (a missing value that took
// the next option) or an unknown status is a usage error: a typo must not
// quietly list nothing.
func newListFilter(statuses, owners []string) (listFilter, error) {
	var f listFilter
	var err error
	if f.statuses, err = splitValues("status", statuses, "a status, e.g. --status review"); err != nil {
		return f, err
	}
	for _, s := range f.statuses {
		if !prfaq.Status(s).Valid() {
			var known []string
			for _, k := range prfaq.Statuses() {
				known = append(known, string(k))
			}
			return f, fmt.Errorf("--status %q: unknown status; want one of %s", s, strings.Join(known, ", "))
		}
	}
	if f.owners, err = splitValues("owner", owners, `part of an owner, e.g. --owner "Jane Roe"`); err != nil {
		return f, err
	}
	return f, nil
}

func splitValues(flag string, values []string, example string) ([]string, error) {
	var out []string
	for _, v := range values {
		if strings.HasPrefix(v, "-") {
			return nil, fmt.Errorf("--%s %q starts with \"-\": give %s (did a missing value take the next option?)", flag, v, example)
		}
		for part := range strings.SplitSeq(v, ",") {
			part = strings.ToLower(strings.TrimSpace(part))
			if part == "" {
				return nil, errors.New("--" + flag + " has an empty value: give " + example + " (is the variable that should hold it unset?)")
			}
			out = append(out, part)
		}
	}
	return out, nil
}

// keep returns the entries that match every filter given.
func (f listFilter) keep(entries []report.ListEntry) []report.ListEntry {
	if len(f.statuses) == 0 && len(f.owners) == 0 {
		return entries
	}
	out := []report.ListEntry{} // JSON: [], not null
	for _, en := range entries {
		if en.Error != "" {
			continue
		}
		if len(f.statuses) > 0 && !slices.Contains(f.statuses, strings.ToLower(strings.TrimSpace(en.Status))) {
			continue
		}
		owner := strings.ToLower(en.Owner)
		if len(f.owners) > 0 && !slices.ContainsFunc(f.owners, func(o string) bool { return strings.Contains(owner, o) }) {
			continue
		}
		out = append(out, en)
	}
	return out
}
