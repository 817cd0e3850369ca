package history

import (
	"context"
	"errors"
	"slices"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/prfaq"
)

// Weakenings compares each PRFAQ at commit a with it at commit b, the
// merge gate's question, under the one definition of judge.go: the net
// change counts, so a weakening undone inside the range is none; a PRFAQ
// renamed in the range is compared under both names; one added in the
// range has nothing to weaken (its metrics come back as added). a "" is
// the beginning of history.
//
// Every change is returned, improved and neutral too, for reports; each
// weakening has its commit and acknowledgement filled in (Acknowledge).
// Draft is set on the changes of a PRFAQ that is a draft at b (or was, at
// a, when the range deletes it).
func Weakenings(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, a, b string) ([]change.Change, error) {
	older := repo.EmptyTree()
	if a != "" {
		id, err := repo.ResolveCommit(ctx, a)
		if err != nil {
			return nil, err
		}
		older = id
	}
	newer, err := repo.ResolveCommit(ctx, b)
	if err != nil {
		return nil, err
	}
	diffs, err := stateDiff(ctx, repo, cfg, older, newer)
	if err != nil {
		return nil, err
	}
	diffs = slices.DeleteFunc(diffs, func(d fileDiff) bool {
		return !cfg.IsDocument(d.Path) && (d.OldPath == "" || !cfg.IsDocument(d.OldPath))
	})
	pairs, err := readPairs(ctx, repo, cfg, diffs, false, false, nil) // the gate: no cache (doc.go)
	if err != nil {
		return nil, err
	}
	if err := Judge(ctx, repo, cfg, older, pairs); err != nil {
		return nil, err
	}
	exclude := ""
	if a != "" {
		exclude = older
	}
	if err := Acknowledge(ctx, repo, cfg, exclude, newer, pairs); err != nil {
		return nil, err
	}
	var out []change.Change
	for _, p := range pairs {
		out = append(out, p.Changes...)
	}
	return out, nil
}

// fewPaths: a walk limited to more PRFAQs than this asks git with the
// documents' plain pathspecs instead of one literal pathspec each, where
// that walks the same commits. git matches every entry of every tree it
// compares against every pathspec: at 10,000 PRFAQs, 85 weakened ones cost
// a 20,000-commit walk 33 s, the plain pathspec under 3 s.
var fewPaths = 8 // a variable for tests

// broadWalk is w asking git about every document (and any other name the
// weakened PRFAQs had), keeping only the records of the owners' paths.
// It is the same walk only when the range has no merge: git simplifies a
// history at merges by which parents are unchanged for the pathspecs
// asked, and a broader pathspec can make it follow other parents. With a
// merge, w is returned as it is.
func broadWalk(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, w walk, owner map[string]int) (walk, error) {
	merges, err := repo.HasMerges(ctx, w.rev, w.exclude)
	if err != nil || merges {
		return w, err
	}
	specs := cfg.DocumentPrefilter()
	for p := range owner {
		if !cfg.IsDocument(p) {
			specs = append(specs, literal(p))
		}
	}
	slices.Sort(specs[len(cfg.DocumentPrefilter()):])
	w.pathspecs = specs
	w.keep = func(f fileDiff) bool {
		_, ok := owner[f.Path]
		if !ok && f.OldPath != "" {
			_, ok = owner[f.OldPath]
		}
		return ok
	}
	return w, nil
}

func hasWeakening(cs []change.Change) bool {
	return slices.ContainsFunc(cs, func(c change.Change) bool { return c.Effect == change.Weakened })
}

// step is one commit's change to one PRFAQ.
type step struct {
	c       *commit
	changes []change.Change
}

// Acknowledge fills in each weakening among the pairs' changes from the
// commits of exclude..newer (every parent, exclude "" for the beginning of
// history) that touch the PRFAQ under its old or new name: its Commit,
// Date and Author are the last commit that changed that field of that
// metric, and it is acknowledged by that commit's trailer or by the first
// later one that touches the PRFAQ (AcknowledgedBy names a later one). A
// net change no single commit made (a merge resolved it so) may be
// acknowledged by any of them. Weakenings that already have an
// acknowledgement are left as they are.
func Acknowledge(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, exclude, newer string, pairs []Pair) error {
	var weak []int
	for i := range pairs {
		if hasWeakening(pairs[i].Changes) {
			weak = append(weak, i)
		}
	}
	if len(weak) == 0 {
		return nil
	}
	return attribute(ctx, repo, cfg, exclude, newer, pairs, weak)
}

// attribute walks the commits of exclude..newer that touch the weakened
// PRFAQs (under their old and new names) and fills in each weakening's
// commit and acknowledgement.
func attribute(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, exclude, newer string, pairs []Pair, weak []int) error {
	owner := map[string]int{} // a path, at a or at b, to its pair
	var specs []string
	for _, i := range weak {
		for _, p := range []string{pairs[i].OldPath, pairs[i].Path} {
			if _, dup := owner[p]; p != "" && !dup {
				owner[p] = i
				specs = append(specs, literal(p))
			}
		}
	}
	w := walk{rev: newer, exclude: exclude, pathspecs: specs, allParents: true, topo: true,
		trailer: cfg.Acknowledgement.Trailer}
	if len(specs) > fewPaths {
		var err error
		if w, err = broadWalk(ctx, repo, cfg, w, owner); err != nil {
			return err
		}
	}
	l := &logger{repo: repo, cfg: cfg}
	l.v = newVersions(ctx, repo, cfg, nil)
	list, walkErr := l.collect(ctx, w)
	if walkErr == nil {
		walkErr = pairRenames(ctx, repo, list, nil)
	}
	if err := errors.Join(walkErr, l.v.finish()); err != nil {
		return err
	}
	steps := map[int][]step{}
	policy := check.PolicyOf(cfg)
	for _, c := range slices.Backward(list) {
		for _, f := range c.Files {
			i, ok := owner[f.Path]
			if !ok {
				i, ok = owner[f.OldPath]
			}
			if ok {
				steps[i] = append(steps[i], step{c, change.Compare(f.Path, l.v.doc(f.OldBlob), l.v.doc(f.NewBlob), policy)})
			}
		}
	}
	for _, i := range weak {
		for j, ch := range pairs[i].Changes {
			if ch.Effect == change.Weakened && ch.Acknowledged == "" {
				pairs[i].Changes[j] = attributeOne(ch, steps[i])
			}
		}
	}
	return nil
}

// attributeOne fills in one net weakening from the PRFAQ's steps, oldest
// first. The commit that made it is the last one that weakened that field
// of that metric: an acknowledgement counts from there on (a later
// tightening, such as 5 days → 4 after an acknowledged 3 → 5, needs none).
func attributeOne(ch change.Change, steps []step) change.Change {
	key := prfaq.FoldSpace(ch.Metric)
	weakened, touched := -1, -1
	for i, s := range steps {
		for _, c := range s.changes {
			if prfaq.FoldSpace(c.Metric) != key {
				continue
			}
			if c.Field == ch.Field && c.Effect == change.Weakened {
				weakened = i
			}
			if c.Field == ch.Field || touched < 0 {
				touched = i
			}
		}
	}
	at, from := weakened, weakened
	if weakened < 0 {
		// No single commit weakened it (a merge made the net change, or
		// the PRFAQ left draft and is judged against its last approved
		// state): every commit touching the PRFAQ may acknowledge it, and
		// the last one that changed the metric is where it happened.
		at, from = touched, 0
		if at < 0 {
			at = len(steps) - 1
		}
	}
	if at >= 0 {
		c := steps[at].c
		ch.Commit, ch.Date, ch.Author = c.Hash, c.Date, c.Author
	}
	for _, s := range steps[from:] {
		if ack := ackOf(s.c); ack != "" {
			ch.Acknowledged = ack
			if s.c.Hash != ch.Commit {
				ch.AcknowledgedBy = s.c.Hash
			}
			break
		}
	}
	return ch
}
