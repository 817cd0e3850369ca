package scan

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/resultcache"
	"github.com/prfaq/git-prfaq/internal/safefile"
	"github.com/prfaq/git-prfaq/internal/untracked"
	"github.com/prfaq/git-prfaq/rule"
)

// Staged reads the PRFAQ documents added or changed in the index (what
// `git commit` would record), from the index, never the work tree, and
// each one's HEAD version when it has one (OldData), for comparisons. The
// staged diff names each side's blob, so one `git cat-file` reads both and
// the index is read only once.
func Staged(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config) ([]File, error) {
	files, _, err := StagedWithDeleted(ctx, repo, cfg)
	return files, err
}

// StagedWithDeleted is Staged, and also the PRFAQs the index deletes,
// each with its HEAD version in OldData (Data nil): a deleted PRFAQ has
// nothing to check, but every metric it had is removed. One diff-index and
// one cat-file serve both.
func StagedWithDeleted(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config) (files, deleted []File, err error) {
	changes, err := repo.StagedChanges(ctx, cfg.DocumentPrefilter()...)
	if err != nil {
		return nil, nil, err
	}
	var ids, newIDs []string
	for _, c := range changes {
		if c.Status == 'D' {
			if regularFile(c.OldMode) && cfg.IsDocument(c.Path) {
				deleted = append(deleted, File{OldPath: c.Path, OldBlob: c.OldBlob})
				ids = append(ids, c.OldBlob)
			}
			continue
		}
		if !regularFile(c.NewMode) || !cfg.IsDocument(c.Path) {
			continue
		}
		if c.Status == 'U' {
			return nil, nil, fmt.Errorf("%s: unmerged (merge conflict): resolve it and git add the file", c.Path)
		}
		f := File{Path: c.Path, OldPath: oldPath(c)}
		ids, newIDs = append(ids, c.NewBlob), append(newIDs, c.NewBlob)
		if f.OldPath != "" && regularFile(c.OldMode) {
			f.OldBlob = c.OldBlob
			ids = append(ids, c.OldBlob)
		}
		files = append(files, f)
	}
	if len(ids) == 0 {
		return nil, nil, ctxErr(ctx)
	}
	blobs, err := repo.ReadBlobs(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	for i, f := range files {
		files[i].Data = blobs[newIDs[i]]
		if f.OldBlob != "" {
			files[i].OldData = blobs[f.OldBlob]
		}
	}
	for i, f := range deleted {
		deleted[i].OldData = blobs[f.OldBlob]
	}
	return files, deleted, nil
}

// oldPath is where a changed file was before: "" for an addition or copy.
func oldPath(c gitcmd.Change) string {
	switch c.Status {
	case 'A', 'C':
		return ""
	case 'R':
		return c.OldPath
	}
	return c.Path
}

// Changed reads the PRFAQ documents that differ in the work tree from
// HEAD, untracked ones included, from the work tree.
func Changed(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config) ([]File, error) {
	changes, err := repo.WorktreeChanges(ctx, cfg.DocumentPrefilter()...)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, c := range changes {
		if c.Status != 'D' && cfg.IsDocument(c.Path) {
			paths = append(paths, c.Path)
		}
	}
	return readDisk(ctx, repo.Root, paths, cfg)
}

// WorkTree reads every PRFAQ document in the work tree that git tracks or
// would track (untracked but not ignored).
func WorkTree(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config) ([]File, error) {
	listed, err := repo.WorkTreeFiles(ctx, cfg.DocumentPathspecs()...)
	if err != nil {
		return nil, fmt.Errorf("list PRFAQ documents: %w", err)
	}
	var paths []string
	seen := map[string]bool{}
	for _, p := range listed {
		if !seen[p] && cfg.IsDocument(p) {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	files, err := readDisk(ctx, repo.Root, paths, cfg)
	// A tracked file deleted from the work tree is not there to list.
	kept := files[:0]
	for _, f := range files {
		if !errors.Is(f.Err, fs.ErrNotExist) {
			kept = append(kept, f)
		}
	}
	return kept, err
}

// literal makes a path a pathspec that matches only itself.
func literal(path string) string { return ":(top,literal)" + path }

// regularFile is true for blobs git stores as files (not symlinks 120000
// or submodules 160000).
func regularFile(mode string) bool { return gitcmd.Regular(mode) }

// readDisk reads root-relative slash paths from the file system,
// refusing files over the size limit before reading them.
func readDisk(ctx context.Context, root string, paths []string, cfg *config.Config) ([]File, error) {
	files := make([]File, 0, len(paths))
	for _, p := range paths {
		if err := ctxErr(ctx); err != nil {
			return files, err
		}
		files = append(files, readFile(root, filepath.Join(root, filepath.FromSlash(p)), p, cfg))
	}
	return files, nil
}

// readFile reads one document, rel from root when it lies inside root
// (abs when it does not: a file named outside any repository). A symbolic
// link at the file, a link on the way out of root, and anything but a
// regular file are refused with the reason and never read, so neither
// another file's contents nor a named pipe reach the check.
func readFile(root, abs, rel string, cfg *config.Config) File {
	f := File{Path: rel}
	var sizeErr error
	check := func(size int64) error {
		sizeErr = cfg.CheckSize(rel, size)
		return sizeErr
	}
	var err error
	if path.IsAbs(rel) || filepath.IsAbs(rel) {
		f.Data, err = safefile.ReadPath(abs, check, cfg.Documents.MaxBytes)
	} else {
		f.Data, err = safefile.ReadFile(root, rel, check, cfg.Documents.MaxBytes)
	}
	switch {
	case err == nil:
	case err == sizeErr:
		f.Err = err // names the file and the limit
	default:
		f.Err = fmt.Errorf("%s: %w", rel, err)
	}
	if f.Err != nil {
		f.Data = nil
	}
	return f
}

// unwrapPath drops the path from an *fs.PathError: the caller names the
// file already, relative to the repository.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// CheckWorkTree checks every PRFAQ document in the work tree that git
// tracks or would track (untracked but not ignored), sorted by path, as
// `git prfaq list` shows them. A tracked file whose stat data matches the
// index is known by the index's blob id, so a cached one is not even
// read; the others are read (and hashed, for the cache) by the checkers,
// on every core, as they are listed.
func CheckWorkTree(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, today time.Time, opts Options) ([]Result, []rule.Finding, error) {
	p := newChecks(cfg, today, opts, false)
	var early earlyResults
	var clean func([]gitcmd.WorkTreeFile)
	if opts.Cache != nil {
		clean = func(files []gitcmd.WorkTreeFile) { early.start(p, files) }
	}
	listed, err := repo.WorkTreeBlobsEarly(ctx, untrackedFunc(repo, cfg, opts.Cache), cfg.DocumentFilter(), clean, cfg.DocumentPrefilter()...)
	early.wait()
	if err != nil {
		return nil, nil, fmt.Errorf("list PRFAQ documents: %w", err)
	}
	var docs []gitcmd.WorkTreeFile
	for _, f := range listed {
		if cfg.IsDocument(f.Path) {
			docs = append(docs, f)
		}
	}
	if len(docs) == 0 {
		return []Result{}, nil, nil
	}
	p.start(len(docs))
	for i, f := range docs {
		if err := ctxErr(ctx); err != nil {
			p.wait()
			return nil, nil, err
		}
		if r, ok := early.result(f); ok {
			p.results[i] = r
			continue
		}
		read := func() File {
			return readFile(repo.Root, filepath.Join(repo.Root, filepath.FromSlash(f.Path)), f.Path, cfg)
		}
		p.add(job{i: i, f: File{Path: f.Path}, blob: f.Blob, read: read})
	}
	results, findings := dropMissing(p.wait())
	return results, findings, nil
}

// earlyResults are the cached results of the tracked documents, looked up
// by their index blob ids while their stat data is checked and the
// untracked ones are listed (most of a warm list's time is that listing;
// docs/performance.md); a result is used only for a file listed with the
// same id, one found unmodified.
type earlyResults struct {
	wg      sync.WaitGroup
	files   []gitcmd.WorkTreeFile
	results []Result
	ok      []bool
	next    int // result's place in files
}

// start looks up files' results on every core; wait waits for them.
func (e *earlyResults) start(p *pool, files []gitcmd.WorkTreeFile) {
	var docs []gitcmd.WorkTreeFile
	for _, f := range files {
		if p.cfg.IsDocument(f.Path) {
			docs = append(docs, f)
		}
	}
	e.files, e.results, e.ok = docs, make([]Result, len(docs)), make([]bool, len(docs))
	workers := min(runtime.GOMAXPROCS(0), max(len(docs), 1))
	for w := range workers {
		e.wg.Add(1)
		go func() {
			defer e.wg.Done()
			for i := w; i < len(docs); i += workers {
				e.results[i], e.ok[i] = p.cached(docs[i].Path, docs[i].Blob)
			}
		}()
	}
}

func (e *earlyResults) wait() { e.wg.Wait() }

// result is f's result looked up early, if it was with f's blob id. It
// is asked in path order, the order of the files looked up (both sorted
// as the index is), so a cursor finds each without a map of 10,000
// paths; out of order, it misses, and the document is looked up then.
func (e *earlyResults) result(f gitcmd.WorkTreeFile) (Result, bool) {
	for e.next < len(e.files) && e.files[e.next].Path < f.Path {
		e.next++
	}
	i := e.next
	if i == len(e.files) || e.files[i].Path != f.Path || !e.ok[i] || f.Blob == "" || e.files[i].Blob != f.Blob {
		return Result{}, false
	}
	return e.results[i], true
}

// untrackedFunc lists the untracked documents from the snapshot the cache
// keeps of the work tree (package untracked), asking git only about the
// directories that changed; nil (git lists them all) without a cache.
// The snapshot is read from its own file at once, so the directories are
// checked while the index and the pack load.
func untrackedFunc(repo *gitcmd.Repo, cfg *config.Config, cache *resultcache.Cache) gitcmd.UntrackedFunc {
	if cache == nil {
		return nil
	}
	return func(ctx context.Context, index func() ([]gitcmd.Entry, error)) ([]string, error) {
		snap := cache.Snapshot(repo.Root)
		l := &untracked.Lister{Root: repo.Root, Keep: cfg.IsDocument,
			// git config runs (when it must) while the directories' times
			// are checked.
			SourcesFrom: func(memo []byte) ([]string, []byte, error) { return repo.IgnoreSources(ctx, memo) },
			Query: func(ctx context.Context, dirs []string) ([]string, error) {
				if dirs == nil {
					return repo.Untracked(ctx, cfg.DocumentPrefilter()...)
				}
				return repo.UntrackedIn(ctx, dirs)
			},
			TrackedLater: func() ([]string, error) {
				entries, err := index()
				var docs []string
				for _, e := range entries {
					if cfg.IsDocument(e.Path) {
						docs = append(docs, e.Path)
					}
				}
				return docs, err
			}}
		found, next, err := l.List(ctx, snap.Data())
		if err != nil {
			// The snapshot is an optimisation: git answers instead.
			return repo.Untracked(ctx, cfg.DocumentPrefilter()...)
		}
		_ = snap.Save(next) // only when it changed; a failure costs the next run a full listing
		return found, nil
	}
}
