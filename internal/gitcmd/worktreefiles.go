package gitcmd

import (
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"slices"
	"strconv"
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

// WorkTreeBlobs lists the files matching pathspecs that git tracks or
// would track (untracked and not ignored), sorted by path, each with its
// blob id when it is known without reading the file. Three git processes
// run at once: `ls-files -s` (the index's ids), `diff-files --name-only`
// (which tracked files differ from their index entry; git compares stat
// data, and the content of a racily clean entry) and `ls-files --others`.
func (r *Repo) WorkTreeBlobs(ctx context.Context, pathspecs ...string) ([]WorkTreeFile, error) {
	if err := r.needWorkTree(); err != nil {
		return nil, fmt.Errorf("list work tree: %w", err)
	}
	var index []Entry
	var dirty, untracked []string
	err := parallel(
		func() (err error) { index, err = r.LsFiles(ctx, pathspecs...); return err },
		func() error {
			out, err := r.git(ctx, withPathspecs([]string{"diff-files", "-z", "--name-only"}, pathspecs)...)
			dirty = splitZ(out)
			return err
		},
		func() (err error) { untracked, err = r.Untracked(ctx, pathspecs...); return err },
	)
	if err != nil {
		return nil, fmt.Errorf("list work tree: %w", err)
	}
	return mergeWorkTree(index, dirty, untracked), nil
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
