package gitcmd

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"time"
)

// FetchTimeout bounds one fetch: deepening or unshallowing a large
// repository takes longer than a query.
const FetchTimeout = 30 * time.Minute

// VerifyCommit resolves rev to a commit id; ok is false when rev names no
// commit here (it is never read as an option: --end-of-options).
func (r *Repo) VerifyCommit(ctx context.Context, rev string) (id string, ok bool, err error) {
	return r.verifyCommit(ctx, rev)
}

// IsShallow asks git whether the repository is shallow now (Repo.Shallow
// is what it was when Open ran; a fetch may have changed it).
func (r *Repo) IsShallow(ctx context.Context) (bool, error) {
	out, err := r.run.Run(ctx, "rev-parse", "--is-shallow-repository")
	if err != nil {
		return false, err
	}
	return strings.TrimSpace(string(out)) == "true", nil
}

// Remotes lists the repository's remotes, in git's order.
func (r *Repo) Remotes(ctx context.Context) ([]string, error) {
	out, err := r.run.Run(ctx, "remote")
	if err != nil {
		return nil, err
	}
	return splitLines(out), nil
}

// Fetch runs git fetch --no-tags --quiet OPTS -- REMOTE REFS...; opts are
// the caller's own (--depth=50, --deepen=100, --unshallow), never input.
// A failure is an *Error whose Stderr is git's message.
func (r *Repo) Fetch(ctx context.Context, opts []string, remote string, refs ...string) error {
	if remote == "" || strings.HasPrefix(remote, "-") {
		return errors.New("fetch: invalid remote " + strconv.Quote(remote))
	}
	run := r.run
	run.Timeout = FetchTimeout
	args := append([]string{"fetch", "--no-tags", "--quiet"}, opts...)
	args = append(append(args, "--", remote), refs...)
	_, err := run.Run(ctx, args...)
	return err
}

// ChangedLines lists, by path in b, the lines the diff from a to b adds
// or changes (git diff -U0): what a pull request touched.
func (r *Repo) ChangedLines(ctx context.Context, a, b string) (map[string]map[int]bool, error) {
	if err := errors.Join(checkRev(a), checkRev(b)); err != nil {
		return nil, err
	}
	out, err := r.git(ctx, "diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", a, b, "--")
	if err != nil {
		return nil, err
	}
	return parseChangedLines(out), nil
}

// parseChangedLines reads the "+++ b/PATH" and "@@ -x,y +s,n @@" lines of
// a -U0 patch.
func parseChangedLines(out []byte) map[string]map[int]bool {
	lines := map[string]map[int]bool{}
	var cur map[int]bool
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			cur = nil
			if p, ok := strings.CutPrefix(line, "+++ b/"); ok {
				cur = map[int]bool{}
				lines[p] = cur
			}
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			fields := strings.Fields(line)
			if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
				continue
			}
			start, count, ok := strings.Cut(fields[2][1:], ",")
			s, err := strconv.Atoi(start)
			if err != nil {
				continue
			}
			n := 1
			if ok {
				if n, err = strconv.Atoi(count); err != nil {
					continue
				}
			}
			for i := s; i < s+n; i++ {
				cur[i] = true
			}
		}
	}
	return lines
}
