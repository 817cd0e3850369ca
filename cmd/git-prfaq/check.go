package main

import (
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/report"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/rule"
)

var checkHelp = helpText{
	name:     "check",
	synopsis: "check [PATH...] [--staged] [--all] [--range A..B | --base REV] [--format text|json|github|sarif|markdown|rdjson] [--fail-on error|warning|never] [--baseline FILE] [--write-baseline FILE] [--today YYYY-MM-DD] [--no-cache]",
	about: `Check PRFAQ documents against the rules (see README: rule IDs).

With no PATH and no mode, checks the PRFAQ documents changed in the work
tree (modified, added or untracked). --staged reads the index (what git
commit would record), never the work tree. --all checks every PRFAQ
document at HEAD. A PATH may be a file (checked whatever its name) or a
directory (the PRFAQ documents under it).

--range A..B is the merge gate: every PRFAQ added or changed in the range
as it stands at B, every new initiative, and every weakened success
criterion between A and B, which needs a PRFAQ-Ack: <reason> trailer on a
commit in the range. A...B starts at the merge base of A and B, as git diff
does; --base REV is REV...HEAD, what a pull request into REV is checked for.

--format: text (default), json, github (GitHub Actions annotations; with
$GITHUB_STEP_SUMMARY set, the Markdown report is appended to it too),
sarif (SARIF 2.1.0 for code scanning), markdown (a pull-request report;
with --range/--base, a chart of each target that changed) or rdjson
(reviewdog's diagnostic format: reviewdog -f=rdjson reports it to GitLab,
Gerrit, Bitbucket and others).

--fail-on: which findings fail the check (exit 1): error (default),
warning (warnings too) or never (findings are reported, the exit status
is 0; a document that cannot be read is still 2). The hooks read
hooks.fail_on in .prfaq.toml instead.

--baseline FILE: report only findings the baseline of known findings
does not hold; those it holds are counted ("N in the baseline"), never
fail, and entries no longer found in the documents checked are counted as
stale. Without it, baseline.file in .prfaq.toml (as committed at the
base for --range/--base). --write-baseline FILE (with --all) records
today's findings there; metric-weakened and config-weakened never are.

--no-cache: check --all without reading or writing the result cache
(README: Performance; also GIT_PRFAQ_NO_CACHE=1). The cache keeps what
each PRFAQ's blob gave under this configuration and version; deadline
rules, which depend on today, run every time. git prfaq cache clear
deletes it.

Exit status: 0 nothing that fails (by default: nothing at error
severity), 1 findings that fail, 2 usage, configuration, unreadable file
or repository error.`,
}

type checkFlags struct {
	staged, all bool
	rangeSpec   string
	base        string
	ack         string
	format      string
	failOn      string
	today       string
	baseline    string
	write       string
	// policy is the configuration's measurability policy, which the
	// Markdown report's "Where the metrics stand" reads metrics with.
	policy  check.Policy
	noCache bool
}

func runCheck(e *env, args []string) (int, error) {
	var f checkFlags
	fs := newFlags(checkHelp, e.stdout)
	fs.BoolVar(&f.staged, "staged", false, "check the index (what git commit would record)")
	fs.BoolVar(&f.all, "all", false, "check every PRFAQ document at HEAD")
	fs.StringVar(&f.rangeSpec, "range", "", "check the commits in A..B (or A...B) as a merge gate")
	fs.StringVar(&f.base, "base", "", "check what a pull request into REV would be checked for (REV...HEAD)")
	fs.StringVar(&f.ack, "ack", "", "with --range/--base: acknowledge every weakening with this reason (e.g. a pull-request label)")
	fs.StringVar(&f.format, "format", "text", "output format: text, json, github, sarif, markdown or rdjson")
	fs.StringVar(&f.failOn, "fail-on", string(config.FailOnError), "which findings fail the check: error, warning or never")
	fs.StringVar(&f.baseline, "baseline", "", "report only findings not in this baseline file (default: baseline.file in .prfaq.toml)")
	fs.StringVar(&f.write, "write-baseline", "", "with --all: write today's findings to this baseline file")
	fs.StringVar(&f.today, "today", "", "date for deadline rules, YYYY-MM-DD (default: $GIT_PRFAQ_TODAY, else today in UTC)")
	fs.BoolVar(&f.noCache, "no-cache", false, "with --all: do not read or write the result cache")
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if err := checkValues(fs, rangeOption, baseOption, ackOption, failOnOption, todayOption, baselineOption, writeBaselineOption); err != nil {
		return exitUsage, err
	}
	if err := checkPaths(fs.Args()); err != nil {
		return exitUsage, err
	}
	if err := checkMode(f, fs.Args()); err != nil {
		return exitUsage, err
	}
	today, err := parseToday(f.today)
	if err != nil {
		return exitUsage, err
	}
	w, err := openWorkspace(e, len(fs.Args()) > 0)
	if err != nil {
		return exitUsage, err
	}
	f.policy = check.PolicyOf(w.cfg)
	if f.rangeSpec != "" || f.base != "" {
		return runRange(e, w, f, today)
	}
	if f.all {
		return checkAll(e, w, f, today)
	}
	files, err := collect(e, w, f, fs.Args())
	if err != nil {
		return exitUsage, err
	}
	results, findings := scan.Check(files, w.cfg, today)
	findings, bl, err := applyBaseline(e, w, f, results, findings)
	if err != nil {
		return exitUsage, err
	}
	return writeCheck(e, f, results, findings, bl, nil, nil)
}

// The flags of check whose values checkValues vets.
var (
	rangeOption         = valueFlag{"range", "the range", "--range origin/main..HEAD"}
	baseOption          = valueFlag{"base", "the base revision", "--base origin/main"}
	ackOption           = valueFlag{"ack", "the reason", `--ack "label prfaq-ack"`}
	failOnOption        = valueFlag{"fail-on", "error, warning or never", "--fail-on warning"}
	baselineOption      = valueFlag{"baseline", "the baseline file", "--baseline .prfaq-baseline.json"}
	writeBaselineOption = valueFlag{"write-baseline", "the baseline file", "--write-baseline .prfaq-baseline.json"}
)

func checkMode(f checkFlags, paths []string) error {
	modes := 0
	for _, on := range []bool{f.staged, f.all, f.rangeSpec != "", f.base != ""} {
		if on {
			modes++
		}
	}
	switch {
	case modes > 1:
		return fmt.Errorf("--staged, --all, --range and --base exclude each other: choose one")
	case f.ack != "" && f.rangeSpec == "" && f.base == "":
		return fmt.Errorf("--ack acknowledges weakenings in a range: use it with --range or --base")
	case modes > 0 && len(paths) > 0:
		return fmt.Errorf("give PATHs or a mode (--staged, --all, --range, --base), not both")
	case !slices.Contains(report.Formats(), f.format):
		return fmt.Errorf("unknown --format %q: use text, json, github, sarif, markdown or rdjson", f.format)
	case f.write != "" && !f.all:
		return fmt.Errorf("--write-baseline records every finding: use it with --all")
	case f.write != "" && f.baseline != "":
		return fmt.Errorf("--write-baseline and --baseline exclude each other: a baseline is written from every finding")
	case !config.FailOn(f.failOn).Valid():
		return fmt.Errorf("unknown --fail-on %q: use error, warning or never", f.failOn)
	}
	return nil
}

func collect(e *env, w *workspace, f checkFlags, paths []string) ([]scan.File, error) {
	switch {
	case len(paths) > 0:
		return scan.Paths(e.ctx, w.root, w.cwd, paths, w.cfg)
	case f.staged:
		return scan.Staged(e.ctx, w.repo, w.cfg)
	}
	return scan.Changed(e.ctx, w.repo, w.cfg)
}

// checkAll checks every PRFAQ at HEAD; before the first commit there is
// none.
func checkAll(e *env, w *workspace, f checkFlags, today time.Time) (int, error) {
	var results []scan.Result
	var findings []rule.Finding
	if w.repo.Head != "" {
		defer boundScanMemory()()
		opts := w.scanOptions(f.noCache, false)
		var err error
		if results, findings, err = scan.CheckAtRev(e.ctx, w.repo, w.cfg, "HEAD", today, opts); err != nil {
			return exitUsage, err
		}
		saveCache(opts)
	}
	findings, bl, err := applyBaseline(e, w, f, results, findings)
	if err != nil {
		return exitUsage, err
	}
	return writeCheck(e, f, results, findings, bl, nil, nil)
}

// writeCheck prints the report, then one line per unreadable file on
// stderr; an unreadable file fails the report's summary in every format
// and makes the exit status 2. Findings make it 1 as --fail-on says.
// changes and charts come from a range (nil otherwise).
func writeCheck(e *env, f checkFlags, results []scan.Result, findings []rule.Finding, bl baselined, changes []change.Change, charts []report.Chart) (int, error) {
	format := f.format
	run := newRun(results, findings, bl)
	run.Changes, run.Charts = changes, charts
	run.Standing = standingOf(results, f.policy)
	sum, unreadable := run.Summary, run.Unreadable
	if err := writeReport(e, format, run); err != nil {
		return exitUsage, fmt.Errorf("write report: %w", err)
	}
	code := exitOK
	failOn := config.FailOn(f.failOn)
	switch {
	case failOn.Fails(sum.Errors, sum.Warnings):
		code = exitFindings
		if sum.Errors == 0 {
			fmt.Fprintf(e.stderr, "git-prfaq check: failing on %d warning(s): --fail-on %s\n", sum.Warnings, failOn)
		}
	case sum.Errors > 0:
		fmt.Fprintf(e.stderr, "git-prfaq check: not failing on %d error(s): --fail-on %s\n", sum.Errors, failOn)
	}
	for _, u := range unreadable {
		fmt.Fprintf(e.stderr, "git-prfaq check: %s\n", report.EscapeLine(u.Message))
		code = exitUsage
	}
	return code, nil
}

// newRun is what a check found, counted, for a report.
func newRun(results []scan.Result, findings []rule.Finding, bl baselined) report.Run {
	unreadable := unreadableOf(results)
	sum := report.Summarize(len(results), findings)
	sum.Unreadable = len(unreadable)
	sum.Baselined, sum.Stale, sum.BaselineFile = bl.count, bl.stale, bl.file
	return report.Run{Findings: findings, Summary: sum, Unreadable: unreadable}
}

// unreadableOf lists the results whose document could not be read.
func unreadableOf(results []scan.Result) []report.Unreadable {
	var us []report.Unreadable
	for _, r := range results {
		if r.Err != nil {
			us = append(us, report.Unreadable{File: r.Path, Message: r.Err.Error()})
		}
	}
	return us
}

// writeReport prints run in format.
func writeReport(e *env, format string, run report.Run) error {
	return report.Write(e.stdout, format, run, report.Options{
		Version: currentVersion(), Style: report.Style{Color: colorOK(e.stdout)}, Getenv: os.Getenv,
	})
}
