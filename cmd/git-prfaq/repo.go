package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// workspace is the repository a command runs in and its configuration.
type workspace struct {
	repo *gitcmd.Repo // nil outside a repository (only check PATH allows it)
	root string
	cwd  string
	cfg  *config.Config
}

// openWorkspace finds the repository around the cwd and loads its
// .prfaq.toml. Outside a repository it fails unless allowOutside, when the
// cwd stands in for the root.
func openWorkspace(e *env, allowOutside bool) (*workspace, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("find the current directory: %w", err)
	}
	w := &workspace{cwd: cwd, root: cwd}
	repo, err := gitcmd.Open(e.ctx, cwd)
	switch {
	case err == nil:
		w.repo, w.root = repo, repo.Root
	case errors.Is(err, gitcmd.ErrNotRepository) && allowOutside:
	default:
		return nil, err
	}
	if w.repo != nil && w.repo.Bare {
		return nil, errors.New("this is a bare repository: run this command in a work tree (a bare repository is checked by the pre-receive hook)")
	}
	if w.cfg, err = config.Load(w.root); err != nil {
		return nil, err
	}
	return w, nil
}

// needRepo is the error for a mode that reads git state outside a
// repository.
func (w *workspace) needRepo(what string) error {
	if w.repo == nil {
		return fmt.Errorf("%s needs a git repository: %w", what, gitcmd.ErrNotRepository)
	}
	return nil
}

// todayEnv names the variable that fixes today's date where there is no
// --today flag (the hooks) or none was given: reproducible runs and tests.
const todayEnv = "GIT_PRFAQ_TODAY"

// parseToday reads --today, else $GIT_PRFAQ_TODAY, else takes today's date
// in UTC. A malformed date is an error naming where it came from, never a
// silent switch-off of the deadline rules.
func parseToday(flag string) (time.Time, error) {
	s, from := flag, "--today"
	if s == "" {
		s, from = os.Getenv(todayEnv), todayEnv
	}
	if s == "" {
		y, m, d := time.Now().UTC().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q: want a date as YYYY-MM-DD", from, s)
	}
	return t, nil
}

// colorOK reports whether w is a terminal and NO_COLOR is unset
// (https://no-color.org: any non-empty value disables colour).
func colorOK(w any) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
