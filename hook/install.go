package hook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// Action is what Install or Uninstall did to one hook.
type Action string

const (
	Installed Action = "installed" // wrote the script where no hook was
	Wrapped   Action = "wrapped"   // kept the hook that was there as <hook>.prfaq-kept; the script runs it first
	Updated   Action = "updated"   // rewrote an older script of git-prfaq's (or a changed one, saved first as Backup)
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
	// Backup is where a file at Path that git-prfaq had not written byte
	// for byte (its script, changed by hand) was saved before Path was
	// replaced or removed; nothing runs it. "" when nothing was saved.
	Backup string
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
	if r.Backup != "" {
		s += "; the changed file that was there is saved as " + filepath.Base(r.Backup)
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
// Dir. It holds the directory's lock (LockName) from looking at the hooks
// to the last change, checks every hook before changing any, so a conflict
// leaves all of them as they were, and replaces a file only by renaming a
// complete one over it. A file it did not write byte for byte is never
// lost: it is kept as HOOK.prfaq-kept (and run first), or, when that is
// taken and the file carries git-prfaq's marker, saved as a numbered
// backup. When a hook manager owns the hooks it writes nothing and returns
// a *ManagedError.
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
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create the hooks directory: %w", err)
	}
	unlock, err := lockDir(ctx, dir, lockWait)
	if err != nil {
		return nil, err
	}
	defer unlock()
	states, err := inspectAll(dir, specs)
	if err != nil {
		return nil, err
	}
	if err := checkInstall(states); err != nil {
		return nil, err
	}
	return applyAll(states, installOne)
}

// Uninstall removes git-prfaq's scripts for hooks (nil: all of Names) from
// Dir and puts back any hook that was kept aside, under the same lock as
// Install. A hook git-prfaq did not write is left alone, a changed copy of
// its script is saved as a numbered backup before it goes, and a conflict
// changes nothing anywhere.
func Uninstall(ctx context.Context, repo *gitcmd.Repo, hooks []string) ([]Result, error) {
	specs, err := selectHooks(hooks, Names())
	if err != nil {
		return nil, err
	}
	dir, err := Dir(ctx, repo)
	if err != nil {
		return nil, err
	}
	// A missing directory has no hooks to remove, and the lock would
	// create it.
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		unlock, err := lockDir(ctx, dir, lockWait)
		if err != nil {
			return nil, err
		}
		defer unlock()
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
	switch {
	case st.kind == ours:
		if bytes.Equal(st.data, want) && st.mode.Perm() == scriptMode {
			r.Action = Unchanged
			return r, nil
		}
		r.Action = Updated
		return r, writeScript(st.path, want)
	case st.kind == edited && st.keptExists:
		// Our script changed by hand, running the hook kept earlier:
		// the new script runs that hook too, and the changed copy is
		// saved where nothing runs it.
		r.Action = Updated
		tmp, err := stage(st.path, want)
		if err != nil {
			return r, err
		}
		if r.Backup, err = saveCopy(st); err != nil {
			os.Remove(tmp)
			return r, err
		}
		return r, replace(tmp, st.path)
	case st.kind == foreign || st.kind == edited:
		r.Action, r.Kept = Wrapped, st.kept
		return r, wrap(st, want)
	default:
		r.Action = Installed
		tmp, err := stage(st.path, want)
		if err != nil {
			return r, err
		}
		return r, placeNew(tmp, st.path, st.name)
	}
}

// wrap keeps the foreign hook as HOOK.prfaq-kept and puts the script in
// its place. A regular file is hard-linked to the kept name first, so the
// hook path always holds a complete hook, and the link fails rather than
// replace a kept hook that appeared meanwhile.
func wrap(st *state, script []byte) error {
	tmp, err := stage(st.path, script)
	if err != nil {
		return err
	}
	linked, err := keep(st.path, st.kept)
	if errors.Is(err, fs.ErrExist) {
		os.Remove(tmp)
		return conflict(st, "install")
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("keep the existing %s hook: %w", st.name, err)
	}
	if err := os.Rename(tmp, st.path); err != nil {
		os.Remove(tmp)
		undo := os.Remove
		if !linked {
			undo = func(kept string) error { return os.Rename(kept, st.path) }
		}
		if rerr := undo(st.kept); rerr != nil {
			return fmt.Errorf("install %s hook: %w (and undoing the keep failed: %v; the original is at %s)", st.name, err, rerr, st.kept)
		}
		return fmt.Errorf("install %s hook: %w", st.name, err)
	}
	return nil
}

// keep makes the file at path also (linked) or only (moved) reachable at
// dst, never replacing anything at dst: an error wrapping fs.ErrExist
// says dst is taken. Symlinks, and file systems without hard links, are
// moved.
func keep(path, dst string) (linked bool, err error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode().IsRegular() {
		err := os.Link(path, dst)
		if err == nil || errors.Is(err, fs.ErrExist) {
			return err == nil, err
		}
	}
	// Under the lock nothing of ours appears at dst between these two.
	if _, err := os.Lstat(dst); err == nil {
		return false, fs.ErrExist
	}
	return false, os.Rename(path, dst)
}

// saveCopy keeps st.path under the first free numbered name beside the
// kept hook (HOOK.prfaq-kept.1, .2, ...) and returns that name. The file
// stays at st.path too when it could be linked.
func saveCopy(st *state) (string, error) {
	for n := 1; ; n++ {
		dst := backupName(st.kept, n)
		_, err := keep(st.path, dst)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("save the changed %s hook before replacing it: %w", st.name, err)
		}
		return dst, nil
	}
}

// writeScript replaces path atomically with data, mode 0755.
func writeScript(path string, data []byte) error {
	tmp, err := stage(path, data)
	if err != nil {
		return err
	}
	return replace(tmp, path)
}

// replace renames the staged file tmp over path.
func replace(tmp, path string) error {
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("install %s hook: %w", filepath.Base(path), err)
	}
	return nil
}

// placeNew puts the staged file tmp at path where there was nothing,
// never replacing a file that appeared meanwhile (a hard link fails where
// a rename would overwrite).
func placeNew(tmp, path, name string) error {
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		os.Remove(tmp)
		return nil
	case errors.Is(err, fs.ErrExist):
		os.Remove(tmp)
		return fmt.Errorf("install %s hook: %s appeared while installing; nothing was changed: run 'git prfaq hook install' again", name, path)
	}
	if _, err := os.Lstat(path); err == nil {
		os.Remove(tmp)
		return fmt.Errorf("install %s hook: %s appeared while installing; nothing was changed: run 'git prfaq hook install' again", name, path)
	}
	return replace(tmp, path)
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
	if st.kind == foreign || st.kind == blocked {
		r.Action = Left
		return r, nil
	}
	if st.kind == edited {
		// Not ours byte for byte: saved before it goes.
		var err error
		if r.Backup, err = saveCopy(st); err != nil {
			return r, err
		}
	}
	switch {
	case st.keptExists:
		// Over our script (or into its empty place, when someone deleted
		// it): one rename restores the kept hook exactly, mode and
		// symlink included.
		r.Action, r.Kept = Restored, st.kept
		if err := os.Rename(st.kept, st.path); err != nil {
			return r, fmt.Errorf("put back the kept %s hook: %w", st.name, err)
		}
		return r, nil
	case st.kind == ours || st.kind == edited:
		r.Action = Removed
		if err := os.Remove(st.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return r, fmt.Errorf("remove %s hook: %w", st.name, err)
		}
		return r, nil
	default:
		r.Action = Absent
		return r, nil
	}
}
