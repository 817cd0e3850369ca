package hook

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestScriptText(t *testing.T) {
	for _, h := range Names() {
		s, err := Script(h)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{
			"#!/bin/sh\n" + Marker + "\n",
			"\nhook=" + h + "\n",
			`git-prfaq hook run "$hook" "$@"`,
			InstallCommand,
			`\$(go env GOPATH)/bin is on PATH`,
		} {
			if !strings.Contains(s, want) {
				t.Errorf("%s script lacks %q", h, want)
			}
		}
		// git-prfaq is started directly: through `git prfaq` every
		// commit would pay for a git process that only starts it.
		if strings.Contains(s, "git prfaq hook run") {
			t.Errorf("%s script runs git-prfaq through git", h)
		}
		if !isOurs([]byte(s)) {
			t.Errorf("%s script is not recognised as ours", h)
		}
		// DetectManager reads hook files for these words; ours must not
		// look like a manager's.
		for _, hm := range hookMarkers {
			if strings.Contains(s, hm.marker) {
				t.Errorf("%s script contains manager marker %q", h, hm.marker)
			}
		}
	}
}

// TestScriptShellcheck runs shellcheck in POSIX sh mode when it is
// installed (it is not required to build or test).
func TestScriptShellcheck(t *testing.T) {
	needSh(t)
	if _, err := exec.LookPath("shellcheck"); err != nil {
		t.Skip("shellcheck not installed")
	}
	dir := tempDir(t)
	for _, h := range Names() {
		s, _ := Script(h)
		path := filepath.Join(dir, h)
		writeFile(t, path, s, 0o755)
		if out, err := exec.Command("shellcheck", "-s", "sh", path).CombinedOutput(); err != nil {
			t.Errorf("shellcheck %s: %v\n%s", h, err, out)
		}
	}
}

// hookEnv installs hook in a fresh repository with a foreign hook kept
// beside it, and returns the script path and the environment that puts the
// fake git-prfaq on PATH and tells both recorders where to write.
type hookEnv struct {
	path    string
	fake    *fake
	foreign string // record prefix of the foreign hook
	env     []string
}

func setupHook(t *testing.T, hook string, withForeign bool) *hookEnv {
	t.Helper()
	root := newRepo(t)
	dir := filepath.Join(root, ".git", "hooks")
	h := &hookEnv{path: filepath.Join(dir, hook), fake: newFake(t), foreign: filepath.Join(tempDir(t), "foreign")}
	if withForeign {
		writeFile(t, h.path, foreignHook(), 0o750)
	}
	install(t, open(t, root), hook)
	h.env = append(h.fake.env(), "FOREIGN_LOG="+h.foreign)
	return h
}

// The foreign hook runs first, and both it and git-prfaq get the same
// arguments and the same standard input, byte for byte, in every POSIX
// shell on the machine.
func TestScriptRunsKeptHookWithArgsAndStdin(t *testing.T) {
	needSh(t)
	stdins := map[string]string{
		"refs":             "refs/heads/main 1111111111111111111111111111111111111111 refs/heads/main 0000000000000000000000000000000000000000\nrefs/tags/v1 2222 refs/tags/v1 0000\n",
		"empty":            "",
		"no final newline": "a b c d",
		"blank lines":      "x\n\n\n",
		"shell characters": "$HOME `id` \\n '\"' * %s %%\n",
	}
	for _, sh := range shells() {
		for name, stdin := range stdins {
			t.Run(shellName(sh)+"/"+name, func(t *testing.T) {
				h := setupHook(t, "pre-push", true)
				out, code := runHook(t, sh, h.path, stdin, h.env, "origin", "https://example.com/a b.git")
				if code != 0 {
					t.Fatalf("exit %d: %s", code, out)
				}
				wantArgs := "args: <origin> <https://example.com/a b.git>\n"
				if got := readOpt(t, h.foreign+".calls"); got != wantArgs {
					t.Errorf("foreign hook args %q, want %q", got, wantArgs)
				}
				if got := h.fake.calls(t); got != "args: <hook> <run> <pre-push> <origin> <https://example.com/a b.git>\n" {
					t.Errorf("git-prfaq args %q", got)
				}
				if got := readOpt(t, h.foreign+".stdin"); got != stdin {
					t.Errorf("foreign hook stdin %q, want %q", got, stdin)
				}
				if got := h.fake.stdin(t); got != stdin {
					t.Errorf("git-prfaq stdin %q, want %q", got, stdin)
				}
			})
		}
	}
}

// Decision: a failing kept hook fails the hook with its own exit status,
// and git-prfaq is not run (git shows one failure, the first).
func TestScriptKeptHookFailureStops(t *testing.T) {
	needSh(t)
	for _, hook := range []string{"pre-commit", "pre-push"} {
		t.Run(hook, func(t *testing.T) {
			h := setupHook(t, hook, true)
			_, code := runHook(t, nil, h.path, "x y z w\n", append(h.env, "FOREIGN_EXIT=3"), "arg")
			if code != 3 {
				t.Errorf("exit %d, want the foreign hook's 3", code)
			}
			if readOpt(t, h.foreign+".calls") == "" {
				t.Error("foreign hook did not run")
			}
			if calls := h.fake.calls(t); calls != "" {
				t.Errorf("git-prfaq ran after the foreign hook failed: %q", calls)
			}
		})
	}
}

func TestScriptPrfaqFailureFails(t *testing.T) {
	needSh(t)
	for _, foreign := range []bool{false, true} {
		h := setupHook(t, "pre-push", foreign)
		_, code := runHook(t, nil, h.path, "l\n", append(h.env, "FAKE_PRFAQ_EXIT=1"))
		if code != 1 {
			t.Errorf("foreign=%v: exit %d, want git-prfaq's 1", foreign, code)
		}
	}
}

// Without a kept hook, the script hands over to git-prfaq with arguments
// and stdin as they are.
func TestScriptWithoutKeptHook(t *testing.T) {
	needSh(t)
	h := setupHook(t, "commit-msg", false)
	out, code := runHook(t, nil, h.path, "in", h.env, ".git/COMMIT_EDITMSG")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if got := h.fake.calls(t); got != "args: <hook> <run> <commit-msg> <.git/COMMIT_EDITMSG>\n" {
		t.Errorf("git-prfaq args %q", got)
	}
	if got := h.fake.stdin(t); got != "in" {
		t.Errorf("git-prfaq stdin %q", got)
	}
}

// git runs a hook by a path relative to the work tree (cwd), e.g.
// .git/hooks/pre-commit; the kept hook must still be found.
func TestScriptRelativePath(t *testing.T) {
	needSh(t)
	h := setupHook(t, "pre-commit", true)
	root := filepath.Dir(filepath.Dir(filepath.Dir(h.path)))
	cmd := exec.Command("./.git/hooks/pre-commit", "a")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), h.env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if readOpt(t, h.foreign+".calls") != "args: <a>\n" || h.fake.calls(t) != "args: <hook> <run> <pre-commit> <a>\n" {
		t.Errorf("calls: foreign %q, git-prfaq %q", readOpt(t, h.foreign+".calls"), h.fake.calls(t))
	}
}

// git skips a hook file that is not executable; the kept one is skipped
// the same way, rather than failing.
func TestScriptSkipsNonExecutableKeptHook(t *testing.T) {
	needSh(t)
	h := setupHook(t, "pre-commit", true)
	if err := os.Chmod(h.path+KeptSuffix, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := runHook(t, nil, h.path, "", h.env); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if readOpt(t, h.foreign+".calls") != "" || h.fake.calls(t) == "" {
		t.Errorf("calls: foreign %q, git-prfaq %q", readOpt(t, h.foreign+".calls"), h.fake.calls(t))
	}
}

// A copy of our own script kept aside must not run itself forever.
func TestScriptKeptCopyOfItselfTerminates(t *testing.T) {
	needSh(t)
	h := setupHook(t, "pre-push", false)
	s, _ := Script("pre-push")
	writeFile(t, h.path+KeptSuffix, s, 0o755)
	if out, code := runHook(t, nil, h.path, "r\n", h.env); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if got := h.fake.calls(t); strings.Count(got, "\n") != 2 {
		t.Errorf("git-prfaq calls %q, want 2 (once from the kept copy, once from the script)", got)
	}
}

// Without git-prfaq on PATH the hook fails before running anything, and
// says how to install it or skip the hook once.
func TestScriptMissingBinary(t *testing.T) {
	needSh(t)
	empty := tempDir(t)
	for _, tt := range []struct{ hook, bypass string }{
		{"pre-commit", "git commit --no-verify"},
		{"commit-msg", "git commit --no-verify"},
		{"pre-merge-commit", "git merge --no-verify"},
		{"pre-push", "git push --no-verify"},
		{"pre-receive", "server's hook"},
	} {
		t.Run(tt.hook, func(t *testing.T) {
			h := setupHook(t, tt.hook, true)
			out, code := runHook(t, nil, h.path, "", []string{"PATH=" + empty, "FOREIGN_LOG=" + h.foreign})
			if code == 0 {
				t.Fatal("hook passed without git-prfaq")
			}
			for _, want := range []string{"git-prfaq is not on PATH", InstallCommand, "$(go env GOPATH)/bin is on PATH", tt.bypass} {
				if !strings.Contains(out, want) {
					t.Errorf("message lacks %q:\n%s", want, out)
				}
			}
			if readOpt(t, h.foreign+".calls") != "" {
				t.Error("the kept hook ran although the hook was bound to fail")
			}
		})
	}
}
