// Package hook installs, removes and reports git-prfaq's git hooks.
//
// An installed hook is a small POSIX sh script that calls
// `git-prfaq hook run <hook> "$@"` (what that checks is the run side's
// business, not this package's). The scripts go where git really runs hooks
// from (see Dir). A hook file git-prfaq did not write byte for byte (its
// own script changed by hand included) is never overwritten: it is kept as
// <hook>.prfaq-kept, and the script runs it first with the same arguments
// and standard input, or, when that name is taken, saved as a numbered
// <hook>.prfaq-kept.N; Uninstall puts the kept hook back. Install and
// Uninstall hold a lock on the hooks directory (LockName). When a hook
// manager (the pre-commit framework, lefthook, husky) owns the hooks,
// Install writes nothing and returns a *ManagedError carrying the lines to
// add to that manager's configuration instead.
//
// Hooks are not a Windows target; the package compiles there but its
// scripts assume a POSIX sh.
package hook

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// spec is what the package knows of one hook.
type spec struct {
	name string
	// stdin: git writes ref lines to the hook's standard input, which the
	// script must hand to both the kept hook and git-prfaq.
	stdin bool
	// server: it runs in the repository receiving a push, so it is installed
	// by default only in a bare repository.
	server bool
	// bypass is how a user skips the hook once, for the message shown when
	// git-prfaq is missing; "" when the pusher cannot skip it.
	bypass string
}

// specs are in the order Names reports them: the order git runs them in
// when a commit is made and then pushed.
var specs = []spec{
	{name: "pre-commit", bypass: "git commit --no-verify"},
	{name: "commit-msg", bypass: "git commit --no-verify"},
	{name: "pre-merge-commit", bypass: "git merge --no-verify"},
	{name: "pre-push", stdin: true, bypass: "git push --no-verify"},
	{name: "pre-receive", stdin: true, server: true},
}

// Names returns every hook git-prfaq knows, in order.
func Names() []string {
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.name
	}
	return names
}

// DefaultHooks is the set Install uses when given none: the client hooks
// in a repository with a work tree; only pre-receive in a bare one, where
// nobody commits and the pushes to check arrive.
func DefaultHooks(repo *gitcmd.Repo) []string {
	var names []string
	for _, s := range specs {
		if s.server == repo.Bare {
			names = append(names, s.name)
		}
	}
	return names
}

func lookup(name string) (spec, bool) {
	for _, s := range specs {
		if s.name == name {
			return s, true
		}
	}
	return spec{}, false
}

// ErrUnknownHook is wrapped by the error for a hook name git-prfaq does not
// install.
var ErrUnknownHook = errors.New("unknown hook")

// selectHooks checks names (nil means def) and returns them in Names order
// without duplicates, so results always read in the same order.
func selectHooks(names, def []string) ([]spec, error) {
	if names == nil {
		names = def
	}
	var bad []string
	for _, n := range names {
		if _, ok := lookup(n); !ok {
			bad = append(bad, fmt.Sprintf("%q", n))
		}
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("%w %s: git-prfaq's hooks are %s", ErrUnknownHook, strings.Join(bad, ", "), strings.Join(Names(), ", "))
	}
	var out []spec
	for _, s := range specs {
		if slices.Contains(names, s.name) {
			out = append(out, s)
		}
	}
	return out, nil
}

// Dir returns the directory git runs hooks from: core.hooksPath when set
// (git expands "~"; a relative value is relative to the top of the current
// work tree, or to the git directory in a bare repository, which is where
// git runs hooks), else the hooks directory of the common git directory,
// which all linked worktrees share (git never looks in
// .git/worktrees/NAME/hooks).
func Dir(ctx context.Context, repo *gitcmd.Repo) (string, error) {
	dir, ok, err := repo.ConfigGetPath(ctx, "core.hooksPath")
	if err != nil {
		return "", fmt.Errorf("find the hooks directory: %w", err)
	}
	if !ok {
		return filepath.Join(repo.CommonDir, "hooks"), nil
	}
	if dir == "" {
		// git (2.39) then looks for "/pre-commit": never what was meant,
		// and no place to write.
		return "", errors.New("core.hooksPath is set but empty, so git looks for hooks in the filesystem root: unset it (git config --unset core.hooksPath) or set it to a directory")
	}
	return filepath.Clean(dir), nil
}
