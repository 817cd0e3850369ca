package gitcmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MergeHeads are the commits a merge in progress brings (the MERGE_HEAD
// file of this worktree, one per line; several for an octopus), or none
// when no merge is in progress. It reads the file, starting no process:
// the pre-commit hook asks on every commit.
func (r *Repo) MergeHeads() ([]string, error) {
	if r.GitDir == "" {
		return nil, nil
	}
	data, err := os.ReadFile(filepath.Join(r.GitDir, "MERGE_HEAD"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the merge in progress: %w", err)
	}
	var heads []string
	for _, id := range strings.Fields(string(data)) {
		if !isObjectID(id) {
			return nil, fmt.Errorf("read the merge in progress: %s holds %q, not a commit id", filepath.Join(r.GitDir, "MERGE_HEAD"), id)
		}
		heads = append(heads, id)
	}
	return heads, nil
}
