package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run this test binary as git-prfaq, so scripts
// drive the real `git`, which finds `git-prfaq` on PATH as a user's does.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"git-prfaq": func() {
			os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

func TestScripts(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH: the end-to-end scripts drive the real git")
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		Setup:               setupGit,
	})
}

// setupGit isolates each script from the machine's git configuration and
// gives commits a fixed author and date, so hashes are reproducible.
func setupGit(env *testscript.Env) error {
	for k, v := range map[string]string{
		"HOME":                env.WorkDir,
		"GIT_CONFIG_GLOBAL":   filepath.Join(env.WorkDir, ".gitconfig"),
		"GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME":     "Jane Roe",
		"GIT_AUTHOR_EMAIL":    "jane@example.com",
		"GIT_COMMITTER_NAME":  "Jane Roe",
		"GIT_COMMITTER_EMAIL": "jane@example.com",
		"GIT_AUTHOR_DATE":     "2026-11-26T10:00:00Z",
		"GIT_COMMITTER_DATE":  "2026-11-26T10:00:00Z",
		"NO_COLOR":            "",
		"GIT_PRFAQ_TODAY":     "2026-11-26", // deadlines in the fixtures stay in the future
	} {
		env.Setenv(k, v)
	}
	return os.WriteFile(filepath.Join(env.WorkDir, ".gitconfig"),
		[]byte("[user]\n\tname = Jane Roe\n\temail = jane@example.com\n[init]\n\tdefaultBranch = main\n"), 0o644)
}
