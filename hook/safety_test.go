package hook

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// The scripts the first release wrote (testdata/scripts-v0, byte for byte
// from that version) are git-prfaq's own: replaced without a copy.
func TestLegacyScriptsAreWritten(t *testing.T) {
	t.Parallel()
	for _, name := range Names() {
		s, _ := lookup(name)
		old, err := os.ReadFile(filepath.Join("testdata", "scripts-v0", name))
		if err != nil {
			t.Fatal(err)
		}
		if !written(s, old) {
			t.Errorf("%s: the v0 script is not recognised as written by git-prfaq", name)
		}
		if !written(s, []byte(script(s))) {
			t.Errorf("%s: the current script is not recognised", name)
		}
		for _, changed := range []string{string(old) + "\n", strings.Replace(string(old), "exit 1", "exit 0", 1), script(s)[1:]} {
			if written(s, []byte(changed)) {
				t.Errorf("%s: a changed script counts as written", name)
			}
		}
	}
}

// Our script changed by hand is not ours byte for byte: install keeps it
// as HOOK.prfaq-kept (and runs it first), uninstall puts it back exactly.
func TestEditedScriptKept(t *testing.T) {
	t.Parallel()
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	path := filepath.Join(dir, "pre-commit")
	want, _ := Script("pre-commit")
	edited := strings.Replace(want, "hook=pre-commit\n", "hook=pre-commit\nexport MY_SETTING=1\n", 1)
	writeFile(t, path, edited, 0o755)
	before := snapshot(t, dir)

	res := install(t, repo, "pre-commit")
	wantActions(t, res, "pre-commit=wrapped")
	assertScript(t, path, "pre-commit")
	if got := readFile(t, path+KeptSuffix); got != edited {
		t.Errorf("kept copy is not the edited script:\n%s", got)
	}
	wantActions(t, uninstall(t, repo, "pre-commit"), "pre-commit=restored")
	assertSameSnapshot(t, before, snapshot(t, dir))
}

// A hook of the user's that carries our marker line is kept, not taken
// for ours.
func TestMarkerInForeignHookKept(t *testing.T) {
	t.Parallel()
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	mine := "#!/bin/sh\n" + Marker + "\nexec make lint\n"
	writeFile(t, filepath.Join(dir, "pre-push"), mine, 0o700)
	res := install(t, repo, "pre-push")
	wantActions(t, res, "pre-push=wrapped")
	if got := readFile(t, filepath.Join(dir, "pre-push"+KeptSuffix)); got != mine {
		t.Errorf("kept: %q", got)
	}
	st, err := StatusOf(context.Background(), repo, []string{"pre-push"})
	if err != nil || !st[0].Installed || st[0].Foreign == "" {
		t.Errorf("status after install: %+v %v", st, err)
	}
}

// With an earlier hook already kept, a changed script of ours is saved
// under a numbered name (the next free one) before install or uninstall
// replaces it; the kept hook still runs, and uninstall puts it back.
func TestEditedScriptWithKeptSavedNumbered(t *testing.T) {
	t.Parallel()
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	path := filepath.Join(dir, "commit-msg")
	kept := path + KeptSuffix
	writeFile(t, path, foreignHook(), 0o750)
	install(t, repo, "commit-msg")
	want, _ := Script("commit-msg")

	var saved []string
	for i := 1; i <= 2; i++ {
		edit := fmt.Sprintf("%s# edit %d\n", want, i)
		writeFile(t, path, edit, 0o755)
		res := install(t, repo, "commit-msg")
		wantActions(t, res, "commit-msg=updated")
		if b := kept + fmt.Sprint(".", i); res[0].Backup != b || readFile(t, b) != edit {
			t.Errorf("install %d: backup %q, want %s holding the edit", i, res[0].Backup, b)
		}
		if !strings.Contains(res[0].String(), "saved as commit-msg.prfaq-kept."+fmt.Sprint(i)) {
			t.Errorf("result line does not name the copy: %s", res[0])
		}
		assertScript(t, path, "commit-msg")
		saved = append(saved, edit)
	}
	if readFile(t, kept) != foreignHook() {
		t.Error("the kept hook changed")
	}
	st, err := StatusOf(context.Background(), repo, []string{"commit-msg"})
	if err != nil || !strings.Contains(st[0].Other, "saved copies nothing runs: commit-msg.prfaq-kept.1, commit-msg.prfaq-kept.2") {
		t.Errorf("status: %+v %v", st, err)
	}

	edit := want + "# edit 3\n"
	writeFile(t, path, edit, 0o755)
	res := uninstall(t, repo, "commit-msg")
	wantActions(t, res, "commit-msg=restored")
	if res[0].Backup != kept+".3" || readFile(t, kept+".3") != edit {
		t.Errorf("uninstall: backup %q", res[0].Backup)
	}
	if readFile(t, path) != foreignHook() {
		t.Error("uninstall did not put the kept hook back")
	}
	for i, s := range saved {
		if got := readFile(t, fmt.Sprintf("%s.%d", kept, i+1)); got != s {
			t.Errorf("saved copy %d changed", i+1)
		}
	}
}

// Uninstall saves a changed script of ours before removing it.
func TestUninstallEditedSaved(t *testing.T) {
	t.Parallel()
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	install(t, repo, "pre-commit")
	want, _ := Script("pre-commit")
	edit := want + "echo extra\n"
	writeFile(t, filepath.Join(dir, "pre-commit"), edit, 0o755)
	res := uninstall(t, repo, "pre-commit")
	wantActions(t, res, "pre-commit=removed")
	if _, err := os.Lstat(filepath.Join(dir, "pre-commit")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("pre-commit still there: %v", err)
	}
	if got := readFile(t, filepath.Join(dir, "pre-commit"+KeptSuffix+".1")); got != edit {
		t.Errorf("saved copy: %q", got)
	}
	// An unchanged script goes without a copy.
	install(t, repo, "pre-commit")
	res = uninstall(t, repo, "pre-commit")
	if res[0].Backup != "" {
		t.Errorf("an unchanged script was saved: %+v", res[0])
	}
}

// A held lock makes a second taker wait, then give up with a line that
// names the lock file; released, the file is gone.
func TestLockBounded(t *testing.T) {
	t.Parallel()
	dir := tempDir(t)
	unlock, err := lockDir(context.Background(), dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	_, err = lockDir(context.Background(), dir, 20*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, LockName)) || !strings.Contains(err.Error(), "another 'git prfaq hook install'") {
		t.Errorf("second lock: %v", err)
	}
	unlock()
	if _, err := os.Lstat(filepath.Join(dir, LockName)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("lock file left: %v", err)
	}
	unlock, err = lockDir(context.Background(), dir, time.Second)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	unlock()
}

// concurrentHooks are the hooks the concurrency tests fight over: one with
// the user's hook (kept and restored), one without.
var concurrentHooks = []string{"pre-commit", "pre-push"}

const userHook = "#!/bin/sh\n# the user's own hook\nexec make lint\n"

// assertSettled checks the hooks directory between rounds: the user's
// pre-commit is byte for byte at pre-commit (uninstalled) or at
// pre-commit.prfaq-kept with our script in its place (installed); pre-push
// is our script or nothing; no copies, temporary files or lock remain.
func assertSettled(t testing.TB, dir string, round int) {
	t.Helper()
	pc, _ := Script("pre-commit")
	pp, _ := Script("pre-push")
	hook := readOpt(t, filepath.Join(dir, "pre-commit"))
	kept := readOpt(t, filepath.Join(dir, "pre-commit"+KeptSuffix))
	switch {
	case hook == userHook && kept == "":
	case hook == pc && kept == userHook:
	default:
		t.Fatalf("round %d: the user's hook is lost:\npre-commit %q\nkept %q", round, hook, kept)
	}
	if fi, err := os.Lstat(filepath.Join(dir, "pre-commit"+map[bool]string{true: "", false: KeptSuffix}[hook == userHook])); err != nil || fi.Mode() != 0o750 {
		t.Fatalf("round %d: the user's hook lost its mode: %v %v", round, fi, err)
	}
	if got := readOpt(t, filepath.Join(dir, "pre-push")); got != "" && got != pp {
		t.Fatalf("round %d: pre-push holds %q", round, got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		switch e.Name() {
		case "pre-commit", "pre-commit" + KeptSuffix, "pre-push":
		default:
			t.Fatalf("round %d: %s left in the hooks directory", round, e.Name())
		}
	}
}

// Many installs and uninstalls at once, in one process: each round ends
// with the user's hook intact, and none of them fails.
func TestConcurrentInstallUninstall(t *testing.T) {
	t.Parallel()
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	os.RemoveAll(dir)
	writeFile(t, filepath.Join(dir, "pre-commit"), userHook, 0o750)
	ctx := context.Background()
	const rounds, workers = 25, 8
	for round := range rounds {
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for w := range workers {
			wg.Go(func() {
				var err error
				if (w+round)%3 == 0 {
					_, err = Uninstall(ctx, repo, concurrentHooks)
				} else {
					_, err = Install(ctx, repo, concurrentHooks)
				}
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		assertSettled(t, dir, round)
	}
}

// opsEnv hands a child process (this test binary, see TestMain) the
// repository and the operations to run: "DIR\niuiu...".
const opsEnv = "PRFAQ_HOOK_TEST_OPS"

// runOps is a child process of TestConcurrentProcesses: it opens the
// repository and runs each operation ('i' install, 'u' uninstall) of
// concurrentHooks, failing on the first error.
func runOps(arg string) int {
	dir, ops, _ := strings.Cut(arg, "\n")
	ctx := context.Background()
	for _, op := range ops {
		repo, err := gitcmd.Open(ctx, dir)
		if err == nil {
			if op == 'u' {
				_, err = Uninstall(ctx, repo, concurrentHooks)
			} else {
				_, err = Install(ctx, repo, concurrentHooks)
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return 0
}

// The same between processes, as eight terminals running
// 'git prfaq hook install' and 'uninstall' at once would.
func TestConcurrentProcesses(t *testing.T) {
	t.Parallel()
	needSh(t)
	root := newRepo(t)
	dir := filepath.Join(root, ".git", "hooks")
	os.RemoveAll(dir)
	writeFile(t, filepath.Join(dir, "pre-commit"), userHook, 0o750)
	const rounds, procs = 4, 8
	for round := range rounds {
		cmds := make([]*exec.Cmd, procs)
		outs := make([]strings.Builder, procs)
		for p := range cmds {
			ops := "iuiuiiuu"[p%4:] + "iu"[p%2:]
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), opsEnv+"="+root+"\n"+ops)
			cmd.Stdout, cmd.Stderr = &outs[p], &outs[p]
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds[p] = cmd
		}
		for p, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Errorf("round %d, process %d: %v\n%s", round, p, err, outs[p].String())
			}
		}
		if t.Failed() {
			t.FailNow()
		}
		assertSettled(t, dir, round)
	}
}
