// Package gitcmd runs the git binary and parses its machine-readable output.
//
// git-prfaq calls git instead of a Go reimplementation on hot paths: git
// reads the index with its cache-tree, honours GIT_INDEX_FILE, linked
// worktrees, shallow clones and every object format, and is fast on large
// repositories. Every query here is one git process whose output is
// NUL-separated (-z), so paths with spaces, newlines or non-ASCII bytes come
// back verbatim (the one exception is Open: rev-parse prints the repository
// paths one per line).
//
// It needs git 2.31 or later (rev-parse --path-format); it is tested with
// 2.39.
package gitcmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// DefaultTimeout bounds each git call when Runner.Timeout is zero.
const DefaultTimeout = 2 * time.Minute

// ErrGitNotFound is wrapped by the error returned when the git binary
// cannot be started because it does not exist.
var ErrGitNotFound = errors.New("git not found")

// Runner runs git commands. The zero value runs "git" from PATH in the
// process's working directory with DefaultTimeout per call.
type Runner struct {
	// Dir is the working directory of git; "" means the process's cwd.
	Dir string
	// Env is appended to os.Environ() (later entries win).
	Env []string
	// Timeout bounds each call; 0 means DefaultTimeout, < 0 means none.
	// It does not bound a BlobReader, which lives as long as its context.
	Timeout time.Duration
	// Git is the git executable; "" means "git" looked up in PATH.
	Git string
}

// Error is a git command that failed to run or exited non-zero.
type Error struct {
	Args     []string // arguments after "git"
	ExitCode int      // -1 when git did not exit normally
	Stderr   string   // trimmed standard error
	Err      error    // the underlying error (*exec.ExitError, a timeout, ...)
}

// stderrLines is how many lines of stderr Error() shows; git puts the
// reason first and hints after it.
const stderrLines = 4

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("git ")
	b.WriteString(displayArgs(e.Args))
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	if s := firstLines(e.Stderr, stderrLines); s != "" {
		b.WriteString(": ")
		b.WriteString(s)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// displayArgs drops the global options this package adds (-c k=v,
// --no-optional-locks) so the message starts with the subcommand, and
// shortens long pathspec lists.
func displayArgs(args []string) string {
	for len(args) > 0 {
		switch {
		case args[0] == "-c" && len(args) > 1:
			args = args[2:]
		case strings.HasPrefix(args[0], "--no-optional-locks"):
			args = args[1:]
		default:
			return shorten(args)
		}
	}
	return ""
}

func shorten(args []string) string {
	const max = 12
	if len(args) <= max {
		return strings.Join(args, " ")
	}
	return fmt.Sprintf("%s ... (%d more)", strings.Join(args[:max], " "), len(args)-max)
}

func firstLines(s string, n int) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
		if len(out) == n {
			break
		}
	}
	return strings.Join(out, "; ")
}

// timeoutError says how long a call was allowed; it matches
// context.DeadlineExceeded with errors.Is.
type timeoutError struct{ d time.Duration }

func (e timeoutError) Error() string        { return "timed out after " + e.d.String() }
func (e timeoutError) Is(target error) bool { return target == context.DeadlineExceeded }
func (e timeoutError) Timeout() bool        { return true }

// Run runs git with args and returns its standard output.
func (r *Runner) Run(ctx context.Context, args ...string) ([]byte, error) {
	return r.RunInput(ctx, nil, args...)
}

// RunInput runs git with args, feeding stdin (which may be nil), and returns
// its standard output.
func (r *Runner) RunInput(ctx context.Context, stdin io.Reader, args ...string) ([]byte, error) {
	tctx, cancel := r.withTimeout(ctx)
	defer cancel()
	cmd, stderr, err := r.command(tctx, args)
	if err != nil {
		return nil, err
	}
	var stdout bytes.Buffer
	cmd.Stdin = stdin
	cmd.Stdout = &stdout
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), r.wrapErr(ctx, tctx, args, stderr, err)
	}
	return stdout.Bytes(), nil
}

func (r *Runner) timeout() time.Duration {
	if r.Timeout == 0 {
		return DefaultTimeout
	}
	return r.Timeout
}

func (r *Runner) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if d := r.timeout(); d > 0 {
		return context.WithTimeout(ctx, d)
	}
	return context.WithCancel(ctx)
}

func (r *Runner) gitPath() string {
	if r.Git == "" {
		return "git"
	}
	return r.Git
}

// command prepares git with the child environment; stderr collects its
// standard error (capped, so a chatty git cannot exhaust memory).
func (r *Runner) command(ctx context.Context, args []string) (*exec.Cmd, *capBuffer, error) {
	env, err := r.environ()
	if err != nil {
		return nil, nil, err
	}
	cmd := exec.CommandContext(ctx, r.gitPath(), args...)
	cmd.Dir = r.Dir
	cmd.Env = env
	// A grandchild (credential helper, hook) holding our pipes open must
	// not keep Wait blocked after git itself was killed.
	cmd.WaitDelay = 2 * time.Second
	stderr := &capBuffer{max: 64 << 10}
	cmd.Stderr = stderr
	return cmd, stderr, nil
}

// wrapErr turns a failed Run/Start/Wait into a clear error. parent is the
// caller's context and ctx the one with our timeout: when only ctx is done,
// our own deadline fired and the message says how long git was allowed.
func (r *Runner) wrapErr(parent, ctx context.Context, args []string, stderr *capBuffer, err error) error {
	if nf := r.notFound(err); nf != nil {
		return nf
	}
	e := &Error{Args: args, ExitCode: -1, Stderr: strings.TrimSpace(stderr.String()), Err: err}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		e.ExitCode = exit.ExitCode()
	}
	switch {
	case parent.Err() != nil:
		e.Err = parent.Err()
	case ctx.Err() != nil:
		e.Err = timeoutError{r.timeout()}
	}
	return e
}

func (r *Runner) notFound(err error) error {
	if errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf("%w on PATH: install git", ErrGitNotFound)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Op != "chdir" && errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w at %q: install git or fix the path", ErrGitNotFound, r.gitPath())
	}
	return nil
}

// isPathVar reports whether the environment variable k holds a path that
// git resolves against its own working directory. git sets some of them
// relatively for hooks (git 2.39: GIT_INDEX_FILE=.git/index for the
// pre-commit hook of a plain `git commit`; GIT_DIR=. in pre-receive), so a
// git started in Runner.Dir, elsewhere than the hook, would look in the
// wrong place. A switch, not a map: it costs nothing at start.
func isPathVar(k string) bool {
	switch k {
	case "GIT_INDEX_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY":
		return true
	}
	return false
}

// startDir is the cwd the process started in. A relative path git put in
// the environment of a hook is relative to it, even if the process has
// changed directory since (e.g. for a -C flag). It is the one thing this
// module reads at start on purpose: later could be after such a change
// (two stat calls, a few microseconds).
var startDir, startDirErr = os.Getwd()

// environ builds the child environment: os.Environ() then r.Env, with the
// relative paths of isPathVar made absolute against startDir.
func (r *Runner) environ() ([]string, error) {
	env := append(os.Environ(), r.Env...)
	for i, kv := range env {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || !isPathVar(k) || v == "" || filepath.IsAbs(v) {
			continue
		}
		if startDirErr != nil {
			return nil, fmt.Errorf("resolve %s=%s: %w", k, v, startDirErr)
		}
		env[i] = k + "=" + filepath.Join(startDir, v)
	}
	return env, nil
}

// capBuffer keeps the first max bytes written to it and drops the rest.
type capBuffer struct {
	buf bytes.Buffer
	max int
}

func (c *capBuffer) Write(p []byte) (int, error) {
	if room := c.max - c.buf.Len(); room > 0 {
		c.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (c *capBuffer) String() string { return c.buf.String() }
