package history

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/prfaq/git-prfaq/change"
	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/gitcmd"
)

// LogOptions selects what Log walks.
type LogOptions struct {
	// Paths are slash paths relative to the repository root: PRFAQ files,
	// each followed across renames as `git log --follow` does, or
	// directories, standing for the PRFAQs under them. None means every
	// PRFAQ document.
	Paths []string
	// Rev is the commit the walk starts from; "" means HEAD.
	Rev string
	// Reverse lists the newest change first; the default is oldest first.
	Reverse bool
	// AllParents walks every commit instead of first parents only. Each
	// commit then shows its own change and a merge shows none (its branch's
	// commits do); by default a merge shows what it brought to its first
	// parent, and the acknowledgement may come from its branch.
	AllParents bool
	// Progress, when set, is called from the walk with the counts so far.
	// It must be cheap and safe for concurrent use.
	Progress func(Progress)
}

// Progress is how far a walk has got.
type Progress struct {
	Commits  int // commits read so far that changed a PRFAQ
	Versions int // distinct document versions asked for
}

// ErrNotDocument is wrapped by the error for a path that is neither a
// PRFAQ document (by documents.globs) nor a directory.
var ErrNotDocument = errors.New("not a PRFAQ document")

// ErrNoHistory is wrapped by Log's error for a PRFAQ path no commit in the
// walk touches.
var ErrNoHistory = errors.New("no commit touches it")

// Log lists every change a commit made to the success metrics of the
// PRFAQs opts selects, oldest first unless opts.Reverse, each with its
// commit, date, author and, for a weakening, the commit's acknowledgement
// trailer (several values joined by "; "). Changes of different Paths are
// listed path by path, in the order given.
//
// It costs one `git log` per path (plus one `git diff-tree` where a
// followed file appears, to see whether it was renamed), one `git
// cat-file --batch` for every distinct version, and one parse per version,
// on all cores while git is still walking.
func Log(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, opts LogOptions) ([]change.Change, error) {
	if repo.Head == "" && opts.Rev == "" {
		return nil, nil // no commits yet: no history
	}
	rev := repo.Head // resolved by Open: one git process less
	if opts.Rev != "" {
		var err error
		if rev, err = repo.ResolveCommit(ctx, opts.Rev); err != nil {
			return nil, err
		}
	}
	walks, err := plan(repo, cfg, opts, rev)
	if err != nil {
		return nil, err
	}
	l := &logger{repo: repo, cfg: cfg, opts: opts, shallow: shallowCommits(repo)}
	if l.v, err = newVersions(ctx, repo, cfg); err != nil {
		return nil, err
	}
	lists, walkErr := l.runAll(ctx, walks)
	if err := errors.Join(walkErr, l.v.finish()); err != nil {
		return nil, err
	}
	if err := l.cut(lists); err != nil {
		return nil, err
	}
	return l.assemble(ctx, lists)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// planned is one requested history: a followed file, a directory, or
// every PRFAQ.
type planned struct {
	path   string // the followed file; "" for a directory or everything
	walk   walk
	follow bool
}

// plan turns the requested paths into walks; a path that is neither a
// PRFAQ nor a directory is an error.
func plan(repo *gitcmd.Repo, cfg *config.Config, opts LogOptions, rev string) ([]planned, error) {
	base := walk{rev: rev, allParents: opts.AllParents, topo: opts.AllParents, trailer: cfg.Acknowledgement.Trailer}
	isDoc := func(d fileDiff) bool { return cfg.IsDocument(d.Path) || d.OldPath != "" && cfg.IsDocument(d.OldPath) }
	if len(opts.Paths) == 0 {
		w := base
		w.pathspecs, w.keep, w.renames = cfg.DocumentPathspecs(), isDoc, true
		return []planned{{walk: w}}, nil
	}
	var out []planned
	for _, p := range opts.Paths {
		p = cleanPath(p)
		w := base
		switch {
		case cfg.IsDocument(p):
			w.pathspecs = []string{literal(p)}
			out = append(out, planned{path: p, walk: w, follow: true})
		case isDir(repo, p):
			w.pathspecs, w.keep, w.renames = []string{literal(p)}, isDoc, true
			out = append(out, planned{walk: w})
		default:
			return nil, notDocument(cfg, p)
		}
	}
	return out, nil
}

func notDocument(cfg *config.Config, p string) error {
	return fmt.Errorf("%s: %w (documents match %s; see documents.globs in %s)",
		p, ErrNotDocument, strings.Join(cfg.Documents.Globs, ", "), config.FileName)
}

// cleanPath makes a caller's path the slash form git prints.
func cleanPath(p string) string {
	p = filepath.ToSlash(filepath.Clean(filepath.FromSlash(p)))
	return strings.TrimPrefix(p, "./")
}

// isDir reports whether p is a directory in the work tree (a directory
// only in history is named by a file path instead).
func isDir(repo *gitcmd.Repo, p string) bool {
	if repo.Root == "" || p == "" {
		return false
	}
	info, err := os.Stat(filepath.Join(repo.Root, filepath.FromSlash(p)))
	return err == nil && info.IsDir()
}

// logger holds one Log call's state.
type logger struct {
	repo    *gitcmd.Repo
	cfg     *config.Config
	opts    LogOptions
	v       *versions
	shallow map[string]bool

	commits, asked atomic.Int64
}

// runAll runs the planned walks one after the other (git's walk is what
// takes the time, and it is single-threaded: the parsers use the other
// cores) and returns each one's commits, newest first.
func (l *logger) runAll(ctx context.Context, walks []planned) ([][]*commit, error) {
	lists := make([][]*commit, len(walks))
	for i, p := range walks {
		var err error
		if p.follow {
			lists[i], err = l.follow(ctx, p)
		} else {
			lists[i], err = l.collect(ctx, p.walk)
		}
		if err != nil {
			return nil, err
		}
	}
	return lists, nil
}

// collect runs one walk, asking for every version it names.
func (l *logger) collect(ctx context.Context, w walk) ([]*commit, error) {
	var list []*commit
	err := w.run(ctx, l.repo, func(c *commit) error {
		for _, f := range c.Files {
			l.v.want(f.OldBlob)
			l.v.want(f.NewBlob)
		}
		list = append(list, c)
		l.progress(len(c.Files) * 2)
		return nil
	})
	return list, err
}

func (l *logger) progress(versions int) {
	n := l.commits.Add(1)
	a := l.asked.Add(int64(versions))
	if l.opts.Progress != nil {
		l.opts.Progress(Progress{Commits: int(n), Versions: int(a)})
	}
}

// follow walks one file's history and, where a commit added the file,
// asks whether that was a rename: then the walk goes on under the old name
// from that commit's parent, as `git log --follow` does. git's own
// --follow does this too, but it cannot use the commit-graph's changed-path
// filters and costs about 1.3x a plain path-limited walk.
func (l *logger) follow(ctx context.Context, p planned) ([]*commit, error) {
	var all []*commit
	w, path := p.walk, p.path
	for {
		seg, err := l.collect(ctx, w)
		if err != nil {
			return nil, err
		}
		src, at, err := l.renamedAt(ctx, seg, path)
		if err != nil {
			return nil, err
		}
		if at < 0 {
			all = append(all, seg...)
			break
		}
		// Older commits of this segment touched another file of this
		// name, not the one followed.
		all = append(all, seg[:at+1]...)
		l.v.want(src.OldBlob)
		w.rev, w.pathspecs, path = seg[at].Parents[0], []string{literal(src.OldPath)}, src.OldPath
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("%s: %w in the history of %s (is it committed? paths are relative to the current directory)",
			p.path, ErrNoHistory, short(p.walk.rev))
	}
	return all, nil
}

// renamedAt finds the newest commit of seg that created path by renaming
// another file, and turns its record into the rename; at is -1 if none.
func (l *logger) renamedAt(ctx context.Context, seg []*commit, path string) (src fileDiff, at int, err error) {
	for i, c := range seg {
		for j, f := range c.Files {
			if f.Status != 'A' || f.Path != path || l.shallow[c.Hash] {
				continue
			}
			src, ok, err := renameSource(ctx, l.repo, c, path)
			if err != nil {
				return src, -1, err
			}
			if ok {
				c.Files[j] = src
				return src, i, nil
			}
		}
	}
	return src, -1, nil
}

// cut refuses a history that reaches the cut of a shallow clone: there a
// commit looks like it created every file, and the log would be wrong.
func (l *logger) cut(lists [][]*commit) error {
	for _, list := range lists {
		for _, c := range list {
			if l.shallow[c.Hash] {
				return fmt.Errorf("the history goes past the cut of this shallow clone at %s: %w",
					short(c.Hash), &gitcmd.MissingHistoryError{Rev: c.Hash + "^"})
			}
		}
	}
	return nil
}

// shallowCommits are the commits whose parents a shallow clone lacks.
func shallowCommits(repo *gitcmd.Repo) map[string]bool {
	if !repo.Shallow {
		return nil
	}
	dir := repo.CommonDir
	if dir == "" {
		dir = repo.GitDir
	}
	data, err := os.ReadFile(filepath.Join(dir, "shallow"))
	if err != nil {
		return nil
	}
	m := map[string]bool{}
	for _, id := range strings.Fields(string(data)) {
		m[id] = true
	}
	return m
}

// assemble compares the versions of each commit, oldest first, and fills
// in what the history knows about each change.
func (l *logger) assemble(ctx context.Context, lists [][]*commit) ([]change.Change, error) {
	policy := check.PolicyOf(l.cfg)
	var out []change.Change
	for _, list := range lists {
		var group []change.Change
		for _, c := range slices.Backward(list) {
			cs := commitChanges(c, l.v.doc, policy)
			if err := l.branchAcks(ctx, c, cs); err != nil {
				return nil, err
			}
			group = append(group, cs...)
		}
		if l.opts.Reverse {
			group = newestFirst(group)
		}
		out = append(out, group...)
	}
	return out, nil
}

// newestFirst reverses the commit order but keeps each commit's changes in
// table order.
func newestFirst(cs []change.Change) []change.Change {
	out := make([]change.Change, 0, len(cs))
	for end := len(cs); end > 0; {
		start := end - 1
		for start > 0 && cs[start-1].Commit == cs[end-1].Commit {
			start--
		}
		out = append(out, cs[start:end]...)
		end = start
	}
	return out
}
