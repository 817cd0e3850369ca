package hook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// Action is what Install or Uninstall did to one hook.
type Action string

const (
	Installed Action = "installed" // wrote the script where no hook was
	Wrapped   Action = "wrapped"   // kept the hook that was there as <hook>.prfaq-kept; the script runs it first
	Updated   Action = "updated"   // rewrote an older or altered script of git-prfaq's
	Unchanged Action = "unchanged" // the script was already there, byte for byte, mode 0755
	Removed   Action = "removed"   // deleted the script; there was nothing to restore
	Restored  Action = "restored"  // deleted the script and put the kept hook back
	Absent    Action = "absent"    // no script of git-prfaq's was there; nothing changed
	Left      Action = "left"      // a hook git-prfaq did not write is there; left as it is
)

// Result is what happened to one hook.
type Result struct {
	Hook   string
	Path   string
	Action Action
	// Kept is the foreign hook the script runs first (Install), or the one
	// put back at Path (Uninstall); "" when there is none.
	Kept string
}

func (r Result) String() string {
	s := fmt.Sprintf("%s: %s %s", r.Hook, r.Action, r.Path)
	if r.Kept != "" {
		switch r.Action {
		case Restored:
			s += " (put back from " + filepath.Base(r.Kept) + ")"
		default:
			s += " (runs " + filepath.Base(r.Kept) + " first)"
		}
	}
	return s
}

// ErrConflict is wrapped when a hook holds a file git-prfaq did not write
// while an earlier one is still kept aside: either move could lose one of
// them, so nothing is changed.
var ErrConflict = errors.New("hook conflict")

// scriptMode is the mode of an installed script.
const scriptMode = 0o755

// Install writes git-prfaq's scripts for hooks (nil: DefaultHooks) into
// Dir. It checks every hook before changing any, so a conflict leaves all
// of them as they were. When a hook manager owns the hooks it writes
// nothing and returns a *ManagedError.
func Install(ctx context.Context, repo *gitcmd.Repo, hooks []string) ([]Result, error) {
	specs, err := selectHooks(hooks, DefaultHooks(repo))
	if err != nil {
		return nil, err
	}
	dir, err := Dir(ctx, repo)
	if err != nil {
		return nil, err
	}
	if m := DetectManager(repo, dir); m != nil {
		return nil, &ManagedError{Manager: *m, Config: ManagerConfig(m)}
	}
	states, err := inspectAll(dir, specs)
	if err != nil {
		return nil, err
	}
	if err := checkInstall(states); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create the hooks directory: %w", err)
	}
	return applyAll(states, installOne)
}

// Uninstall removes git-prfaq's scripts for hooks (nil: all of Names) from
// Dir and puts back any hook that was kept aside. A hook git-prfaq did not
// write is left alone, and a conflict changes nothing anywhere.
func Uninstall(ctx context.Context, repo *gitcmd.Repo, hooks []string) ([]Result, error) {
	specs, err := selectHooks(hooks, Names())
	if err != nil {
		return nil, err
	}
	dir, err := Dir(ctx, repo)
	if err != nil {
		return nil, err
	}
	states, err := inspectAll(dir, specs)
	if err != nil {
		return nil, err
	}
	if err := checkUninstall(states); err != nil {
		return nil, err
	}
	return applyAll(states, uninstallOne)
}

func inspectAll(dir string, specs []spec) ([]*state, error) {
	states := make([]*state, 0, len(specs))
	for _, s := range specs {
		st, err := inspect(dir, s)
		if err != nil {
			return nil, err
		}
		states = append(states, st)
	}
	return states, nil
}

func checkInstall(states []*state) error {
	var errs []error
	for _, st := range states {
		switch {
		case st.kind == blocked:
			errs = append(errs, fmt.Errorf("%s is not a file git can run (mode %s): move it away and install again", st.path, st.mode))
		case st.kind == foreign && st.keptExists:
			errs = append(errs, conflict(st, "install"))
		}
	}
	return errors.Join(errs...)
}

func checkUninstall(states []*state) error {
	var errs []error
	for _, st := range states {
		if st.kind == foreign && st.keptExists {
			errs = append(errs, conflict(st, "uninstall"))
		}
	}
	return errors.Join(errs...)
}

func conflict(st *state, op string) error {
	return fmt.Errorf("%w: %s is a hook git-prfaq did not write, and %s still holds the hook kept at install; nothing was changed: keep one of them (delete or rename the other), then run 'git prfaq hook %s' again",
		ErrConflict, st.path, filepath.Base(st.kept), op)
}

// applyAll runs fn on each hook in order and stops at the first error,
// returning what was done so far.
func applyAll(states []*state, fn func(*state) (Result, error)) ([]Result, error) {
	results := make([]Result, 0, len(states))
	for _, st := range states {
		r, err := fn(st)
		if err != nil {
			return results, err
		}
		results = append(results, r)
	}
	return results, nil
}

func installOne(st *state) (Result, error) {
	want := []byte(script(st.spec))
	r := Result{Hook: st.name, Path: st.path}
	if st.keptExists {
		r.Kept = st.kept
	}
	switch st.kind {
	case ours:
		if bytes.Equal(st.data, want) && st.mode.Perm() == scriptMode {
			r.Action = Unchanged
			return r, nil
		}
		r.Action = Updated
		return r, writeScript(st.path, want)
	case foreign:
		r.Action, r.Kept = Wrapped, st.kept
		return r, wrap(st, want)
	default:
		r.Action = Installed
		return r, writeScript(st.path, want)
	}
}

// wrap moves the foreign hook aside and puts the script in its place. The
// script is written to a temporary file first so that the hook path is
// without a hook only between two renames, and is put back if the second
// fails.
func wrap(st *state, script []byte) error {
	tmp, err := stage(st.path, script)
	if err != nil {
		return err
	}
	// Checked again right before the move: rename would replace a kept
	// hook that appeared since inspect.
	if _, err := os.Lstat(st.kept); err == nil {
		os.Remove(tmp)
		return conflict(st, "install")
	}
	if err := os.Rename(st.path, st.kept); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("keep the existing %s hook: %w", st.name, err)
	}
	if err := os.Rename(tmp, st.path); err != nil {
		os.Remove(tmp)
		if rerr := os.Rename(st.kept, st.path); rerr != nil {
			return fmt.Errorf("install %s hook: %w (and putting the original back failed: %v; it is at %s)", st.name, err, rerr, st.kept)
		}
		return fmt.Errorf("install %s hook: %w", st.name, err)
	}
	return nil
}

// writeScript replaces path atomically with data, mode 0755.
func writeScript(path string, data []byte) error {
	tmp, err := stage(path, data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("install %s hook: %w", filepath.Base(path), err)
	}
	return nil
}

// stage writes data to a new temporary file beside path (same directory,
// so the rename is atomic) with mode 0755, set explicitly because the
// umask would otherwise decide.
func stage(path string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".prfaq-tmp-*")
	if err != nil {
		return "", fmt.Errorf("write %s hook: %w", filepath.Base(path), err)
	}
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr, os.Chmod(f.Name(), scriptMode)); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("write %s hook: %w", filepath.Base(path), err)
	}
	return f.Name(), nil
}

func uninstallOne(st *state) (Result, error) {
	r := Result{Hook: st.name, Path: st.path}
	switch {
	case st.kind == foreign || st.kind == blocked:
		r.Action = Left
		return r, nil
	case st.keptExists:
		// Over our script (or into its empty place, when someone deleted
		// it): one rename restores the kept hook exactly, mode and
		// symlink included.
		r.Action, r.Kept = Restored, st.kept
		if err := os.Rename(st.kept, st.path); err != nil {
			return r, fmt.Errorf("put back the kept %s hook: %w", st.name, err)
		}
		return r, nil
	case st.kind == ours:
		r.Action = Removed
		if err := os.Remove(st.path); err != nil {
			return r, fmt.Errorf("remove %s hook: %w", st.name, err)
		}
		return r, nil
	default:
		r.Action = Absent
		return r, nil
	}
}
