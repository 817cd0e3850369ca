package gate

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/gittest"
	"github.com/prfaq/git-prfaq/rule"
)

const zeroID = "0000000000000000000000000000000000000000"

// pushRepos is a clone with history its remote lacks, and a bare server
// that has every commit but only main as a ref (as a server sees a push:
// the objects are there, the refs are not yet). Each commit cN adds the
// PRFAQ docs/prfaq/cN.md, except c5, so the PRFAQs a range checks tell
// which commits it holds:
//
//	c1 (main, pushed) ─ c2 (main) ─ c5 (initiative/x: no PRFAQ)
//	   └─ c3 ─ c4 (feature)
//	c6 (orphan, a root of its own)
type pushRepos struct {
	local, server string
	c             map[string]string // c1..c6 → commit id
}

func newPushRepos(t *testing.T) *pushRepos {
	t.Helper()
	root := gittest.TempDir(t)
	r := &pushRepos{local: filepath.Join(root, "local"), server: filepath.Join(root, "server.git"), c: map[string]string{}}
	git := func(dir string, args ...string) string { t.Helper(); return gittest.Git(t, dir, nil, args...) }
	git(root, "init", "-q", "--bare", r.server)
	git(root, "init", "-q", r.local)
	commit := func(name string) {
		t.Helper()
		file := "docs/prfaq/" + name + ".md"
		if name == "c5" {
			file = "notes.txt"
		}
		gittest.WriteFile(t, filepath.Join(r.local, file), "# "+name+"\n")
		git(r.local, "add", file)
		git(r.local, "commit", "-q", "-m", name)
		r.c[name] = git(r.local, "rev-parse", "HEAD")
	}
	commit("c1")
	git(r.local, "remote", "add", "origin", r.server)
	git(r.local, "push", "-q", "origin", "main")
	commit("c2")
	git(r.local, "checkout", "-q", "-b", "initiative/x")
	commit("c5")
	git(r.local, "checkout", "-q", "-b", "feature", r.c["c1"])
	commit("c3")
	commit("c4")
	git(r.local, "checkout", "-q", "--orphan", "orphan")
	git(r.local, "rm", "-q", "-r", "--cached", ".")
	commit("c6")
	git(r.local, "checkout", "-q", "-f", "main")
	// The server gets every object; then the refs that brought them go.
	git(r.local, "push", "-q", "origin", "main:refs/tmp/main", "feature:refs/tmp/feature",
		"initiative/x:refs/tmp/x", "orphan:refs/tmp/orphan")
	for _, ref := range []string{"main", "feature", "x", "orphan"} {
		git(r.server, "update-ref", "-d", "refs/tmp/"+ref)
	}
	return r
}

// ids replaces c1..c6 in s with their commit ids.
func (r *pushRepos) ids(s string) string {
	var pairs []string
	for name, id := range r.c {
		pairs = append(pairs, name, id)
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// pushGate is a gate on dir whose initiative branches are initiative/*:
// its Policy, as a server's, so that every range uses it.
func pushGate(t *testing.T, dir string) *Gate {
	t.Helper()
	repo, err := gitcmd.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Initiatives.Branches = []string{"initiative/*"}
	return &Gate{Repo: repo, Cfg: cfg, Policy: cfg, Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}
}

// pushed is what a push or receive checked: the commits whose PRFAQs it
// read (c1..c6, in the order of the refs) and the initiative branches it
// found without a PRFAQ.
type pushed struct {
	commits  []string
	branches []string
}

func pushedBy(rep *Report) pushed {
	var p pushed
	for _, r := range rep.Results {
		p.commits = append(p.commits, strings.TrimSuffix(strings.TrimPrefix(r.Path, "docs/prfaq/"), ".md"))
	}
	for _, f := range rep.Findings {
		if f.Rule == rule.InitiativeWithoutPRFAQ && f.Ref != "" {
			p.branches = append(p.branches, f.Ref)
		}
	}
	return p
}

type pushCase struct {
	name  string
	stdin string   // c1..c6 stand for the commits
	args  []string // pre-push's: the remote's name and URL
	env   map[string]string
	want  pushed
	err   string
}

func TestPrePush(t *testing.T) {
	r := newPushRepos(t)
	origin := []string{"origin", r.server}
	tests := []pushCase{
		{name: "an update checks what the remote lacks",
			stdin: "refs/heads/main c2 refs/heads/main c1\n", args: origin,
			want: pushed{commits: []string{"c2"}}},
		{name: "a deletion needs no check",
			stdin: "(delete) " + zeroID + " refs/heads/old c1\n", args: origin},
		{name: "a new branch starts where it leaves the remote's commits",
			stdin: "refs/heads/feature c4 refs/heads/feature " + zeroID + "\n", args: origin,
			want: pushed{commits: []string{"c3", "c4"}}},
		{name: "a new branch brings the unpushed commits it is based on",
			stdin: "refs/heads/initiative/x c5 refs/heads/initiative/x " + zeroID + "\n", args: origin,
			want: pushed{commits: []string{"c2"}}},
		{name: "an initiative branch whose new commits have no PRFAQ",
			stdin: "refs/heads/initiative/x c5 refs/heads/initiative/x c2\n", args: origin,
			want: pushed{branches: []string{"initiative/x"}}},
		{name: "a tag is not a branch",
			stdin: "refs/heads/initiative/x c5 refs/tags/initiative/x c2\n", args: origin},
		{name: "a new root branch starts at the beginning of history",
			stdin: "refs/heads/orphan c6 refs/heads/orphan " + zeroID + "\n", args: origin,
			want: pushed{commits: []string{"c6"}}},
		{name: "a remote tip this clone lacks counts as a new branch",
			stdin: "refs/heads/feature c4 refs/heads/feature " + strings.Repeat("1", 40) + "\n", args: origin,
			want: pushed{commits: []string{"c3", "c4"}}},
		{name: "without a remote name every ref counts as the remote's: nothing is new",
			stdin: "refs/heads/feature c4 refs/heads/feature " + zeroID + "\n"},
		{name: "several refs in order, blank lines and spaces",
			stdin: "\n  refs/heads/main c2 refs/heads/main c1  \n\nrefs/heads/feature c4 refs/heads/feature " + zeroID + "\n", args: origin,
			want: pushed{commits: []string{"c2", "c3", "c4"}}},
		{name: "SHA-256 ids are read",
			stdin: "(delete) " + strings.Repeat("0", 64) + " refs/heads/old " + strings.Repeat("a", 64) + "\n", args: origin},
		{name: "too few fields",
			stdin: "refs/heads/main c2 refs/heads/main\n", err: `pre-push: malformed input line "refs/heads/main c2 refs/heads/main"`},
		{name: "a name, not an object id",
			stdin: "refs/heads/main main refs/heads/main c1\n", err: "pre-push: malformed input line"},
		{name: "an abbreviated id",
			stdin: "refs/heads/main c2 refs/heads/main 1234567\n", err: "pre-push: malformed input line"},
		{name: "a commit this clone does not have",
			stdin: "refs/heads/main " + strings.Repeat("2", 40) + " refs/heads/main c1\n", args: origin, err: "refs/heads/main: "},
		{name: "the pre-commit framework's variables, with an empty stdin",
			env:  map[string]string{"PRE_COMMIT_FROM_REF": "c2", "PRE_COMMIT_TO_REF": "c5", "PRE_COMMIT_REMOTE_BRANCH": "refs/heads/initiative/x"},
			want: pushed{branches: []string{"initiative/x"}}},
		{name: "the variables without a start: the beginning of history",
			env:  map[string]string{"PRE_COMMIT_TO_REF": "c2"},
			want: pushed{commits: []string{"c1", "c2"}}},
		{name: "stdin wins over the variables",
			stdin: "refs/heads/main c2 refs/heads/main c1\n", args: origin,
			env:  map[string]string{"PRE_COMMIT_FROM_REF": "c1", "PRE_COMMIT_TO_REF": "c4"},
			want: pushed{commits: []string{"c2"}}},
		{name: "a start without an end is no range",
			env: map[string]string{"PRE_COMMIT_FROM_REF": "c1"}},
		{name: "a ref name over 64 KB is read, not refused",
			stdin: "refs/heads/main c2 refs/heads/" + strings.Repeat("a", 70<<10) + " c1\n", args: origin,
			want: pushed{commits: []string{"c2"}}},
		{name: "a malformed line over 64 KB is quoted in part",
			stdin: "refs/heads/main c2 " + strings.Repeat("a", 70<<10) + "\n", args: origin,
			err: `aaa"... (71737 bytes): want`},
		{name: "nothing pushed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := pushGate(t, r.local)
			env := func(k string) string { return r.ids(tt.env[k]) }
			rep, err := g.PrePush(context.Background(), strings.NewReader(r.ids(tt.stdin)), tt.args, env)
			checkPush(t, r, tt, rep, err)
		})
	}
}

func TestPreReceive(t *testing.T) {
	r := newPushRepos(t)
	tests := []pushCase{
		{name: "an update checks old..new",
			stdin: "c1 c2 refs/heads/main\n", want: pushed{commits: []string{"c2"}}},
		{name: "a deletion passes",
			stdin: "c1 " + zeroID + " refs/heads/main\n"},
		{name: "a new branch starts where it leaves the server's refs",
			stdin: zeroID + " c4 refs/heads/feature\n", want: pushed{commits: []string{"c3", "c4"}}},
		{name: "a new initiative branch brings the commits it is based on",
			stdin: zeroID + " c5 refs/heads/initiative/x\n", want: pushed{commits: []string{"c2"}}},
		{name: "an initiative branch whose new commits have no PRFAQ",
			stdin: "c2 c5 refs/heads/initiative/x\n", want: pushed{branches: []string{"initiative/x"}}},
		{name: "a tag is not a branch",
			stdin: "c2 c5 refs/tags/initiative/x\n"},
		{name: "a new root starts at the beginning of history",
			stdin: zeroID + " c6 refs/heads/orphan\n", want: pushed{commits: []string{"c6"}}},
		{name: "a new ref whose commits the server has: nothing new",
			stdin: zeroID + " c1 refs/heads/copy\n"},
		{name: "several refs, in order",
			stdin: "c1 c2 refs/heads/main\n\n" + zeroID + " c6 refs/heads/orphan\n", want: pushed{commits: []string{"c2", "c6"}}},
		{name: "too many fields",
			stdin: "c1 c2 refs/heads/main extra\n", err: `pre-receive: malformed input line "c1 c2 refs/heads/main extra"`},
		{name: "a name, not an object id",
			stdin: "c1 HEAD refs/heads/main\n", err: "pre-receive: malformed input line"},
		{name: "a commit the server does not have",
			stdin: "c1 " + strings.Repeat("2", 40) + " refs/heads/main\n", err: "refs/heads/main: "},
		{name: "nothing received"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := pushGate(t, r.server)
			rep, err := g.PreReceive(context.Background(), strings.NewReader(r.ids(tt.stdin)))
			checkPush(t, r, tt, rep, err)
		})
	}
}

// The hook's input is bounded as a whole, and what is over the bound is
// not read.
func TestHookInputBounded(t *testing.T) {
	line := "c1 c2 refs/heads/main\n"
	lines, err := readLinesMax(strings.NewReader(strings.Repeat(line, 10)), int64(10*len(line)))
	if err != nil || len(lines) != 10 {
		t.Fatalf("at the limit: %d lines, %v", len(lines), err)
	}
	r := strings.NewReader(strings.Repeat(line, 100))
	_, err = readLinesMax(r, int64(10*len(line)))
	if err == nil || !strings.Contains(err.Error(), "larger than 220 bytes") {
		t.Fatalf("over the limit: %v", err)
	}
	if r.Len() < 80*len(line) {
		t.Errorf("read %d bytes past the limit", 90*len(line)-r.Len())
	}
}

func checkPush(t *testing.T, r *pushRepos, tt pushCase, rep *Report, err error) {
	t.Helper()
	if tt.err != "" {
		if err == nil || !strings.Contains(err.Error(), r.ids(tt.err)) {
			t.Fatalf("err = %v, want %q", err, tt.err)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if got := pushedBy(rep); !reflect.DeepEqual(got, tt.want) {
		t.Errorf("checked %+v, want %+v", got, tt.want)
	}
}
