package gitcmd

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// CommitPair is a commit and the commit to compare it with, such as its
// first parent.
type CommitPair struct{ Commit, Base string }

// DiffCommits compares each pair's Base with its Commit, all in one `git
// diff-tree --stdin`, with rename detection among the paths matching
// pathspecs (none: the whole tree, which is what finds where a file came
// from, as `git log --follow` does). The changes are keyed by Commit; a
// pair whose trees do not differ has none. Like Start, it has no timeout
// of its own; ctx ends it.
func (r *Repo) DiffCommits(ctx context.Context, pairs []CommitPair, pathspecs ...string) (map[string][]Change, error) {
	found := map[string][]Change{}
	if len(pairs) == 0 {
		return found, nil
	}
	var in strings.Builder
	for _, p := range pairs {
		if err := checkRev(p.Commit); err != nil {
			return nil, fmt.Errorf("compare commits: %w", err)
		}
		if err := checkRev(p.Base); err != nil {
			return nil, fmt.Errorf("compare commits: %w", err)
		}
		in.WriteString(p.Commit + " " + p.Base + "\n")
	}
	args := append([]string{"diff-tree", "--stdin", "-r", "-z", "--raw", "--no-abbrev", "-M", "--"}, pathspecs...)
	out, err := r.startInput(ctx, in.String(), args)
	if err != nil {
		return nil, err
	}
	cur := ""
	err = scanRaw(out, func(id string) { cur = id }, func(c Change) { found[cur] = append(found[cur], c) })
	if err != nil {
		return nil, fmt.Errorf("compare commits: %w", err)
	}
	return found, nil
}

// startInput runs git with input on its standard input, as a Process (no
// timeout of its own), and returns all of its output.
func (r *Repo) startInput(ctx context.Context, input string, args []string) ([]byte, error) {
	p, err := r.Start(ctx, true, args...)
	if err != nil {
		return nil, err
	}
	go func() {
		io.WriteString(p.Stdin(), input)
		p.Stdin().Close()
	}()
	out, readErr := io.ReadAll(p.Stdout())
	if err := p.Wait(); err != nil {
		return nil, err
	}
	return out, readErr
}
