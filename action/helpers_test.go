package action

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/prfaq/git-prfaq/internal/gittest"
)

// The tests run run.sh as the runner would: bash, a workspace that is a git
// checkout, a fixture event payload and fresh GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY and GITHUB_PATH files, with the git-prfaq built from
// this module on PATH.
//
// Every test and case runs in parallel: each has its own temporary
// directories and environment, git-prfaq is built once (TestMain), and the
// fixtures that take longest to make (the origin repository, the fake
// release) are made once and only read afterwards.

var (
	tmpRoot string // removed when the tests end
	binDir  string // holds git-prfaq built from this module
	script  string // absolute path of run.sh
	modRoot string // absolute path of the module root (what GITHUB_ACTION_PATH is)
)

func TestMain(m *testing.M) {
	os.Exit(func() int {
		var err error
		if tmpRoot, err = os.MkdirTemp("", "prfaq-action-"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(tmpRoot)
		if script, err = filepath.Abs("run.sh"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		modRoot = filepath.Dir(filepath.Dir(script))
		binDir = filepath.Join(tmpRoot, "bin")
		out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "git-prfaq"), "../cmd/git-prfaq").CombinedOutput()
		if err != nil {
			fmt.Fprintf(os.Stderr, "go build ../cmd/git-prfaq: %v\n%s", err, out)
			return 1
		}
		return m.Run()
	}())
}

// requireTool is gittest.RequireTool with the way to install the tools
// this package's tests use.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	return gittest.RequireTool(t, name, "apt-get install -y shellcheck unzip; go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12")
}

// baseEnv is this process's environment without what a real Actions run (or
// the developer's shell) may have set for the script or git, plus an
// isolated git configuration and git-prfaq on PATH.
func baseEnv(t *testing.T) []string {
	t.Helper()
	return isolatedEnv(hostEnv(), t.TempDir())
}

// hostEnv is this process's environment without what the script or git
// would read from a real run or the developer's shell.
func hostEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(k, "GITHUB_"), strings.HasPrefix(k, "RUNNER_"),
			strings.HasPrefix(k, "INPUT_"), strings.HasPrefix(k, "ACTION_"),
			strings.HasPrefix(k, "GIT_"), k == "HOME", k == "PATH",
			strings.HasPrefix(k, "PRFAQ_") && k != "PRFAQ_REQUIRE_TOOLS":
			continue
		}
		env = append(env, kv)
	}
	return env
}

// isolatedEnv is env with home as HOME, an isolated git configuration and
// git-prfaq on PATH.
func isolatedEnv(env []string, home string) []string {
	return append(env,
		"HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+filepath.Join(home, ".gitconfig"),
		"GIT_AUTHOR_NAME=Jane Roe", "GIT_AUTHOR_EMAIL=jane@example.com",
		"GIT_COMMITTER_NAME=Jane Roe", "GIT_COMMITTER_EMAIL=jane@example.com",
		"GIT_PRFAQ_TODAY=2026-11-26", // the fixtures' deadlines stay in the future
		"PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// git runs git in dir and returns its trimmed output.
func git(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	return gitInput(t, dir, env, "", args...)
}

func gitInput(t *testing.T, dir string, env []string, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env, cmd.Stdin = dir, env, strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

var writeFile = gittest.WriteFile

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// runner is one step's fake Actions environment.
type runner struct {
	t   *testing.T
	dir string
	env []string
}

func newRunner(t *testing.T, workspace string) *runner {
	t.Helper()
	r := &runner{t: t, dir: t.TempDir()}
	for _, f := range []string{"output", "summary.md", "path"} {
		writeFile(t, r.file(f), "")
	}
	if err := os.Mkdir(r.file("temp"), 0o755); err != nil {
		t.Fatal(err)
	}
	r.env = append(baseEnv(t),
		"RUNNER_OS=Linux", "RUNNER_ARCH=X64", "RUNNER_TEMP="+r.file("temp"),
		"GITHUB_ACTIONS=true", "GITHUB_WORKSPACE="+workspace,
		"GITHUB_OUTPUT="+r.file("output"), "GITHUB_STEP_SUMMARY="+r.file("summary.md"),
		"GITHUB_PATH="+r.file("path"))
	return r
}

func (r *runner) file(name string) string { return filepath.Join(r.dir, name) }

// event writes the payload and names the event, as the runner does.
func (r *runner) event(name string, payload any) {
	r.t.Helper()
	b, err := json.MarshalIndent(payload, "", "  ")
	if err != nil {
		r.t.Fatal(err)
	}
	writeFile(r.t, r.file("event.json"), string(b))
	r.env = append(r.env, "GITHUB_EVENT_NAME="+name, "GITHUB_EVENT_PATH="+r.file("event.json"))
}

type result struct {
	code           int
	stdout, stderr string
}

func (res result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", res.code, res.stdout, res.stderr)
}

// run runs `bash run.sh SUB` in dir with the runner's environment and
// extra KEY=VALUE settings (later ones win).
func (r *runner) run(dir, sub string, extra ...string) result {
	r.t.Helper()
	cmd := exec.Command("bash", script, sub)
	cmd.Dir, cmd.Env = dir, append(append([]string{}, r.env...), extra...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.code = exit.ExitCode()
	case err != nil:
		r.t.Fatalf("bash run.sh %s: %v", sub, err)
	}
	return res
}

// outputs reads GITHUB_OUTPUT's name=value lines.
func (r *runner) outputs() map[string]string {
	r.t.Helper()
	m := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(readFile(r.t, r.file("output"))))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			m[k] = v
		}
	}
	return m
}

// origin is the fixture repository a pull request comes from:
//
//	200 commits of history, then fork: services/pay/PRFAQ.md (a good PRFAQ)
//	weak  = fork + the close-time target 1 day → 3 days + a README change
//	clean = fork + a README change
//	main  = fork + 60 commits + the close-time target 1 day → 12 hours
//
// main moved on after both branches left it, so base.sha (main's tip) is
// not their merge base: checked against main's tip, clean would look like
// it weakens the target (12 hours → 1 day). The history before fork and
// after it on main is longer than a shallow clone's first fetch, so the
// action must deepen it.
type origin struct {
	dir                        string
	fork, weak, clean, mainTip string
}

var fixtureDoc = func() string {
	b, err := os.ReadFile("testdata/ledger.md")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

var (
	originOnce   sync.Once
	sharedOrigin *origin
)

// readOrigin is the origin the tests that only clone it share, made once:
// a clone, a fetch or an upload-pack for a shallow clone only reads it.
// A test that changes its origin makes its own with newOrigin.
func readOrigin(t *testing.T) *origin {
	t.Helper()
	originOnce.Do(func() {
		// Under tmpRoot, so that it outlives the test that asked first; a
		// t.Fatal while making it leaves sharedOrigin nil.
		home := filepath.Join(tmpRoot, "origin-home")
		sharedOrigin = makeOrigin(t, filepath.Join(tmpRoot, "origin"), isolatedEnv(hostEnv(), home))
	})
	if sharedOrigin == nil {
		t.Fatal("the shared origin repository could not be made (see the first test that asked for it)")
	}
	return sharedOrigin
}

// newOrigin is an origin of the test's own, for a test that changes it.
func newOrigin(t *testing.T) *origin {
	t.Helper()
	return makeOrigin(t, filepath.Join(t.TempDir(), "origin"), baseEnv(t))
}

func makeOrigin(t *testing.T, dir string, env []string) *origin {
	t.Helper()
	o := &origin{dir: dir}
	git(t, filepath.Dir(o.dir), env, "init", "-q", "-b", "main", o.dir)
	emptyCommits(t, o.dir, env, "refs/heads/main", 200)
	git(t, o.dir, env, "reset", "-q", "--hard")
	doc := filepath.Join(o.dir, "services/pay/PRFAQ.md")
	writeFile(t, doc, fixtureDoc)
	writeFile(t, filepath.Join(o.dir, "README.md"), "Ledger\n")
	git(t, o.dir, env, "add", ".")
	git(t, o.dir, env, "commit", "-q", "-m", "Add the Ledger PRFAQ")
	o.fork = git(t, o.dir, env, "rev-parse", "HEAD")

	git(t, o.dir, env, "checkout", "-q", "-b", "weak")
	writeFile(t, doc, strings.Replace(fixtureDoc, "| 1 day |", "| 3 days |", 1))
	git(t, o.dir, env, "commit", "-q", "-a", "-m", "Relax the close-time target")
	writeFile(t, filepath.Join(o.dir, "README.md"), "Ledger, weaker\n")
	git(t, o.dir, env, "commit", "-q", "-a", "-m", "README")
	o.weak = git(t, o.dir, env, "rev-parse", "HEAD")

	git(t, o.dir, env, "checkout", "-q", "-b", "clean", o.fork)
	writeFile(t, filepath.Join(o.dir, "README.md"), "Ledger, cleaner\n")
	git(t, o.dir, env, "commit", "-q", "-a", "-m", "README")
	o.clean = git(t, o.dir, env, "rev-parse", "HEAD")

	git(t, o.dir, env, "checkout", "-q", "main")
	emptyCommits(t, o.dir, env, "refs/heads/main", 60)
	git(t, o.dir, env, "reset", "-q", "--hard")
	writeFile(t, doc, strings.Replace(fixtureDoc, "| 1 day |", "| 12 hours |", 1))
	git(t, o.dir, env, "commit", "-q", "-a", "-m", "Tighten the close-time target")
	o.mainTip = git(t, o.dir, env, "rev-parse", "HEAD")
	return o
}

// emptyCommits adds n commits that change nothing to ref, in one git
// fast-import rather than n processes.
func emptyCommits(t *testing.T, dir string, env []string, ref string, n int) {
	t.Helper()
	var b strings.Builder
	for i := 0; i < n; i++ {
		msg := fmt.Sprintf("history %d\n", i)
		fmt.Fprintf(&b, "commit %s\ncommitter Jane Roe <jane@example.com> %d +0000\ndata %d\n%s", ref, 1700000000+i, len(msg), msg)
		if i == 0 {
			if parent, err := exec.Command("git", "-C", dir, "rev-parse", "--verify", "--quiet", ref).Output(); err == nil {
				fmt.Fprintf(&b, "from %s\n", strings.TrimSpace(string(parent)))
			}
		}
		b.WriteString("\n")
	}
	gitInput(t, dir, env, b.String(), "fast-import", "--quiet")
}

// clone makes a workspace as actions/checkout does: origin is the remote,
// HEAD is the commit under test, detached. depth 0 is a full clone.
func (o *origin) clone(t *testing.T, branch string, depth int) string {
	t.Helper()
	ws := filepath.Join(t.TempDir(), "ws")
	args := []string{"clone", "-q", "--branch", branch}
	if depth > 0 {
		args = append(args, fmt.Sprintf("--depth=%d", depth))
	}
	// file:// so that --depth is honoured, as it is for a real remote.
	git(t, filepath.Dir(ws), baseEnv(t), append(args, "file://"+o.dir, ws)...)
	git(t, ws, baseEnv(t), "checkout", "-q", "--detach")
	return ws
}

// prEvent is a pull_request payload with the fields the action reads.
func prEvent(base, head string, labels ...string) map[string]any {
	ls := []map[string]any{}
	for _, l := range labels {
		ls = append(ls, map[string]any{"id": 1, "name": l, "color": "ededed"})
	}
	return map[string]any{
		"action": "synchronize",
		"number": 7,
		"pull_request": map[string]any{
			"number": 7,
			"base":   map[string]any{"ref": "main", "sha": base},
			"head":   map[string]any{"ref": "feature", "sha": head},
			"labels": ls,
		},
		"repository": map[string]any{"full_name": "acme/ledger", "default_branch": "main"},
	}
}
