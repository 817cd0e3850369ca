package main

import (
	"fmt"

	"github.com/prfaq/git-prfaq/internal/gate"
	"github.com/prfaq/git-prfaq/internal/history"
	"github.com/prfaq/git-prfaq/internal/report"
)

var logHelp = helpText{
	name:     "log",
	synopsis: "log [PATH...] [--format text|json] [--reverse] [--all-parents] [--no-cache]",
	about: `Metric history: every commit that changed a success metric of the PRFAQs
named (files or directories; default every PRFAQ), oldest first, with its
date, author, the change, its effect and the acknowledgement reason (the
PRFAQ-Ack trailer, or acknowledgement.trailer in .prfaq.toml).

Effects: weakened (a metric removed, a target moved toward or past its
baseline, a later deadline, a metric made unmeasurable), improved (the
opposite moves, a new metric), neutral (a baseline or source changed).

The walk follows first parents, so a merge shows what its branch brought
(the acknowledgement may come from the branch's commits); a named PRFAQ is
followed across renames and moves, as git log --follow does. In a shallow
clone whose history is cut before the PRFAQ began, log refuses to guess:
fetch more history.

--no-cache: do not read or write the result cache, which keeps each
version's status and metrics table by blob id (README: Performance; also
GIT_PRFAQ_NO_CACHE=1).

Exit status: 0 (log only reports, whatever it finds), 2 usage, bad path,
configuration or repository error.`,
}

func runLog(e *env, args []string) (int, error) {
	paceHistory()
	var format string
	var noCache bool
	var opts history.LogOptions
	fs := newFlags(logHelp, e.stdout)
	fs.StringVar(&format, "format", "text", "output format: text or json")
	fs.BoolVar(&opts.Reverse, "reverse", false, "newest change first")
	fs.BoolVar(&opts.AllParents, "all-parents", false, "walk every commit, not first parents only (merges then show nothing, their branches' commits do)")
	fs.BoolVar(&noCache, "no-cache", false, "do not read or write the result cache")
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if format != "text" && format != "json" {
		return exitUsage, fmt.Errorf("unknown --format %q: use text or json", format)
	}
	if err := checkPaths(fs.Args()); err != nil {
		return exitUsage, err
	}
	w, err := openWorkspace(e, false)
	if err != nil {
		return exitUsage, err
	}
	if opts.Paths, err = rootPaths(w, fs.Args()); err != nil {
		return exitUsage, err
	}
	prog := startProgress(e.stderr)
	opts.Progress = prog.callback()
	opts.Cache = w.historyCache(w.cfg, noCache)
	changes, err := history.Log(e.ctx, w.repo, w.cfg, opts)
	prog.done()
	if err != nil {
		return exitUsage, err
	}
	_ = opts.Cache.Save() // never fails the run (a read-only git dir)
	// Say what the merge gate says, with the policy each commit was made
	// under.
	if err := gate.ClassifyHistory(e.ctx, w.repo, w.cfg.Acknowledgement.Trailer, changes); err != nil {
		return exitUsage, err
	}
	if format == "json" {
		return exitOK, report.LogJSON(e.stdout, changes)
	}
	return exitOK, report.LogText(e.stdout, changes, report.Style{Color: colorOK(e.stdout)})
}
