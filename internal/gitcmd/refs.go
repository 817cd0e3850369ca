package gitcmd

import (
	"context"
	"strings"
)

// HasRefs reports whether the repository has any ref at all: an empty
// repository (a server before its first push) has none.
func (r *Repo) HasRefs(ctx context.Context) (bool, error) {
	out, err := r.git(ctx, "for-each-ref", "--count=1", "--format=%(refname)")
	if err != nil {
		return false, err
	}
	return strings.TrimSpace(string(out)) != "", nil
}
