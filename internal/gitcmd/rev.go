package gitcmd

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// ErrUnknownRevision is wrapped by ResolveCommit's error for a revision
// that does not name a commit.
var ErrUnknownRevision = errors.New("not a commit in this repository")

// MissingHistoryError is a revision a shallow clone cannot resolve because
// its history was cut, or two revisions whose merge base lies beyond the cut.
type MissingHistoryError struct {
	Rev   string
	Other string // the second revision of MergeBase, else ""
}

const fetchMore = "fetch more history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)"

func (e *MissingHistoryError) Error() string {
	if e.Other != "" {
		return fmt.Sprintf("no merge base of %q and %q in this shallow clone: %s", e.Rev, e.Other, fetchMore)
	}
	return fmt.Sprintf("revision %q is not in this shallow clone: %s", e.Rev, fetchMore)
}

// ResolveCommit returns the full id of the commit rev names.
func (r *Repo) ResolveCommit(ctx context.Context, rev string) (string, error) {
	if id, ok := r.knownCommit(rev); ok {
		return id, nil
	}
	id, ok, err := r.verifyCommit(ctx, rev)
	if err != nil {
		return "", fmt.Errorf("resolve %q: %w", rev, err)
	}
	if ok {
		if r.commits != nil {
			r.commits.Store(id, true)
		}
		return id, nil
	}
	if r.Shallow && r.cutByShallow(ctx, rev) {
		return "", &MissingHistoryError{Rev: rev}
	}
	return "", fmt.Errorf("unknown revision %q: %w", rev, ErrUnknownRevision)
}

// knownCommit answers ResolveCommit without git for HEAD, which Open
// resolved, and for an id ResolveCommit returned before: a range's ends
// are resolved by the command, then again by the gate and the history
// reader (one `git rev-parse` each, 3 of check --range's 14 processes).
func (r *Repo) knownCommit(rev string) (string, bool) {
	if r.commits == nil {
		return "", false
	}
	if r.Head != "" && (rev == "HEAD" || rev == r.Head) {
		return r.Head, true
	}
	if _, ok := r.commits.Load(rev); ok {
		return rev, true
	}
	return "", false
}

// verifyCommit resolves rev to a commit id; ok is false when it does not
// name one (rev-parse -q --verify exits 1 without a message).
func (r *Repo) verifyCommit(ctx context.Context, rev string) (id string, ok bool, err error) {
	if err := checkRev(rev); err != nil {
		return "", false, err
	}
	out, err := r.run.Run(ctx, "rev-parse", "-q", "--verify", "--end-of-options", rev+"^{commit}")
	var ge *Error
	if errors.As(err, &ge) && ge.ExitCode == 1 {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return strings.TrimSpace(string(out)), true, nil
}

// ancestry matches trailing navigation: ~N, ^N, ^{type}, ^{/text}. It
// is compiled on first use, not at every start (the hooks' included).
var ancestry = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(~[0-9]*|\^[0-9]*|\^\{[^}]*\})+$`)
})

// isHexID reports whether s is a full or abbreviated object id: 4 to 64
// hex digits.
func isHexID(s string) bool {
	if len(s) < 4 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// cutByShallow guesses whether rev fails to resolve in a shallow clone
// because of the cut: it is an object id git does not have, or it walks
// (~N, ^N) from a commit that exists into missing history. An unknown
// name (a typo, a branch that was not fetched) is not.
func (r *Repo) cutByShallow(ctx context.Context, rev string) bool {
	base := ancestry().ReplaceAllString(rev, "")
	if isHexID(base) {
		_, ok, _ := r.verifyCommit(ctx, base)
		return !ok || base != rev
	}
	if base == rev || base == "" {
		return false
	}
	_, ok, _ := r.verifyCommit(ctx, base)
	return ok
}

// MergeBase returns the best common ancestor of the commits a and b.
func (r *Repo) MergeBase(ctx context.Context, a, b string) (string, error) {
	if err := errors.Join(checkRev(a), checkRev(b)); err != nil {
		return "", fmt.Errorf("merge base: %w", err)
	}
	out, err := r.run.Run(ctx, "merge-base", a, b)
	if err == nil {
		return strings.TrimSpace(string(out)), nil
	}
	var ge *Error
	if errors.As(err, &ge) && ge.ExitCode == 1 && ge.Stderr == "" {
		if r.Shallow {
			return "", &MissingHistoryError{Rev: a, Other: b}
		}
		return "", fmt.Errorf("no merge base of %q and %q: their histories are unrelated", a, b)
	}
	// Most likely a bad revision: say which one, as ResolveCommit would.
	for _, rev := range []string{a, b} {
		if _, rerr := r.ResolveCommit(ctx, rev); rerr != nil {
			return "", fmt.Errorf("merge base: %w", rerr)
		}
	}
	return "", fmt.Errorf("merge base of %q and %q: %w", a, b, err)
}
