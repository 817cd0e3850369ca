package gate

import (
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/prfaq/git-prfaq/rule"
)

// objectID matches a full SHA-1 or SHA-256 object name.
var objectID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([0-9a-f]{40}|[0-9a-f]{64})$`) })

// refUpdate is one ref a push changes: the commits in Base..Tip, pushed to
// Ref. Base is "" for the beginning of history.
type refUpdate struct {
	Ref, Base, Tip string
}

// PrePush checks what a push sends, as git's pre-push hook: stdin holds
// "<local ref> <local sha> <remote ref> <remote sha>" lines, args are the
// hook's (the remote's name, then its URL). Each ref's range is the
// commits the remote lacks; a deletion needs no check. Under the
// pre-commit framework stdin is empty and the range comes in the
// PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF variables instead (and the
// branch in PRE_COMMIT_REMOTE_BRANCH), which env looks up (nil:
// os.Getenv).
func (g *Gate) PrePush(ctx context.Context, stdin io.Reader, args []string, env func(string) string) (*Report, error) {
	if env == nil {
		env = os.Getenv
	}
	remote := ""
	if len(args) > 0 {
		remote = args[0]
	}
	lines, err := readLines(stdin)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 && env("PRE_COMMIT_TO_REF") != "" {
		return g.Range(ctx, env("PRE_COMMIT_FROM_REF"), env("PRE_COMMIT_TO_REF"), env("PRE_COMMIT_REMOTE_BRANCH"))
	}
	var updates []refUpdate
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 4 || !objectID().MatchString(f[1]) || !objectID().MatchString(f[3]) {
			return nil, fmt.Errorf("pre-push: malformed input line %s: want <local ref> <local sha> <remote ref> <remote sha>", excerpt(l))
		}
		u, ok, err := g.pushUpdate(ctx, remote, f[1], f[2], f[3])
		if err != nil {
			return nil, err
		}
		if ok {
			updates = append(updates, u)
		}
	}
	return g.checkUpdates(ctx, updates)
}

// pushUpdate turns one pre-push line into the range the remote lacks. A
// deletion needs no check; a new branch (or a remote tip this clone does
// not have) starts where it leaves the commits the remote already has.
func (g *Gate) pushUpdate(ctx context.Context, remote, local, ref, remoteTip string) (refUpdate, bool, error) {
	if isZero(local) {
		return refUpdate{}, false, nil
	}
	if !isZero(remoteTip) {
		known, err := g.Repo.HasCommit(ctx, remoteTip)
		if err != nil {
			return refUpdate{}, false, fmt.Errorf("look for the remote's %s: %w", ref, err)
		}
		if known {
			return refUpdate{Ref: ref, Base: remoteTip, Tip: local}, true, nil
		}
	}
	not := "--all"
	if remote != "" {
		not = "--remotes=" + remote
	}
	return g.newBranch(ctx, ref, local, not)
}

// PreReceive checks what a server receives, as git's pre-receive hook:
// stdin holds "<old sha> <new sha> <ref>" lines. A deletion passes; a new
// ref's range is the commits no ref on the server has yet.
func (g *Gate) PreReceive(ctx context.Context, stdin io.Reader) (*Report, error) {
	lines, err := readLines(stdin)
	if err != nil {
		return nil, err
	}
	var updates []refUpdate
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 3 || !objectID().MatchString(f[0]) || !objectID().MatchString(f[1]) {
			return nil, fmt.Errorf("pre-receive: malformed input line %s: want <old sha> <new sha> <ref>", excerpt(l))
		}
		old, tip, ref := f[0], f[1], f[2]
		switch {
		case isZero(tip):
			continue // a deletion passes
		case isZero(old):
			u, ok, err := g.newBranch(ctx, ref, tip, "--all")
			if err != nil {
				return nil, err
			}
			if ok {
				updates = append(updates, u)
			}
		default:
			updates = append(updates, refUpdate{Ref: ref, Base: old, Tip: tip})
		}
	}
	return g.checkUpdates(ctx, updates)
}

// newBranch finds the commits of tip that are not reachable from not
// (e.g. --all: refs the server already has): the range starts at the
// first parent of the oldest of them, or at the beginning of history.
func (g *Gate) newBranch(ctx context.Context, ref, tip, not string) (refUpdate, bool, error) {
	commits, err := g.Repo.NewCommits(ctx, tip, not)
	if err != nil {
		return refUpdate{}, false, fmt.Errorf("find the new commits of %s: %w", ref, err)
	}
	if len(commits) == 0 {
		return refUpdate{}, false, nil // nothing new: the commits are known
	}
	base := ""
	if ps := commits[0].Parents; len(ps) > 0 {
		base = ps[0]
	}
	return refUpdate{Ref: ref, Base: base, Tip: tip}, true, nil
}

// checkUpdates checks each range and merges the reports, keeping each in
// Ranges: ranges from different bases may have different policies.
func (g *Gate) checkUpdates(ctx context.Context, updates []refUpdate) (*Report, error) {
	all := &Report{}
	for _, u := range updates {
		branch := ""
		if strings.HasPrefix(u.Ref, "refs/heads/") {
			branch = u.Ref
		}
		r, err := g.Range(ctx, u.Base, u.Tip, branch)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", u.Ref, err)
		}
		all.Ranges = append(all.Ranges, r)
		all.Results = append(all.Results, r.Results...)
		all.Findings = append(all.Findings, r.Findings...)
		all.Changes = append(all.Changes, r.Changes...)
		all.Baselined += r.Baselined
		all.Stale += r.Stale
		if all.BaselineFile == "" {
			all.BaselineFile = r.BaselineFile
		}
	}
	rule.Sort(all.Findings)
	return all, nil
}

func isZero(id string) bool { return strings.Trim(id, "0") == "" }

// maxHookInput bounds what a hook reads from git: a ref line is about 150
// bytes, so this is some 400,000 refs in one push.
const maxHookInput = 64 << 20

// readLines reads the non-empty lines of a hook's stdin. A line may be of
// any length (a long ref name is no reason to fail), the whole input no
// longer than maxHookInput.
func readLines(r io.Reader) ([]string, error) { return readLinesMax(r, maxHookInput) }

func readLinesMax(r io.Reader, limit int64) ([]string, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read the hook's input: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("the hook's input is larger than %d bytes: push fewer refs at once", limit)
	}
	var lines []string
	for l := range strings.SplitSeq(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, nil
}

// excerpt is a malformed input line as an error quotes it: no longer than
// a real ref line, however long the line was.
func excerpt(l string) string {
	const max = 300
	if len(l) <= max {
		return fmt.Sprintf("%q", l)
	}
	return fmt.Sprintf("%q... (%d bytes)", l[:max], len(l))
}
