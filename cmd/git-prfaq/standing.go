package main

import (
	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/report"
	"github.com/prfaq/git-prfaq/internal/scan"
)

// standingOf is where the metrics of the checked documents stand between
// baseline and target, for the Markdown report (see README, Formats).
func standingOf(results []scan.Result, policy check.Policy) []report.Standing {
	var out []report.Standing
	for _, r := range results {
		var progress []check.Progress
		switch {
		case r.Summary != nil: // check --all keeps summaries, not documents
			progress = r.Summary.Progress
		case r.Doc != nil:
			progress = check.DocumentProgress(r.Doc, policy)
		}
		for _, p := range progress {
			out = append(out, report.Standing{File: r.Path, Progress: p})
		}
	}
	return out
}
