package gitcmd

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os/exec"
)

// Process is a git command whose output is read while it runs: a history
// walk over 20,000 commits wants its first commits parsed, and progress
// shown, while git is still walking. It has no timeout of its own; the
// caller's context ends it. Errors are *Error, like Run's.
type Process struct {
	cmd    *exec.Cmd
	in     io.WriteCloser // nil unless started with input
	out    *bufio.Reader
	stderr *capBuffer
	args   []string
	ctx    context.Context
	run    *Runner
}

// Start runs git with args in the repository's directory. With input, the
// process's standard input is a pipe (Stdin).
func (r *Repo) Start(ctx context.Context, input bool, args ...string) (*Process, error) {
	cmd, stderr, err := r.run.command(ctx, args)
	if err != nil {
		return nil, fmt.Errorf("start git %s: %w", shorten(args), err)
	}
	p := &Process{cmd: cmd, stderr: stderr, args: args, ctx: ctx, run: &r.run}
	if input {
		if p.in, err = cmd.StdinPipe(); err != nil {
			return nil, fmt.Errorf("start git %s: %w", shorten(args), err)
		}
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("start git %s: %w", shorten(args), err)
	}
	if err := cmd.Start(); err != nil {
		return nil, r.run.wrapErr(ctx, ctx, args, stderr, err)
	}
	p.out = bufio.NewReaderSize(out, 64<<10)
	return p, nil
}

// Stdin is the pipe to git's standard input (nil without input).
func (p *Process) Stdin() io.WriteCloser { return p.in }

// Stdout reads git's standard output as it comes.
func (p *Process) Stdout() *bufio.Reader { return p.out }

// Wait closes git's input, drains what it still writes and reports how it
// exited.
func (p *Process) Wait() error {
	if p.in != nil {
		p.in.Close()
	}
	io.Copy(io.Discard, p.out)
	if err := p.cmd.Wait(); err != nil {
		return p.run.wrapErr(p.ctx, p.ctx, p.args, p.stderr, err)
	}
	return nil
}
