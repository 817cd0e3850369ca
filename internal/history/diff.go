package history

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/resultcache"
	"github.com/prfaq/git-prfaq/internal/safefile"
	"github.com/prfaq/git-prfaq/prfaq"
)

// Pair is one PRFAQ in two states and what changed in its metrics.
type Pair struct {
	// OldPath is the document's path in the older state, "" when it was
	// added; Path its path in the newer state, "" when it was deleted.
	OldPath, Path string
	Old, New      *prfaq.Document // nil where the document does not exist
	Changes       []change.Change
}

// File is the path changes are reported under: the newer one, or the
// older for a deleted document.
func (p Pair) File() string { return or(p.Path, p.OldPath) }

// Diff lists the changes to the success metrics between two states: the
// commits from and to, or from and the work tree when to is "" (from ""
// is HEAD). Changes in the work tree have no commit. paths, slash paths
// relative to the root, limit the comparison to those PRFAQs (files or
// directories); a path that is neither is an error.
func Diff(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, from, to string, paths []string) ([]change.Change, error) {
	pairs, err := DiffPairs(ctx, repo, cfg, from, to, paths, DiffOptions{})
	if err != nil {
		return nil, err
	}
	var out []change.Change
	for _, p := range pairs {
		out = append(out, p.Changes...)
	}
	return out, nil
}

// DiffOptions are DiffPairs' options.
type DiffOptions struct {
	// Prose makes Old and New whole documents, for ProseDiff (diff
	// --prose); otherwise they hold only the status and the metrics
	// table, so that a diff over thousands of PRFAQs holds no prose.
	Prose bool
	// Cache, when not nil, is the result cache's pack of slim versions
	// (resultcache.OpenKind with CacheKind): versions it holds are not
	// read from git, and the others are added (not with Prose). The
	// caller saves it.
	Cache *resultcache.Cache
}

// DiffPairs is Diff with both versions of each PRFAQ that differs. Every
// PRFAQ whose bytes differ is listed, even with no metric change.
func DiffPairs(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, from, to string, paths []string, opts DiffOptions) ([]Pair, error) {
	sel, err := selection(repo, cfg, paths)
	if err != nil {
		return nil, err
	}
	older, newer, err := resolveStates(ctx, repo, from, to)
	if err != nil {
		return nil, err
	}
	diffs, err := stateDiff(ctx, repo, cfg, older, newer)
	if err != nil {
		return nil, err
	}
	diffs = slices.DeleteFunc(diffs, func(d fileDiff) bool { return !sel(d) })
	pairs, err := readPairs(ctx, repo, cfg, diffs, newer == "", opts.Prose, opts.Cache)
	if err != nil {
		return nil, err
	}
	// The merge gate's judgement (judge.go), so that diff A B says what
	// check --range A..B says.
	if err := Judge(ctx, repo, cfg, older, pairs); err != nil {
		return nil, err
	}
	for i := range pairs {
		for j := range pairs[i].Changes {
			pairs[i].Changes[j].Commit = newer
		}
	}
	if newer != "" {
		exclude := older
		if older == repo.EmptyTree() {
			exclude = ""
		}
		if err := Acknowledge(ctx, repo, cfg, exclude, newer, pairs); err != nil {
			return nil, err
		}
	}
	return pairs, nil
}

// selection says which records the given paths keep: all PRFAQs when
// none is given, else those at or under a path on either side.
func selection(repo *gitcmd.Repo, cfg *config.Config, paths []string) (func(fileDiff) bool, error) {
	isDoc := func(d fileDiff) bool { return cfg.IsDocument(d.Path) || d.OldPath != "" && cfg.IsDocument(d.OldPath) }
	if len(paths) == 0 {
		return isDoc, nil
	}
	var files, dirs []string
	for _, p := range paths {
		p = cleanPath(p)
		switch {
		case cfg.IsDocument(p):
			files = append(files, p)
		case p == ".":
			dirs = append(dirs, "")
		case isDir(repo, p):
			dirs = append(dirs, p+"/")
		default:
			return nil, notDocument(cfg, p)
		}
	}
	named := func(path string) bool {
		return path != "" && (slices.Contains(files, path) || slices.ContainsFunc(dirs, func(d string) bool { return strings.HasPrefix(path, d) }))
	}
	return func(d fileDiff) bool { return isDoc(d) && (named(d.Path) || named(d.OldPath)) }, nil
}

// resolveStates turns the revisions into commit ids: older defaults to
// HEAD (the empty tree before the first commit), newer "" stays the work
// tree.
func resolveStates(ctx context.Context, repo *gitcmd.Repo, from, to string) (older, newer string, err error) {
	switch {
	case from == "" && repo.Head == "":
		older = repo.EmptyTree()
	case from == "":
		older = repo.Head
	default:
		if older, err = repo.ResolveCommit(ctx, from); err != nil {
			return "", "", err
		}
	}
	if to != "" {
		if newer, err = repo.ResolveCommit(ctx, to); err != nil {
			return "", "", err
		}
	}
	return older, newer, nil
}

// stateDiff lists the PRFAQs that differ between the commit (or tree)
// older and the commit newer, or the work tree when newer is "", with
// renames among PRFAQs paired, sorted by path.
func stateDiff(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, older, newer string) ([]fileDiff, error) {
	if newer != "" {
		return treeDiff(ctx, repo, cfg, older, newer)
	}
	// Every tracked file compared with the work tree; untracked PRFAQs
	// are new.
	changes, err := repo.DiffWorkTree(ctx, older, cfg.DocumentPathspecs()...)
	if err != nil {
		return nil, err
	}
	diffs := make([]fileDiff, len(changes))
	for i, c := range changes {
		diffs[i] = documentSides(blobIDs(c))
	}
	if diffs, err = withUntracked(ctx, repo, cfg, diffs); err != nil {
		return nil, err
	}
	slices.SortStableFunc(diffs, func(a, b fileDiff) int { return strings.Compare(a.Path, b.Path) })
	return diffs, nil
}

// treeDiff compares two commits through gitcmd.DiffTrees, whose result
// the merge gate shares, with the prefilter pathspecs (faster than glob
// magic; the caller keeps only documents).
func treeDiff(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, older, newer string) ([]fileDiff, error) {
	changes, err := repo.DiffTrees(ctx, older, newer, cfg.DocumentPrefilter()...)
	if err != nil {
		return nil, fmt.Errorf("compare PRFAQs: %w", err)
	}
	diffs := make([]fileDiff, len(changes))
	for i, c := range changes {
		diffs[i] = documentSides(blobIDs(c))
	}
	slices.SortStableFunc(diffs, func(a, b fileDiff) int { return strings.Compare(a.Path, b.Path) })
	return diffs, nil
}

// withUntracked adds the untracked PRFAQs as new files.
func withUntracked(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, diffs []fileDiff) ([]fileDiff, error) {
	paths, err := repo.Untracked(ctx, cfg.DocumentPathspecs()...)
	if err != nil {
		return nil, fmt.Errorf("list untracked PRFAQs: %w", err)
	}
	for _, p := range paths {
		diffs = append(diffs, fileDiff{Status: 'A', OldMode: "000000", NewMode: "100644", Path: p})
	}
	return diffs, nil
}

// readPairs reads and parses both sides of each record: older sides from
// git, newer sides from git or, for the work tree, from disk.
func readPairs(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, diffs []fileDiff, workTree, full bool, cache *resultcache.Cache) ([]Pair, error) {
	var ids []string
	for _, d := range diffs {
		ids = append(ids, d.OldBlob)
		if !workTree {
			ids = append(ids, d.NewBlob)
		}
	}
	docs, err := parseBlobs(ctx, repo, cfg, ids, full, cache)
	if err != nil {
		return nil, err
	}
	pairs := make([]Pair, len(diffs))
	for i, d := range diffs {
		p := Pair{Path: d.Path, Old: docs[d.OldBlob], New: docs[d.NewBlob]}
		if d.OldBlob != "" || d.Status != 'A' {
			p.OldPath = or(d.OldPath, d.Path)
		}
		if d.Status == 'D' {
			p.Path = ""
		} else if workTree && regular(d.NewMode) {
			// A symbolic link or submodule in the work tree is no
			// document, as in a commit.
			if p.New, err = readWorkTree(repo, cfg, d.Path, full); err != nil {
				return nil, err
			}
		}
		pairs[i] = p
	}
	return pairs, nil
}

// readWorkTree parses a PRFAQ from disk; one deleted meanwhile is absent.
// It never follows a symbolic link at the file or out of the work tree,
// nor opens anything but a regular file (see safefile), and refuses a
// file over the size limit before reading it.
func readWorkTree(repo *gitcmd.Repo, cfg *config.Config, path string, full bool) (*prfaq.Document, error) {
	var sizeErr error
	data, err := safefile.ReadFile(repo.Root, path, func(size int64) error {
		sizeErr = cfg.CheckSize(path, size)
		return sizeErr
	}, cfg.Documents.MaxBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil && err == sizeErr:
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	parser := prfaq.NewParser(cfg.Spec())
	if !full {
		doc, err := parser.ParseMetrics(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return slim(doc), nil
	}
	doc, err := parser.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, nil
}

// parseBlobs reads the distinct blobs through the walk's pipeline
// (versions: one `git cat-file --batch`, each blob parsed on every core as
// it streams in and then dropped, never all of them held at once).
// "" and unreadable versions map to nil. full keeps whole documents, for
// callers that read more than the metrics (diff --prose); otherwise each
// is slim.
func parseBlobs(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, ids []string, full bool, cache *resultcache.Cache) (map[string]*prfaq.Document, error) {
	if !slices.ContainsFunc(ids, func(id string) bool { return id != "" }) {
		return map[string]*prfaq.Document{}, nil // nothing to read: no git process
	}
	v := newVersionsOf(ctx, repo, cfg, full, cache)
	for _, id := range ids {
		v.want(id)
	}
	if err := v.finish(); err != nil {
		return nil, err
	}
	return v.all(), nil
}

// parseVersion reads one version; a version that is not text or is over
// the size limit cannot hold metrics anyone reads, so it counts as none.
func parseVersion(parser *prfaq.Parser, cfg *config.Config, id string, data []byte) *prfaq.Document {
	if data == nil || cfg.CheckSize(id, int64(len(data))) != nil {
		return nil
	}
	doc, err := parser.Parse(data)
	if err != nil {
		return nil
	}
	return doc
}
