package main

import (
	"fmt"
	"io"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/history"
)

var logHelp = helpText{
	name:     "log",
	synopsis: "log [PATH...] [--format text|json] [--reverse] [--all-parents]",
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

Exit status: 0 (log only reports, whatever it finds), 2 usage, bad path,
configuration or repository error.`,
}

func runLog(e *env, args []string) (int, error) {
	var format string
	var opts history.LogOptions
	fs := newFlags(logHelp, e.stdout)
	fs.StringVar(&format, "format", "text", "output format: text or json")
	fs.BoolVar(&opts.Reverse, "reverse", false, "newest change first")
	fs.BoolVar(&opts.AllParents, "all-parents", false, "walk every commit, not first parents only (merges then show nothing, their branches' commits do)")
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if format != "text" && format != "json" {
		return exitUsage, fmt.Errorf("unknown --format %q: use text or json", format)
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
	changes, err := history.Log(e.ctx, w.repo, w.cfg, opts)
	prog.done()
	if err != nil {
		return exitUsage, err
	}
	if format == "json" {
		return exitOK, historyJSON(e.stdout, changes, nil)
	}
	return exitOK, writeLogText(e.stdout, paint(colorOK(e.stdout)), changes)
}

// logColumns: who moved which goalpost when, and the reason they gave.
func logColumns(p paint) []column {
	return []column{
		{"COMMIT", func(c change.Change) string { return shortHash(c.Commit) }},
		{"DATE", func(c change.Change) string { return dateOnly(c.Date) }},
		{"AUTHOR", func(c change.Change) string { return authorName(c.Author) }},
		{"METRIC", func(c change.Change) string { return c.Metric }},
		{"FIELD", func(c change.Change) string { return c.Field }},
		{"FROM → TO", fromTo},
		{p.effectHead(), func(c change.Change) string { return p.effect(c.Effect) }},
		{"REASON", ackCell},
	}
}

// ackCell is the acknowledgement of a weakening, or says there is none.
func ackCell(c change.Change) string {
	switch {
	case c.Effect != change.Weakened:
		return ""
	case c.Acknowledged == "":
		return "(not acknowledged)"
	}
	return c.Acknowledged
}

func dateOnly(d string) string {
	if len(d) >= 10 {
		return d[:10]
	}
	return d
}

func writeLogText(w io.Writer, p paint, changes []change.Change) error {
	if len(changes) == 0 {
		_, err := fmt.Fprintln(w, "no metric changes")
		return err
	}
	files, groups := byFile(changes)
	for i, f := range files {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, p.bold(f))
		if err := writeTable(w, logColumns(p), groups[f]); err != nil {
			return err
		}
	}
	return nil
}
