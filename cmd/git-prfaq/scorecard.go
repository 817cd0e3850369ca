package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/history"
	"github.com/prfaq/git-prfaq/internal/report"
	"github.com/prfaq/git-prfaq/internal/safefile"
	"github.com/prfaq/git-prfaq/internal/scorecard"
)

var scorecardHelp = helpText{
	name:     "scorecard",
	synopsis: "scorecard [PATH...] [--by owner|quarter|directory|status] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--format text|json|markdown|html] [--output FILE] [--today YYYY-MM-DD] [--no-cache]",
	about: `Did we deliver what we committed to, and when did the goalposts move? Over
the history of every PRFAQ (or those named: files or directories), first
parents as in log:

  initiatives proposed, approved, launched and cancelled, and the median
  days between those states (from the commits that changed status);
  metrics committed (those of approved and launched PRFAQs) and, of those
  due (By ended before today), how many were met, missed, or are overdue
  without an Actual;
  deadlines moved later after approval, and the median slip in days;
  targets weakened after approval, acknowledged and not, with the reasons.

--by groups the numbers by owner, quarter (the one the PRFAQ was proposed
in), directory or status. --since and --until count only events committed
in those days, and metrics due in them; --until also reads the history as
it stood then. --format html writes one self-contained page (no network,
no script) with a row per initiative and a chart of each metric's target
across commits; --output writes to a file instead of stdout. See
docs/scorecard.md for every rule. --no-cache: do not read or write the
result cache of versions' metrics tables (README: Performance; also
GIT_PRFAQ_NO_CACHE=1).

Exit status: 0 (the scorecard only reports), 2 usage, bad path,
configuration or repository error.`,
}

var (
	byOption     = valueFlag{"by", "owner, quarter, directory or status", "--by owner"}
	sinceOption  = valueFlag{"since", "a date as YYYY-MM-DD", "--since 2026-07-01"}
	untilOption  = valueFlag{"until", "a date as YYYY-MM-DD", "--until 2026-09-30"}
	outputOption = valueFlag{"output", "a file name", "--output scorecard.html"}
)

type scorecardFlags struct {
	by, since, until, format, output, today string
	noCache                                 bool
}

func runScorecard(e *env, args []string) (int, error) {
	paceHistory()
	var f scorecardFlags
	fs := newFlags(scorecardHelp, e.stdout)
	fs.StringVar(&f.by, "by", "", "group by owner, quarter, directory or status")
	fs.StringVar(&f.since, "since", "", "count events committed on or after this date, YYYY-MM-DD")
	fs.StringVar(&f.until, "until", "", "count events committed on or before this date, YYYY-MM-DD, and read the history as it stood then")
	fs.StringVar(&f.format, "format", "text", "output format: text, json, markdown or html")
	fs.StringVarP(&f.output, "output", "o", "", "write to this file instead of stdout")
	fs.BoolVar(&f.noCache, "no-cache", false, "do not read or write the result cache")
	fs.StringVar(&f.today, "today", "", "date for deadline rules, YYYY-MM-DD (default: $GIT_PRFAQ_TODAY, else today in UTC)")
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if err := checkValues(fs, byOption, sinceOption, untilOption, outputOption, todayOption); err != nil {
		return exitUsage, err
	}
	opts, err := scorecardOptions(f)
	if err != nil {
		return exitUsage, err
	}
	write, err := scorecardWriter(f.format)
	if err != nil {
		return exitUsage, err
	}
	if err := checkPaths(fs.Args()); err != nil {
		return exitUsage, err
	}
	w, err := openWorkspace(e, false)
	if err != nil {
		return exitUsage, err
	}
	var logOpts history.LogOptions
	if logOpts.Paths, err = rootPaths(w, fs.Args()); err != nil {
		return exitUsage, err
	}
	prog := startProgress(e.stderr)
	logOpts.Progress = prog.callback()
	logOpts.Cache = w.historyCache(w.cfg, f.noCache)
	ts, err := history.Timelines(e.ctx, w.repo, w.cfg, logOpts)
	prog.done()
	if err != nil {
		return exitUsage, err
	}
	_ = logOpts.Cache.Save() // never fails the run (a read-only git dir)
	opts.Policy = check.PolicyOf(w.cfg)
	sc := scorecard.Build(ts, opts)
	if f.output == "" {
		return exitOK, write(e.stdout, sc)
	}
	var buf bytes.Buffer
	if err := write(&buf, sc); err != nil {
		return exitUsage, err
	}
	return exitOK, writeOutput(w.cwd, f.output, buf.Bytes())
}

// scorecardOptions reads --by, --since, --until and --today.
func scorecardOptions(f scorecardFlags) (scorecard.Options, error) {
	var opts scorecard.Options
	var err error
	if opts.By, err = scorecard.ParseGrouping(f.by); err != nil {
		return opts, err
	}
	if opts.Since, err = flagDate("--since", f.since); err != nil {
		return opts, err
	}
	if opts.Until, err = flagDate("--until", f.until); err != nil {
		return opts, err
	}
	if !opts.Since.IsZero() && !opts.Until.IsZero() && opts.Until.Before(opts.Since) {
		return opts, fmt.Errorf("--until %s is before --since %s: give the earlier date to --since", f.until, f.since)
	}
	opts.Today, err = parseToday(f.today)
	return opts, err
}

func flagDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q: want a date as YYYY-MM-DD", name, s)
	}
	return t, nil
}

func scorecardWriter(format string) (func(w io.Writer, sc scorecard.Scorecard) error, error) {
	switch format {
	case "text":
		return func(w io.Writer, sc scorecard.Scorecard) error { return report.ScorecardText(w, sc) }, nil
	case "json":
		return func(w io.Writer, sc scorecard.Scorecard) error { return report.ScorecardJSON(w, sc) }, nil
	case "markdown":
		return func(w io.Writer, sc scorecard.Scorecard) error { return report.ScorecardMarkdown(w, sc) }, nil
	case "html":
		return func(w io.Writer, sc scorecard.Scorecard) error { return report.ScorecardHTML(w, sc) }, nil
	}
	return nil, fmt.Errorf("unknown --format %q: use text, json, markdown or html", format)
}

// writeOutput writes --output (from the current directory) through a
// temporary file renamed into place, so that a failure leaves no half
// page; it refuses to write through a symbolic link or over anything but
// a regular file.
func writeOutput(cwd, name string, data []byte) error {
	full := name
	if !filepath.IsAbs(full) {
		full = filepath.Join(cwd, full)
	}
	err := safefile.Replace(full, data, 0o644)
	if errors.Is(err, safefile.ErrNotRegular) {
		return fmt.Errorf("--output %s: not a regular file (a symbolic link, a directory or a device): remove it or name another", name)
	}
	if err != nil {
		return fmt.Errorf("--output %s: %w", name, err)
	}
	return nil
}
