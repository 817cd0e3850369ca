package history

import (
	"bufio"
	"context"
	"io"

	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// stream is one running git whose standard output is read as it comes
// (gitcmd.Process, with short names for the walk's code).
type stream struct {
	p   *gitcmd.Process
	in  io.WriteCloser // nil unless started with startGitInput
	out *bufio.Reader
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
	p, err := repo.Start(ctx, input, args...)
	if err != nil {
		return nil, err
	}
	return &stream{p: p, in: p.Stdin(), out: p.Stdout()}, nil
}

// wait closes git's input, drains what it still writes and reports how
// it exited.
func (s *stream) wait() error { return s.p.Wait() }
