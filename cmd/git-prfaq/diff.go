package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/history"
)

var diffHelp = helpText{
	name:     "diff",
	synopsis: "diff [REV [REV]] [--prose] [--format text|json] [-- PATH...]",
	about: `Compare the success metrics of the PRFAQs between two states: HEAD and the
work tree (no REV), REV and the work tree (one), or two revisions. Each
change is weakened (a metric removed, a target moved toward or past its
baseline, a later deadline, a metric made unmeasurable), improved (the
opposite moves, a new metric) or neutral (a baseline or source changed).
A PRFAQ added, deleted or renamed between the two states is compared
under both names.

PATHs (files or directories, after --) limit the comparison. --prose adds
a word-level diff of every section whose text changed, coloured on a
terminal and marked [-removed-] {+added+} elsewhere.

Exit status: 0 (diff only reports, whatever it finds), 2 usage, unknown
revision, bad path, configuration or repository error; in a shallow clone,
a revision beyond the cut says to fetch more history.`,
}

func runDiff(e *env, args []string) (int, error) {
	var format string
	var prose bool
	fs := newFlags(diffHelp, e.stdout)
	fs.BoolVar(&prose, "prose", false, "add a word-level diff of each changed section")
	fs.StringVar(&format, "format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if format != "text" && format != "json" {
		return exitUsage, fmt.Errorf("unknown --format %q: use text or json", format)
	}
	revs, pathArgs := splitDash(fs.Args(), fs.ArgsLenAtDash())
	if len(revs) > 2 {
		return exitUsage, fmt.Errorf("too many revisions %q: give at most two, and PATHs after --", revs)
	}
	w, err := openWorkspace(e, false)
	if err != nil {
		return exitUsage, err
	}
	paths, err := rootPaths(w, pathArgs)
	if err != nil {
		return exitUsage, err
	}
	from, to := "", ""
	if len(revs) > 0 {
		from = revs[0]
	}
	if len(revs) > 1 {
		to = revs[1]
	}
	pairs, err := history.DiffPairs(e.ctx, w.repo, w.cfg, from, to, paths)
	if err != nil {
		return exitUsage, pathHint(err, revs)
	}
	if format == "json" {
		return exitOK, writeDiffJSON(e.stdout, pairs, prose)
	}
	return exitOK, writeDiffText(e.stdout, paint(colorOK(e.stdout)), pairs, prose)
}

// splitDash separates revisions from the paths after "--".
func splitDash(args []string, dash int) (revs, paths []string) {
	if dash < 0 {
		return args, nil
	}
	return args[:dash], args[dash:]
}

// pathHint: a path given where a revision goes is the likeliest unknown
// revision, so say where paths go.
func pathHint(err error, revs []string) error {
	if len(revs) > 0 && errors.Is(err, gitcmd.ErrUnknownRevision) {
		return fmt.Errorf("%w (to name a PRFAQ, put it after --: git prfaq diff [REV] -- PATH)", err)
	}
	return err
}

func writeDiffJSON(w io.Writer, pairs []history.Pair, prose bool) error {
	var changes []change.Change
	var ps []proseJSON
	for _, p := range pairs {
		changes = append(changes, p.Changes...)
		if prose {
			ps = append(ps, proseOf(p.File(), history.ProseDiff(p.Old, p.New))...)
		}
	}
	if prose && ps == nil {
		ps = []proseJSON{}
	}
	return historyJSON(w, changes, ps)
}

// diffColumns: the two states are the same for every row.
func diffColumns(p paint) []column {
	return []column{
		{"METRIC", func(c change.Change) string { return c.Metric }},
		{"FIELD", func(c change.Change) string { return c.Field }},
		{"FROM → TO", fromTo},
		{p.effectHead(), func(c change.Change) string { return p.effect(c.Effect) }},
		{"REASON", func(c change.Change) string { return c.Reason }},
	}
}

func writeDiffText(w io.Writer, p paint, pairs []history.Pair, prose bool) error {
	shown := 0
	for _, pr := range pairs {
		var sections []history.SectionDiff
		if prose {
			sections = history.ProseDiff(pr.Old, pr.New)
		}
		if len(pr.Changes) == 0 && len(sections) == 0 {
			continue
		}
		if shown > 0 {
			fmt.Fprintln(w)
		}
		shown++
		fmt.Fprintln(w, p.bold(pairTitle(pr)))
		if len(pr.Changes) == 0 {
			fmt.Fprintln(w, "  no metric changes")
		} else if err := writeTable(w, diffColumns(p), pr.Changes); err != nil {
			return err
		}
		for _, s := range sections {
			fmt.Fprintf(w, "  %s\n", p.bold("## "+s.Section))
			if err := writeWords(w, p, s.Words); err != nil {
				return err
			}
		}
	}
	if shown == 0 {
		_, err := fmt.Fprintln(w, "no metric changes")
		return err
	}
	return nil
}

// pairTitle names the file and says when it was added, deleted or moved.
func pairTitle(p history.Pair) string {
	switch {
	case p.OldPath == "":
		return p.Path + " (new)"
	case p.Path == "":
		return p.OldPath + " (deleted)"
	case p.OldPath != p.Path:
		return p.Path + " (renamed from " + p.OldPath + ")"
	}
	return p.Path
}
