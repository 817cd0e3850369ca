package history

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/prfaq/git-prfaq/gitcmd"
)

// walk is one git log over the history of some paths.
type walk struct {
	rev     string // the commit to start from
	exclude string // leave out commits reachable from it; "" for none
	// pathspecs limit the walk; keep says which records matter (git
	// pathspecs are a superset when they name a directory).
	pathspecs []string
	keep      func(fileDiff) bool
	// renames pairs a deleted and an added file among the pathspecs as a
	// rename (-M); a single followed path has nothing to pair within it.
	renames    bool
	allParents bool
	// topo lists no parent before its children (--topo-order), which an
	// all-parents walk needs for "later" to mean something.
	topo    bool
	trailer string
}

// args builds the git log command line. Configuration that would change
// the output is overridden: log.follow would turn a one-path walk into a
// --follow walk (slower, and it does not stop at the rename we look for),
// log.showSignature would print into the format.
func (w walk) args() []string {
	args := []string{"-c", "log.follow=false", "-c", "log.showSignature=false",
		"log", "--no-color", "--no-decorate", "-z", "--raw", "--no-abbrev", "--root",
		logFormat(w.trailer)}
	if w.allParents {
		// Every commit's own change; a merge's would repeat its branch's.
		args = append(args, "--diff-merges=off")
	} else {
		// A merge, on the first-parent line, brings its branch's changes.
		args = append(args, "--first-parent", "--diff-merges=first-parent")
	}
	if w.topo {
		args = append(args, "--topo-order")
	}
	if w.renames {
		args = append(args, "-M")
	} else {
		args = append(args, "--no-renames")
	}
	args = append(args, w.rev)
	if w.exclude != "" {
		args = append(args, "^"+w.exclude)
	}
	return append(append(args, "--"), w.pathspecs...)
}

// run streams the walk, newest commit first, calling each for every commit
// with at least one record kept.
func (w walk) run(ctx context.Context, repo *gitcmd.Repo, each func(*commit) error) error {
	s, err := startGit(ctx, repo, w.args()...)
	if err != nil {
		return err
	}
	lr := newLogReader(s.out)
	var readErr error
	for {
		c, err := lr.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			readErr = fmt.Errorf("read git log: %w", err)
			break
		}
		for i, f := range c.Files {
			c.Files[i] = documentSides(f)
		}
		if c.Files = kept(c.Files, w.keep); len(c.Files) == 0 {
			continue
		}
		if readErr = each(c); readErr != nil {
			break
		}
	}
	waitErr := s.wait()
	if readErr != nil {
		return readErr
	}
	if waitErr != nil {
		return fmt.Errorf("walk the history: %w", waitErr)
	}
	return nil
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

// renameSource finds where path came from when commit c added it: the
// deleted file git pairs with it as a rename, comparing c with its first
// parent over the whole tree, as `git log --follow` does. ok is false for
// a file created from nothing (or a root commit).
func renameSource(ctx context.Context, repo *gitcmd.Repo, c *commit, path string) (src fileDiff, ok bool, err error) {
	if len(c.Parents) == 0 {
		return src, false, nil
	}
	out, err := repo.Run(ctx, "diff-tree", "-r", "-z", "--raw", "--no-abbrev", "-M", c.Parents[0], c.Hash)
	if err != nil {
		return src, false, fmt.Errorf("find where %s came from in %s: %w", path, short(c.Hash), err)
	}
	diffs, err := parseRaw(out)
	if err != nil {
		return src, false, fmt.Errorf("find where %s came from in %s: %w", path, short(c.Hash), err)
	}
	for _, d := range diffs {
		if d.Status == 'R' && d.Path == path {
			return d, true, nil
		}
	}
	return src, false, nil
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
