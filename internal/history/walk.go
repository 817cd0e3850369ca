package history

import (
	"context"
	"fmt"
	"slices"

	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// walk is one git log over the history of some paths.
type walk struct {
	rev     string // the commit to start from
	exclude string // leave out commits reachable from it; "" for none
	// pathspecs limit the walk; keep says which records matter (git
	// pathspecs are a superset when they name a directory).
	pathspecs  []string
	keep       func(fileDiff) bool
	allParents bool
	// topo lists no parent before its children (--topo-order), which an
	// all-parents walk needs for "later" to mean something.
	topo    bool
	trailer string
}

// query is the walk as gitcmd.Log runs it.
func (w walk) query() gitcmd.LogQuery {
	q := gitcmd.LogQuery{
		Revs: []string{w.rev}, Pathspecs: w.pathspecs, Trailer: w.trailer,
		FirstParent: !w.allParents, Topo: w.topo, Changes: true,
	}
	if w.exclude != "" {
		q.Revs = append(q.Revs, "^"+w.exclude)
	}
	return q
}

// run streams the walk, newest commit first, calling each for every commit
// with at least one record kept. Renames are found afterwards
// (pairRenames, renameSources), asking git only about the few commits
// that add a file: a followed file needs the whole tree compared anyway to
// find where it came from.
func (w walk) run(ctx context.Context, repo *gitcmd.Repo, each func(*commit) error) error {
	return repo.Log(ctx, w.query(), func(gc *gitcmd.Commit) error {
		c := commitOf(gc)
		if c.Files = kept(c.Files, w.keep); len(c.Files) == 0 {
			return nil
		}
		return each(c)
	})
}

func kept(fs []fileDiff, keep func(fileDiff) bool) []fileDiff {
	if keep == nil {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

// added is a file a commit added: git may see it as a rename.
type added struct {
	c *commit
	i int // index in c.Files
}

// renameSources asks, for each added file, whether git pairs it with a
// deleted file as a rename when it compares the commit with its first
// parent over the whole tree, as `git log --follow` does: the answer is the
// rename record, or nothing for a file created from nothing. It is one `git
// diff-tree --stdin` for all of them. Root commits are not asked.
func renameSources(ctx context.Context, repo *gitcmd.Repo, adds []added) (map[added]fileDiff, error) {
	return findRenames(ctx, repo, adds, nil)
}

// findRenames is renameSources with the comparison limited to pathspecs
// (none: the whole tree).
func findRenames(ctx context.Context, repo *gitcmd.Repo, adds []added, pathspecs []string) (map[added]fileDiff, error) {
	var pairs []gitcmd.CommitPair
	asked := map[string]bool{}
	for _, a := range adds {
		if len(a.c.Parents) > 0 && !asked[a.c.Hash] {
			asked[a.c.Hash] = true
			pairs = append(pairs, gitcmd.CommitPair{Commit: a.c.Hash, Base: a.c.Parents[0]})
		}
	}
	found := map[added]fileDiff{}
	if len(pairs) == 0 {
		return found, nil
	}
	renames, err := repo.DiffCommits(ctx, pairs, pathspecs...)
	if err != nil {
		return nil, fmt.Errorf("look for renames: %w", err)
	}
	for _, a := range adds {
		for _, d := range renames[a.c.Hash] {
			if d.Status == 'R' && d.Path == a.c.Files[a.i].Path {
				found[a] = documentSides(blobIDs(d))
			}
		}
	}
	return found, nil
}

// pairRenames turns an added and a deleted file of the same commit into
// the rename git sees in them, where it sees one. Only commits that both
// add and delete a file are asked, and only about those files: one `git
// diff-tree --stdin` in all.
func pairRenames(ctx context.Context, repo *gitcmd.Repo, list []*commit, shallow map[string]bool) error {
	var adds []added
	var specs []string
	for _, c := range list {
		if shallow[c.Hash] || !addsAndDeletes(c.Files) {
			continue
		}
		for i, f := range c.Files {
			if f.Status == 'A' || f.Status == 'D' {
				specs = append(specs, literal(f.Path))
			}
			if f.Status == 'A' {
				adds = append(adds, added{c, i})
			}
		}
	}
	if len(adds) == 0 {
		return nil
	}
	slices.Sort(specs)
	found, err := findRenames(ctx, repo, adds, slices.Compact(specs))
	if err != nil {
		return err
	}
	mergeRenames(found)
	return nil
}

func addsAndDeletes(fs []fileDiff) bool {
	return slices.ContainsFunc(fs, func(f fileDiff) bool { return f.Status == 'A' }) &&
		slices.ContainsFunc(fs, func(f fileDiff) bool { return f.Status == 'D' })
}

// mergeRenames puts each rename in place of its added file and drops the
// deletion of its source from the same commit, when the walk saw it.
func mergeRenames(found map[added]fileDiff) {
	drop := map[*commit]map[string]bool{}
	for a, r := range found {
		a.c.Files[a.i] = r
		if drop[a.c] == nil {
			drop[a.c] = map[string]bool{}
		}
		drop[a.c][r.OldPath] = true
	}
	for c, paths := range drop {
		c.Files = slices.DeleteFunc(c.Files, func(f fileDiff) bool { return f.Status == 'D' && paths[f.Path] })
	}
}

// short abbreviates a commit id for messages.
func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// literal is a pathspec matching exactly one path (or directory). git runs
// at the root, so the path needs no "top" magic, which would keep git from
// using the commit-graph's changed-path filters (3x slower).
func literal(path string) string { return ":(literal)" + path }
