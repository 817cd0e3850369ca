package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/prfaq/git-prfaq/internal/gate"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/history"
	"github.com/prfaq/git-prfaq/internal/report"
)

var diffHelp = helpText{
	name:     "diff",
	synopsis: "diff [REV [REV]] [--prose] [--format text|json] [--no-cache] [-- PATH...]",
	about: `Compare the success metrics of the PRFAQs between two states: HEAD and the
work tree (no REV), REV and the work tree (one), or two revisions. Each
change is weakened (a metric removed, a target moved toward or past its
baseline, a later deadline, a metric made unmeasurable), improved (the
opposite moves, a new metric) or neutral (a baseline or source changed).
A PRFAQ added, deleted or renamed between the two states is compared
under both names.

PATHs (files or directories, after --) limit the comparison. --prose adds
a word-level diff of every section whose text changed, coloured on a
terminal and marked [-removed-] {+added+} elsewhere. --no-cache: do not
read or write the result cache of versions' metrics tables (README:
Performance; also GIT_PRFAQ_NO_CACHE=1).

Exit status: 0 (diff only reports, whatever it finds), 2 usage, unknown
revision, bad path, configuration or repository error; in a shallow clone,
a revision beyond the cut says to fetch more history.`,
}

func runDiff(e *env, args []string) (int, error) {
	paceHistory()
	var format string
	var prose, noCache bool
	fs := newFlags(diffHelp, e.stdout)
	fs.BoolVar(&prose, "prose", false, "add a word-level diff of each changed section")
	fs.StringVar(&format, "format", "text", "output format: text or json")
	fs.BoolVar(&noCache, "no-cache", false, "do not read or write the result cache")
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
	if err := checkRevs(revs); err != nil {
		return exitUsage, err
	}
	if err := checkPaths(pathArgs); err != nil {
		return exitUsage, err
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
	// Judge as the merge gate does, with the policy of the older side.
	base := from
	if base == "" {
		base = "HEAD"
	}
	policy, err := gate.PolicyAt(e.ctx, w.repo, base)
	if err != nil {
		return exitUsage, err
	}
	cache := w.historyCache(policy, noCache)
	pairs, err := history.DiffPairs(e.ctx, w.repo, policy, from, to, paths, history.DiffOptions{Prose: prose, Cache: cache})
	if err != nil {
		return exitUsage, pathHint(err, revs)
	}
	_ = cache.Save() // never fails the run (a read-only git dir)
	files := make([]report.DiffFile, len(pairs))
	for i, p := range pairs {
		gate.Classify(policy, p.Changes)
		files[i].Pair = p
		if prose {
			files[i].Prose = history.ProseDiff(p.Old, p.New)
		}
	}
	if format == "json" {
		return exitOK, report.DiffJSON(e.stdout, files, prose)
	}
	return exitOK, report.DiffText(e.stdout, files, report.Style{Color: colorOK(e.stdout)})
}

// checkRevs refuses an empty revision (an unset variable, which would
// otherwise mean HEAD or the work tree) and one that starts with "-",
// which git would read as an option.
func checkRevs(revs []string) error {
	for _, r := range revs {
		switch {
		case r == "":
			return errors.New("an empty revision: name one, e.g. git prfaq diff main HEAD, or give none to compare HEAD with the work tree (is the variable that should hold it unset?)")
		case strings.HasPrefix(r, "-"):
			return fmt.Errorf("revision %q starts with \"-\": name a revision, e.g. git prfaq diff main HEAD (PATHs go after --)", r)
		}
	}
	return nil
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
