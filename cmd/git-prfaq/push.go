package main

import (
	"bufio"
	"bytes"
	"fmt"
	"github.com/prfaq/git-prfaq/rule"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/prfaq/git-prfaq/internal/gate"
)

// objectID matches a full SHA-1 or SHA-256 object name.
var objectID = regexp.MustCompile(`^([0-9a-f]{40}|[0-9a-f]{64})$`)

// refUpdate is one ref a push changes: the commits in Base..Tip, pushed to
// Ref. Base is "" for the beginning of history.
type refUpdate struct {
	Ref, Base, Tip string
}

// prePush reads git's "<local ref> <local sha> <remote ref> <remote sha>"
// lines. Under the pre-commit framework stdin is empty and the range comes
// in PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF instead.
func prePush(e *env, g *gate.Gate, args []string) (*gate.Report, error) {
	remote := ""
	if len(args) > 0 {
		remote = args[0]
	}
	lines, err := readLines(e.stdin)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 && os.Getenv("PRE_COMMIT_TO_REF") != "" {
		return g.Range(e.ctx, os.Getenv("PRE_COMMIT_FROM_REF"), os.Getenv("PRE_COMMIT_TO_REF"), os.Getenv("PRE_COMMIT_REMOTE_BRANCH"))
	}
	var updates []refUpdate
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 4 || !objectID.MatchString(f[1]) || !objectID.MatchString(f[3]) {
			return nil, fmt.Errorf("pre-push: malformed input line %q: want <local ref> <local sha> <remote ref> <remote sha>", l)
		}
		u, ok, err := pushUpdate(e, g, remote, f[1], f[2], f[3])
		if err != nil {
			return nil, err
		}
		if ok {
			updates = append(updates, u)
		}
	}
	return checkUpdates(e, g, updates)
}

// pushUpdate turns one pre-push line into the range the remote lacks. A
// deletion needs no check; a new branch (or a remote tip this clone does
// not have) starts where it leaves the commits the remote already has.
func pushUpdate(e *env, g *gate.Gate, remote, local, ref, remoteTip string) (refUpdate, bool, error) {
	if isZero(local) {
		return refUpdate{}, false, nil
	}
	if !isZero(remoteTip) && hasCommit(e, g, remoteTip) {
		return refUpdate{Ref: ref, Base: remoteTip, Tip: local}, true, nil
	}
	not := "--all"
	if remote != "" {
		not = "--remotes=" + remote
	}
	return newBranch(e, g, ref, local, not)
}

// preReceive reads "<old> <new> <ref>" lines on a server.
func preReceive(e *env, g *gate.Gate) (*gate.Report, error) {
	lines, err := readLines(e.stdin)
	if err != nil {
		return nil, err
	}
	var updates []refUpdate
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 3 || !objectID.MatchString(f[0]) || !objectID.MatchString(f[1]) {
			return nil, fmt.Errorf("pre-receive: malformed input line %q: want <old sha> <new sha> <ref>", l)
		}
		old, tip, ref := f[0], f[1], f[2]
		switch {
		case isZero(tip):
			continue // a deletion passes
		case isZero(old):
			u, ok, err := newBranch(e, g, ref, tip, "--all")
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
	return checkUpdates(e, g, updates)
}

// newBranch finds the commits of tip that are not reachable from not
// (e.g. --all: refs the server already has): the range starts at the
// first parent of the oldest of them, or at the beginning of history.
func newBranch(e *env, g *gate.Gate, ref, tip, not string) (refUpdate, bool, error) {
	out, err := g.Repo.Run(e.ctx, "rev-list", "--reverse", "--topo-order", "--parents", tip, "--not", not)
	if err != nil {
		return refUpdate{}, false, fmt.Errorf("find the new commits of %s: %w", ref, err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	ids := strings.Fields(first)
	if len(ids) == 0 {
		return refUpdate{}, false, nil // nothing new: the commits are known
	}
	base := ""
	if len(ids) > 1 {
		base = ids[1]
	}
	return refUpdate{Ref: ref, Base: base, Tip: tip}, true, nil
}

// checkUpdates checks each range and merges the reports.
func checkUpdates(e *env, g *gate.Gate, updates []refUpdate) (*gate.Report, error) {
	all := &gate.Report{}
	for _, u := range updates {
		branch := ""
		if strings.HasPrefix(u.Ref, "refs/heads/") {
			branch = u.Ref
		}
		r, err := g.Range(e.ctx, u.Base, u.Tip, branch)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", u.Ref, err)
		}
		all.Results = append(all.Results, r.Results...)
		all.Findings = append(all.Findings, r.Findings...)
		all.Changes = append(all.Changes, r.Changes...)
	}
	rule.Sort(all.Findings)
	return all, nil
}

func hasCommit(e *env, g *gate.Gate, id string) bool {
	_, err := g.Repo.Run(e.ctx, "cat-file", "-e", id+"^{commit}")
	return err == nil
}

func isZero(id string) bool { return strings.Trim(id, "0") == "" }

// readLines reads the non-empty lines of a hook's stdin.
func readLines(r io.Reader) ([]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read the hook's input: %w", err)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, sc.Err()
}
