package gitcmd

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
)

// ErrNotRepository is wrapped by Open's error when dir is not inside a
// git repository.
var ErrNotRepository = errors.New("not a git repository (or any parent): run git init or cd into a repository")

// ErrNoWorkTree is returned by queries that need a work tree (a bare
// repository, or Open run inside a .git directory, has none).
var ErrNoWorkTree = errors.New("this repository has no work tree")

// Empty tree ids: git knows the empty tree without storing it, and a
// repository with no commits yet diffs its index against it.
const (
	emptyTreeSHA1   = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
	emptyTreeSHA256 = "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321"
)

// Repo is a repository found by Open. Its fields describe the repository
// as it was when Open ran; the query methods run git at Root (at GitDir
// when there is no work tree).
type Repo struct {
	Root         string // top of the work tree; "" for a bare repository
	GitDir       string // absolute; .git/worktrees/NAME in a linked worktree
	CommonDir    string // absolute; the main .git shared by all worktrees
	Bare         bool
	Shallow      bool
	ObjectFormat string // "sha1" or "sha256"
	Head         string // commit id of HEAD; "" when there are no commits yet

	run Runner // Dir set to Root, or GitDir without a work tree

	// diffs remembers DiffTrees results between two commit ids: commits
	// never change, and the merge gate and the history reader both ask
	// for the same range (70 ms each on a 100k-file tree).
	diffs *sync.Map // string -> []Change; nil when not made by Open
	// commits holds the ids ResolveCommit found to be commits.
	commits *sync.Map // string -> true; nil when not made by Open
}

// Open finds the repository containing dir ("" means the cwd) using the
// zero Runner.
func Open(ctx context.Context, dir string) (*Repo, error) {
	var r Runner
	return r.Open(ctx, dir)
}

// openFlags are asked of `git rev-parse` in this order; each prints one
// line. The booleans come first so that a failure at --show-toplevel (a
// bare repository has no work tree) can be recognised from them.
var openFlags = []string{
	"--is-bare-repository",
	"--is-inside-work-tree",
	"--is-shallow-repository",
	"--show-object-format",
	"--absolute-git-dir",
	"--path-format=absolute", // applies to --git-common-dir and --show-toplevel
	"--git-common-dir",
}

// Open finds the repository containing dir with one `git rev-parse` (two in
// a bare repository) and records where it is and what HEAD is. In the work
// tree of a plain repository it reads the same in-process instead (see
// gogit.go), which saves the hooks a git process.
func (r *Runner) Open(ctx context.Context, dir string) (*Repo, error) {
	run := *r
	run.Dir = dir
	if ctx.Err() == nil {
		if repo, ok := run.openInProcess(dir); ok {
			return repo.withRunner(run), nil
		}
	}
	return run.openGit(ctx, dir)
}

// openGit is Open with `git rev-parse`; run.Dir is dir.
func (run Runner) openGit(ctx context.Context, dir string) (*Repo, error) {
	// --verify -q HEAD^{commit} prints HEAD's id last, or exits 1 with the
	// other lines intact when there are no commits yet.
	head := []string{"--verify", "-q", "HEAD^{commit}"}
	args := append(append([]string{"rev-parse"}, openFlags...), "--show-toplevel")
	out, err := run.Run(ctx, append(args, head...)...)
	lines := splitLines(out)
	top := true
	if err != nil && noWorkTree(lines, err) {
		args = append([]string{"rev-parse"}, openFlags...)
		out, err = run.Run(ctx, append(args, head...)...)
		lines, top = splitLines(out), false
	}
	if err != nil && !noHead(lines, err) {
		return nil, openErr(dir, err)
	}
	repo, err := parseOpen(lines, top)
	if err != nil {
		return nil, fmt.Errorf("open repository at %q: %w", dir, err)
	}
	return repo.withRunner(run), nil
}

// withRunner sets up a Repo that Open found: its queries run at Root, or
// at GitDir without a work tree.
func (repo *Repo) withRunner(run Runner) *Repo {
	repo.run = run
	repo.diffs = new(sync.Map)
	repo.commits = new(sync.Map)
	repo.run.Dir = repo.Root
	if repo.Root == "" {
		repo.run.Dir = repo.GitDir
	}
	return repo
}

func splitLines(out []byte) []string {
	s := strings.TrimSuffix(string(out), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// noWorkTree: rev-parse died at --show-toplevel after printing the
// booleans, and "inside work tree" was false.
func noWorkTree(lines []string, err error) bool {
	var ge *Error
	return errors.As(err, &ge) && ge.ExitCode == 128 && len(lines) >= len(openFlags)-1 && lines[1] == "false"
}

// noHead: only --verify failed (exit 1, nothing on stderr with -q).
func noHead(lines []string, err error) bool {
	var ge *Error
	return errors.As(err, &ge) && ge.ExitCode == 1 && len(lines) >= len(openFlags)-1
}

func openErr(dir string, err error) error {
	if errors.Is(err, ErrGitNotFound) {
		return err // already says what to do; the dir does not matter
	}
	var ge *Error
	if errors.As(err, &ge) && strings.Contains(ge.Stderr, "not a git repository") {
		if dir == "" {
			dir = "."
		}
		return fmt.Errorf("open %q: %w", dir, ErrNotRepository)
	}
	return fmt.Errorf("open repository: %w", err)
}

// parseOpen reads the rev-parse lines in openFlags order (without the
// --path-format line), then the toplevel line when top (--show-toplevel was
// asked and answered) and the optional HEAD line. The toplevel counts even
// when the cwd is outside the work tree: `git --git-dir=X --work-tree=Y
// prfaq` run elsewhere works on Y, as git does.
func parseOpen(lines []string, top bool) (*Repo, error) {
	const fixed = 6
	if len(lines) < fixed {
		return nil, fmt.Errorf("unexpected rev-parse output %q", lines)
	}
	repo := &Repo{
		Bare:         lines[0] == "true",
		Shallow:      lines[2] == "true",
		ObjectFormat: lines[3],
		GitDir:       lines[4],
		CommonDir:    lines[5],
	}
	rest := lines[fixed:]
	if top && len(rest) > 0 {
		repo.Root, rest = rest[0], rest[1:]
	}
	if len(rest) > 0 {
		repo.Head = rest[0]
	}
	if repo.Root != "" {
		repo.Root = filepath.Clean(repo.Root)
	}
	return repo, nil
}

// Run runs git with args in the repository's directory.
func (r *Repo) Run(ctx context.Context, args ...string) ([]byte, error) {
	return r.run.Run(ctx, args...)
}

// git runs a query whose output contains paths; core.quotepath=off keeps
// non-ASCII bytes verbatim in any output that is not -z.
func (r *Repo) git(ctx context.Context, args ...string) ([]byte, error) {
	return r.run.Run(ctx, append([]string{"-c", "core.quotepath=off"}, args...)...)
}

// EmptyTree is the id of the empty tree in the repository's object format.
func (r *Repo) EmptyTree() string {
	if r.ObjectFormat == "sha256" {
		return emptyTreeSHA256
	}
	return emptyTreeSHA1
}

// headOrEmpty is the tree to diff against: HEAD, or the empty tree before
// the first commit.
func (r *Repo) headOrEmpty() string {
	if r.Head == "" {
		return r.EmptyTree()
	}
	return r.Head
}

func (r *Repo) needWorkTree() error {
	if r.Root == "" {
		return fmt.Errorf("%s: %w", r.GitDir, ErrNoWorkTree)
	}
	return nil
}

// checkRev refuses revisions git would parse as options.
func checkRev(rev string) error {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return fmt.Errorf("invalid revision %q", rev)
	}
	return nil
}
