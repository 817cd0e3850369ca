package hook

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/internal/gittest"

	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// TestMain isolates git from the machine (see gittest.Isolate). Started
// by a test with opsEnv set, the binary is instead one of the processes
// that install and uninstall hooks at once (see runOps).
func TestMain(m *testing.M) {
	gittest.Isolate(nil)
	if ops := os.Getenv(opsEnv); ops != "" {
		os.Exit(runOps(ops))
	}
	os.Exit(m.Run())
}

// needSh skips tests that run hook scripts where there is no POSIX sh.
func needSh(t testing.TB) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("hooks are POSIX sh scripts; Windows is not a target")
	}
}

func git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	return gittest.Git(t, dir, nil, args...)
}

// gitEnv runs git in dir with env added and returns its trimmed output.
func gitEnv(t testing.TB, dir string, env []string, args ...string) string {
	t.Helper()
	return gittest.Git(t, dir, env, args...)
}

var (
	gitTry  = gittest.Try
	tempDir = gittest.TempDir
)

func newRepo(t testing.TB, args ...string) string {
	t.Helper()
	dir := tempDir(t)
	git(t, dir, append([]string{"init", "-q"}, args...)...)
	return dir
}

func open(t testing.TB, dir string) *gitcmd.Repo {
	t.Helper()
	repo, err := gitcmd.Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("Open(%q): %v", dir, err)
	}
	return repo
}

func writeFile(t testing.TB, path, content string, mode fs.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	// WriteFile's mode passes through the umask; the tests need it exact.
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func install(t testing.TB, repo *gitcmd.Repo, hooks ...string) []Result {
	t.Helper()
	res, err := Install(context.Background(), repo, hooks)
	if err != nil {
		t.Fatalf("Install(%v): %v", hooks, err)
	}
	return res
}

func uninstall(t testing.TB, repo *gitcmd.Repo, hooks ...string) []Result {
	t.Helper()
	res, err := Uninstall(context.Background(), repo, hooks)
	if err != nil {
		t.Fatalf("Uninstall(%v): %v", hooks, err)
	}
	return res
}

// assertScript checks that path holds git-prfaq's script for hook, 0755.
func assertScript(t testing.TB, path, hook string) {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatalf("%s hook not installed: %v", hook, err)
	}
	if fi.Mode() != scriptMode {
		t.Errorf("%s: mode %v, want %v", path, fi.Mode(), fs.FileMode(scriptMode))
	}
	want, _ := Script(hook)
	if got := readFile(t, path); got != want {
		t.Errorf("%s: content differs from Script(%q)", path, hook)
	}
}

// snapshot is every file under dir (path -> mode and content or link
// target), to prove that an operation changed nothing.
func snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := os.Lstat(path)
		if err != nil {
			return err
		}
		val := fi.Mode().String()
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			val += " -> " + target
		case fi.Mode().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			val += " " + string(data)
		}
		snap[path] = val
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return snap
}

func assertSameSnapshot(t testing.TB, before, after map[string]string) {
	t.Helper()
	for p, v := range before {
		if after[p] != v {
			t.Errorf("%s changed:\nbefore %q\nafter  %q", p, v, after[p])
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s appeared", p)
		}
	}
}

// fake is a stand-in git-prfaq on PATH that records each call's arguments
// (one line each, every argument in <>) and standard input.
type fake struct {
	bin string // directory to put first on PATH
	log string // prefix of the record files
}

const recorder = `#!/bin/sh
{ printf 'args:'; for a in "$@"; do printf ' <%s>' "$a"; done; printf '\n'; } >>"$LOG.calls"
cat >>"$LOG.stdin"
exit "${EXIT:-0}"
`

// newFake writes a fake git-prfaq whose records go to <tmp>/prfaq.* and
// whose exit status is $FAKE_PRFAQ_EXIT.
func newFake(t testing.TB) *fake {
	t.Helper()
	dir := tempDir(t)
	f := &fake{bin: filepath.Join(dir, "bin"), log: filepath.Join(dir, "prfaq")}
	script := strings.ReplaceAll(recorder, "$LOG", "$FAKE_PRFAQ_LOG")
	script = strings.ReplaceAll(script, "${EXIT", "${FAKE_PRFAQ_EXIT")
	writeFile(t, filepath.Join(f.bin, "git-prfaq"), script, 0o755)
	return f
}

// env is what a process needs to find the fake and where it records.
func (f *fake) env() []string {
	return []string{"PATH=" + f.bin + string(os.PathListSeparator) + os.Getenv("PATH"), "FAKE_PRFAQ_LOG=" + f.log}
}

func (f *fake) calls(t testing.TB) string { return readOpt(t, f.log+".calls") }
func (f *fake) stdin(t testing.TB) string { return readOpt(t, f.log+".stdin") }
func readOpt(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return string(data)
}

// foreignHook is a hook git-prfaq did not write: it records like the fake
// (to $FOREIGN_LOG.*) and exits with $FOREIGN_EXIT.
func foreignHook() string {
	s := strings.ReplaceAll(recorder, "$LOG", "$FOREIGN_LOG")
	return strings.ReplaceAll(s, "${EXIT", "${FOREIGN_EXIT")
}

// runHook runs an installed hook script the way git does (its path as $0)
// through shell (nil: the kernel and its #! line), with args, stdin and env
// added to the environment.
func runHook(t testing.TB, shell []string, path string, stdin string, env []string, args ...string) (string, int) {
	t.Helper()
	argv := append(append(append([]string{}, shell...), path), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), ee.ExitCode()
	}
	if err != nil {
		t.Fatalf("run %s: %v", path, err)
	}
	return out.String(), 0
}

// shells are the POSIX shells on this machine to run the scripts with;
// /bin/sh (through #!) is always one.
func shells() [][]string {
	out := [][]string{nil}
	for _, sh := range [][]string{{"dash"}, {"bash", "--posix"}, {"busybox", "sh"}, {"mksh"}, {"yash"}, {"zsh", "--emulate", "sh"}} {
		if _, err := exec.LookPath(sh[0]); err == nil {
			out = append(out, sh)
		}
	}
	return out
}

func shellName(sh []string) string {
	if sh == nil {
		return "shebang"
	}
	return strings.Join(sh, "_")
}
