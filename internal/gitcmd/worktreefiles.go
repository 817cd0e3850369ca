package gitcmd

import (
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// WorkTreeFile is a file git tracks or would track in the work tree.
type WorkTreeFile struct {
	Path string
	// Blob is the index's object id when the file in the work tree still
	// holds it by git's own stat check (git diff-files, racy-git rules
	// included); "" when the file must be read: modified, untracked,
	// unmerged, deleted or not a regular file.
	Blob string
}

// UntrackedFunc lists the untracked files matching pathspecs; index
// waits for the index entries matching them, which are read meanwhile.
// nil is `git ls-files --others`.
type UntrackedFunc func(ctx context.Context, index func() ([]Entry, error)) ([]string, error)

// WorkTreeBlobs lists the files matching pathspecs that git tracks or
// would track (untracked and not ignored), sorted by path, each with its
// blob id when it is known without reading the file. Git processes run
// at once: `ls-files -s` (the index's ids), `diff-files --name-only`
// (which tracked files differ from their index entry; git compares stat
// data, and the content of a racily clean entry; on Unix this process
// compares them itself, more strictly) and, when untracked is nil,
// `ls-files --others`; otherwise untracked lists them, alongside.
//
// On Unix the index file is read in-process (readIndex) when keep is not
// nil: keep then selects the tracked paths instead of pathspecs, so it
// must accept every path the caller keeps of those pathspecs' matches
// (it is given the index's bytes, and must not keep them);
// an index it cannot read (split or sparse index, another version,
// damage) is left to `ls-files -s --debug`.
func (r *Repo) WorkTreeBlobs(ctx context.Context, untracked UntrackedFunc, keep func(path []byte) bool, pathspecs ...string) ([]WorkTreeFile, error) {
	return r.WorkTreeBlobsEarly(ctx, untracked, keep, nil, pathspecs...)
}

// WorkTreeBlobsEarly is WorkTreeBlobs that also gives clean, as soon as
// the index has been read and while the tracked files' stat data is
// checked and the untracked ones are listed, the tracked files that may
// be listed with their blob ids (merged, regular), with those ids, in the
// index's order: their results can be looked up meanwhile. A file found
// modified since is listed without its id, so a caller keeps what it
// looked up only for a file listed with the same id. clean is called at
// most once (never when git compares stat data instead), from another
// goroutine, and must not block for long.
func (r *Repo) WorkTreeBlobsEarly(ctx context.Context, untracked UntrackedFunc, keep func(path []byte) bool, clean func([]WorkTreeFile), pathspecs ...string) ([]WorkTreeFile, error) {
	if err := r.needWorkTree(); err != nil {
		return nil, fmt.Errorf("list work tree: %w", err)
	}
	// With the index's stat data, lstat here replaces diff-files; not
	// with another index (GIT_INDEX_FILE), whose time says nothing.
	byStat := inProcessSupported && os.Getenv("GIT_INDEX_FILE") == ""
	var index []Entry
	var stats []statData
	var indexTime time.Time
	var dirty, others []string
	indexRead := make(chan struct{})
	var indexErr error
	var cleanIdx []bool
	listIndex := func() error {
		if byStat && keep != nil {
			idx, err := readIndex(filepath.Join(r.GitDir, "index"), r.ObjectFormat, keep)
			if err == nil {
				index, stats, indexTime = idx.entries, idx.stats, idx.modTime
				return nil
			}
		}
		if byStat {
			index, stats, indexErr = r.lsFilesStat(ctx, pathspecs)
			if indexErr == nil {
				// The index's time after git read it: a later write
				// makes more entries racy, never fewer.
				// Without it (zero), every entry counts as racy.
				if info, err := os.Stat(filepath.Join(r.GitDir, "index")); err == nil {
					indexTime = info.ModTime()
				}
				return nil
			}
			// Output this parser does not know (another git): ask
			// git which files changed instead.
			byStat = false
			out, err := r.git(ctx, withPathspecs([]string{"diff-files", "-z", "--name-only"}, pathspecs)...)
			if err != nil {
				indexErr = err
				return err
			}
			dirty = splitZ(out)
		}
		index, indexErr = r.LsFiles(ctx, pathspecs...)
		return indexErr
	}
	fns := []func() error{
		func() error {
			err := listIndex()
			close(indexRead)
			// lstat the tracked files while the untracked ones are
			// listed: both wait on the file system.
			if err == nil && byStat {
				if clean != nil {
					// Before the stat check, not after: at 10,000 PRFAQs
					// the lookups then end with the listing, not 15-40 ms
					// after it (docs/performance.md).
					clean(cleanFiles(index, nil))
				}
				cleanIdx = r.cleanByStat(index, stats, indexTime)
			}
			return err
		},
	}
	if untracked != nil {
		fns = append(fns, func() (err error) {
			others, err = untracked(ctx, func() ([]Entry, error) { <-indexRead; return index, indexErr })
			return err
		})
	}
	if !byStat {
		fns = append(fns, func() error {
			out, err := r.git(ctx, withPathspecs([]string{"diff-files", "-z", "--name-only"}, pathspecs)...)
			dirty = splitZ(out)
			return err
		})
	}
	if untracked == nil {
		fns = append(fns, func() (err error) { others, err = r.Untracked(ctx, pathspecs...); return err })
	}
	if err := parallel(fns...); err != nil {
		return nil, fmt.Errorf("list work tree: %w", err)
	}
	if byStat {
		for i, e := range index {
			if !cleanIdx[i] {
				dirty = append(dirty, e.Path)
			}
		}
	}
	return mergeWorkTree(index, dirty, others), nil
}

// cleanFiles are the entries of index that mergeWorkTree will give their
// blob id whatever the untracked files: stat-clean, at stage 0 (no other
// stage of the path), regular; with clean nil (stat data not checked
// yet), those that will be unless modified.
func cleanFiles(index []Entry, clean []bool) []WorkTreeFile {
	var files []WorkTreeFile
	for i, e := range index {
		unmerged := i > 0 && index[i-1].Path == e.Path || i+1 < len(index) && index[i+1].Path == e.Path
		if (clean == nil || clean[i]) && e.Stage == 0 && Regular(e.Mode) && !unmerged {
			files = append(files, WorkTreeFile{Path: e.Path, Blob: e.Blob})
		}
	}
	return files
}

// UntrackedIn lists the untracked, not ignored files under dirs (slash
// paths from the root, "" for all of it), every file there whatever its
// name.
func (r *Repo) UntrackedIn(ctx context.Context, dirs []string) ([]string, error) {
	specs := make([]string, 0, len(dirs))
	for _, d := range dirs {
		if d == "" {
			specs = append(specs, ":(top)")
			continue
		}
		specs = append(specs, ":(top,literal)"+d)
	}
	return r.Untracked(ctx, specs...)
}

// mergeWorkTree is one file per path of index and untracked, with the
// index's id for a clean, merged, regular file.
func mergeWorkTree(index []Entry, dirty, untracked []string) []WorkTreeFile {
	modified := make(map[string]bool, len(dirty))
	for _, p := range dirty {
		modified[p] = true
	}
	files := make([]WorkTreeFile, 0, len(index)+len(untracked))
	seen := make(map[string]bool, len(index))
	for _, e := range index {
		if seen[e.Path] {
			files[len(files)-1].Blob = "" // unmerged: another stage
			continue
		}
		seen[e.Path] = true
		f := WorkTreeFile{Path: e.Path}
		if e.Stage == 0 && Regular(e.Mode) && !modified[e.Path] {
			f.Blob = e.Blob
		}
		files = append(files, f)
	}
	for _, p := range untracked {
		if !seen[p] {
			seen[p] = true
			files = append(files, WorkTreeFile{Path: p})
		}
	}
	slices.SortFunc(files, func(a, b WorkTreeFile) int { return cmpString(a.Path, b.Path) })
	return files
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// HashBlob is the object id git gives data as a blob (`git hash-object`),
// in the repository's object format, computed in-process.
func (r *Repo) HashBlob(data []byte) string {
	var h hash.Hash
	if r.ObjectFormat == "sha256" {
		h = sha256.New()
	} else {
		h = sha1.New()
	}
	h.Write([]byte("blob " + strconv.Itoa(len(data)) + "\x00"))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}
