package history

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/resultcache"
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
	// Cache, when not nil, is the result cache's pack of slim versions
	// (resultcache.OpenKind with CacheKind): versions it holds are not
	// read from git or parsed, and the others are added. The caller
	// saves it. Output is the same with or without it.
	Cache *resultcache.Cache
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
// It costs one `git log` per path (and, where a followed file or one in
// a directory was added, one `git diff-tree --stdin` to ask whether it was
// renamed), one `git cat-file --batch` for every distinct version, and one
// parse per version, on all cores while git is still walking. A history
// that reaches the cut of a shallow clone is an error wrapping
// *gitcmd.MissingHistoryError.
func Log(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, opts LogOptions) ([]change.Change, error) {
	l, lists, err := read(ctx, repo, cfg, opts)
	if err != nil || l == nil {
		return nil, err
	}
	return l.assemble(ctx, lists)
}

// read walks the history opts selects and reads every version the walks
// name, for Log and Timelines: the walks' commits (each list newest
// first), and the logger that holds the versions. A repository without
// commits has no history: a nil logger and no error.
func read(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, opts LogOptions) (*logger, [][]*commit, error) {
	if repo.Head == "" && opts.Rev == "" {
		return nil, nil, nil // no commits yet: no history
	}
	rev := repo.Head // resolved by Open: one git process less
	if opts.Rev != "" {
		var err error
		if rev, err = repo.ResolveCommit(ctx, opts.Rev); err != nil {
			return nil, nil, err
		}
	}
	walks, err := plan(repo, cfg, opts, rev)
	if err != nil {
		return nil, nil, err
	}
	l := &logger{repo: repo, cfg: cfg, opts: opts, shallow: shallowCommits(repo)}
	l.v = newVersions(ctx, repo, cfg, opts.Cache)
	lists, walkErr := l.runAll(ctx, walks)
	if err := errors.Join(walkErr, l.v.finish()); err != nil {
		return nil, nil, err
	}
	if err := l.cut(lists); err != nil {
		return nil, nil, err
	}
	return l, lists, nil
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
	dir    bool
}

// plan turns the requested paths into walks; a path that is neither a
// PRFAQ nor a directory is an error.
func plan(repo *gitcmd.Repo, cfg *config.Config, opts LogOptions, rev string) ([]planned, error) {
	base := walk{rev: rev, allParents: opts.AllParents, topo: opts.AllParents, trailer: cfg.Acknowledgement.Trailer}
	isDoc := func(d fileDiff) bool { return cfg.IsDocument(d.Path) || d.OldPath != "" && cfg.IsDocument(d.OldPath) }
	if len(opts.Paths) == 0 {
		// git is asked with the plain pathspecs the globs imply (a
		// superset: "*PRFAQ.md" for "**/PRFAQ.md") and keep filters the
		// exact globs, as the hooks do: glob magic makes git's walk 1.3x
		// slower at 10,000 PRFAQs (docs/performance.md).
		w := base
		w.pathspecs, w.keep = loosePathspecs(cfg), isDoc
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
			w.pathspecs, w.keep = []string{literal(p)}, isDoc
			out = append(out, planned{walk: w, dir: true})
		default:
			return nil, notDocument(cfg, p)
		}
	}
	return out, nil
}

// loosePathspecs are the walk's pathspecs for every PRFAQ: the
// documents' globs without glob magic (config.DocumentPrefilter), which
// git matches 20-30% faster over 20,000 commits; the walk keeps only
// documents anyway. git runs at the root, so the "top" magic is dropped
// too: it keeps git from using a commit-graph's changed-path filters.
func loosePathspecs(cfg *config.Config) []string {
	var out []string
	for _, ps := range cfg.DocumentPrefilter() {
		if rest := strings.TrimPrefix(ps, ":(top)"); rest != "" && !strings.HasPrefix(rest, ":") {
			ps = rest
		}
		out = append(out, ps)
	}
	return out
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
		switch {
		case p.follow:
			lists[i], err = l.follow(ctx, p)
		case p.dir:
			if lists[i], err = l.collect(ctx, p.walk); err == nil {
				err = l.movedIn(ctx, lists[i])
			}
		default:
			if lists[i], err = l.collectSplit(ctx, p.walk); err == nil {
				err = pairRenames(ctx, l.repo, lists[i], l.shallow)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return lists, nil
}

// splitAbove: a first-parent line shorter than this is walked in one go;
// listing it costs about as much as splitting would save. (A variable for
// tests.)
var splitAbove = 2000

// collectSplit runs a walk over every PRFAQ, whose glob pathspecs make git
// diff every tree of every commit (about 2 s for 20,000 commits), as one
// walk per core over consecutive stretches of the first-parent line, and
// joins their commits, newest first.
func (l *logger) collectSplit(ctx context.Context, w walk) ([]*commit, error) {
	parts := min(runtime.GOMAXPROCS(0), 4)
	if w.allParents || w.exclude != "" || parts < 2 {
		return l.collect(ctx, w)
	}
	ids, err := l.repo.FirstParents(ctx, w.rev)
	if err != nil {
		return nil, fmt.Errorf("list the first-parent history: %w", err)
	}
	if len(ids) < splitAbove {
		return l.collect(ctx, w)
	}
	lists := make([][]*commit, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for i := range parts {
		part := w
		part.rev = ids[i*len(ids)/parts]
		if i+1 < parts {
			part.exclude = ids[(i+1)*len(ids)/parts]
		}
		wg.Add(1)
		go func() { defer wg.Done(); lists[i], errs[i] = l.collect(ctx, part) }()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return slices.Concat(lists...), nil
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
// filters and costs 1.3-1.4x a plain path-limited walk.
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
	adds := l.additions(seg, func(f fileDiff) bool { return f.Path == path })
	found, err := renameSources(ctx, l.repo, adds)
	if err != nil {
		return src, -1, err
	}
	for i, c := range seg { // newest first
		for _, a := range adds {
			if d, ok := found[a]; ok && a.c == c {
				c.Files[a.i] = d
				return d, i, nil
			}
		}
	}
	return src, -1, nil
}

// additions lists the files the commits added, where match, except at the
// cut of a shallow clone, which only looks like it added everything.
func (l *logger) additions(list []*commit, match func(fileDiff) bool) []added {
	var adds []added
	for _, c := range list {
		for i, f := range c.Files {
			if f.Status == 'A' && match(f) && !l.shallow[c.Hash] {
				adds = append(adds, added{c, i})
			}
		}
	}
	return adds
}

// movedIn turns each PRFAQ a directory's walk saw added into the rename
// it was, when it was moved in from outside the directory: the move then
// changes nothing, instead of adding every metric.
func (l *logger) movedIn(ctx context.Context, list []*commit) error {
	adds := l.additions(list, func(fileDiff) bool { return true })
	found, err := renameSources(ctx, l.repo, adds)
	if err != nil {
		return err
	}
	for _, d := range found {
		l.v.want(d.OldBlob)
	}
	mergeRenames(found)
	return nil
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
