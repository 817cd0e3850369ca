package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gate"
	"github.com/prfaq/git-prfaq/internal/report"
	"github.com/prfaq/git-prfaq/internal/report/trend"
)

// runRange is check --range / --base: the merge gate over a range.
func runRange(e *env, w *workspace, f checkFlags, today time.Time) (int, error) {
	if err := w.needRepo("check --range"); err != nil {
		return exitUsage, err
	}
	a, b, err := resolveRange(e, w, f)
	if err != nil {
		return exitUsage, err
	}
	g := &gate.Gate{Repo: w.repo, Cfg: w.cfg, Today: today, Ack: f.ack}
	if g.Baseline, err = readBaselineFlag(w, f); err != nil {
		return exitUsage, err
	}
	g.BaselineName = f.baseline
	rep, err := g.Range(e.ctx, a, b, "")
	if err != nil {
		return exitUsage, err
	}
	charts := rangeCharts(e, w, f.format, a, b, rep.Changes)
	bl := baselined{rep.Baselined, rep.Stale, rep.BaselineFile}
	return writeCheck(e, f, rep.Results, rep.Findings, bl, rep.Changes, charts)
}

// rangeCharts reads the history of each target the range changed, for the
// Markdown report (markdown, or github writing the job summary), the only
// one that draws it. Failing to read it costs the charts, not the gate.
func rangeCharts(e *env, w *workspace, format, a, b string, changes []change.Change) []report.Chart {
	if format != "markdown" && (format != "github" || os.Getenv("GITHUB_STEP_SUMMARY") == "") {
		return nil
	}
	charts, err := trend.Targets(e.ctx, w.repo, w.cfg, a, b, changes)
	if err != nil {
		fmt.Fprintf(e.stderr, "git-prfaq check: the report has no target charts: %v\n", err)
	}
	return charts
}

// resolveRange turns A..B, A...B or --base REV into two commits. Each side
// is resolved on its own so that an error names the revision at fault (a
// shallow clone's missing history included).
func resolveRange(e *env, w *workspace, f checkFlags) (string, string, error) {
	spec, mergeBase := f.rangeSpec, false
	if f.base != "" {
		spec, mergeBase = f.base+"...HEAD", true
	}
	left, right, ok := strings.Cut(spec, "...")
	if ok {
		mergeBase = true
	} else if left, right, ok = strings.Cut(spec, ".."); !ok {
		return "", "", fmt.Errorf("--range %q: want A..B or A...B", spec)
	}
	if left == "" || right == "" {
		return "", "", fmt.Errorf("--range %q: name both ends, e.g. origin/main..HEAD", spec)
	}
	for _, end := range []string{left, right} {
		if strings.HasPrefix(end, "-") {
			return "", "", fmt.Errorf("--range %q: the end %q starts with \"-\": name a revision, e.g. origin/main..HEAD", spec, end)
		}
	}
	a, err := w.repo.ResolveCommit(e.ctx, left)
	if err != nil {
		return "", "", err
	}
	b, err := w.repo.ResolveCommit(e.ctx, right)
	if err != nil {
		return "", "", err
	}
	if mergeBase {
		if a, err = w.repo.MergeBase(e.ctx, a, b); err != nil {
			return "", "", err
		}
	}
	return a, b, nil
}
