package history

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/prfaq/git-prfaq/gitcmd"
)

// stream is one running git whose standard output is read as it comes.
// gitcmd runs a command to completion; a history walk over 20,000 commits
// wants its first commits parsed, and progress shown, while git is still
// walking, so this is the one place that starts git itself. Errors come
// back as *gitcmd.Error, like every other git failure.
type stream struct {
	cmd    *exec.Cmd
	in     io.WriteCloser // nil unless started with startGitInput
	out    *bufio.Reader
	stderr *limited
	args   []string
	ctx    context.Context
}

// startGit runs git with args in the repository's directory.
func startGit(ctx context.Context, repo *gitcmd.Repo, args ...string) (*stream, error) {
	return start(ctx, repo, false, args)
}

// startGitInput is startGit with a pipe to git's standard input.
func startGitInput(ctx context.Context, repo *gitcmd.Repo, args ...string) (*stream, error) {
	return start(ctx, repo, true, args)
}

func start(ctx context.Context, repo *gitcmd.Repo, input bool, args []string) (*stream, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = repo.Root
	if cmd.Dir == "" {
		cmd.Dir = repo.GitDir
	}
	cmd.Env = childEnv()
	// A grandchild holding the pipe must not keep Wait blocked once git
	// itself is gone.
	cmd.WaitDelay = 2 * time.Second
	s := &stream{cmd: cmd, stderr: &limited{max: 64 << 10}, args: args, ctx: ctx}
	cmd.Stderr = s.stderr
	if input {
		in, err := cmd.StdinPipe()
		if err != nil {
			return nil, fmt.Errorf("git %s: %w", subcommand(args), err)
		}
		s.in = in
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("git %s: %w", subcommand(args), err)
	}
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, fmt.Errorf("%w on PATH: install git", gitcmd.ErrGitNotFound)
		}
		return nil, fmt.Errorf("git %s: %w", subcommand(args), err)
	}
	s.out = bufio.NewReaderSize(out, 64<<10)
	return s, nil
}

// wait closes git's input, drains what it still writes and reports how
// it exited.
func (s *stream) wait() error {
	if s.in != nil {
		s.in.Close()
	}
	io.Copy(io.Discard, s.out)
	err := s.cmd.Wait()
	if err == nil {
		return nil
	}
	ge := &gitcmd.Error{Args: s.args, ExitCode: -1, Stderr: strings.TrimSpace(s.stderr.buf.String()), Err: err}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		ge.ExitCode = exit.ExitCode()
	}
	if s.ctx.Err() != nil {
		ge.Err = s.ctx.Err()
	}
	return ge
}

// subcommand is the first argument that is not a global option.
func subcommand(args []string) string {
	for i := 0; i < len(args); i++ {
		if args[i] == "-c" {
			i++
			continue
		}
		return args[i]
	}
	return ""
}

// pathVars hold paths git resolves against its own working directory; a
// hook may set them relative to where it runs (see gitcmd.Runner).
var pathVars = []string{"GIT_INDEX_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY"}

// startDir is the cwd the process started in, which relative paths in the
// environment are relative to.
var startDir, _ = os.Getwd()

// childEnv is os.Environ() with relative path variables made absolute,
// since git runs at the repository root, not where we started.
func childEnv() []string {
	env := os.Environ()
	for i, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		for _, p := range pathVars {
			if k == p && v != "" && !filepath.IsAbs(v) && startDir != "" {
				env[i] = k + "=" + filepath.Join(startDir, v)
			}
		}
	}
	return env
}

// limited keeps the first max bytes written to it.
type limited struct {
	buf bytes.Buffer
	max int
}

func (l *limited) Write(p []byte) (int, error) {
	if room := l.max - l.buf.Len(); room > 0 {
		l.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
