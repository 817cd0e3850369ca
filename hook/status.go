package hook

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// Status is one hook as git would run it.
type Status struct {
	Hook      string
	Path      string
	Installed bool   // git-prfaq's script is there and executable, so git runs it
	Foreign   string // path of the hook kept aside that the script runs first; ""
	Other     string // what else runs (or sits) there, "; "-separated; ""
}

// StatusOf reports hooks (nil: DefaultHooks, plus any other of Names that
// has a script or a kept hook) without changing anything; it works when a
// manager owns the hooks too.
func StatusOf(ctx context.Context, repo *gitcmd.Repo, hooks []string) ([]Status, error) {
	dir, err := Dir(ctx, repo)
	if err != nil {
		return nil, err
	}
	explicit := hooks != nil
	specs, err := selectHooks(hooks, Names())
	if err != nil {
		return nil, err
	}
	states, err := inspectAll(dir, specs)
	if err != nil {
		return nil, err
	}
	m := DetectManager(repo, dir)
	def := DefaultHooks(repo)
	var out []Status
	for _, st := range states {
		if explicit || slices.Contains(def, st.name) || st.kind == ours || st.kind == edited || st.keptExists || len(st.backups) > 0 {
			out = append(out, describe(st, m))
		}
	}
	return out, nil
}

func describe(st *state, m *Manager) Status {
	s := Status{Hook: st.name, Path: st.path, Installed: st.kind == ours && executable(st.mode)}
	if st.keptExists {
		s.Foreign = st.kept
	}
	var other []string
	add := func(f string, args ...any) { other = append(other, fmt.Sprintf(f, args...)) }
	kept := filepath.Base(st.kept)
	switch st.kind {
	case ours:
		if !executable(st.mode) {
			add("git-prfaq's script is not executable, so git skips it: run 'git prfaq hook install'")
		}
		if st.keptExists {
			add("runs the earlier hook kept as %s first%s", kept, keptNote(st))
		}
	case edited:
		what := "a changed copy of git-prfaq's script (or a hook that carries its marker line)"
		if !executable(st.mode) {
			what += ", not executable, so git skips it"
		}
		if st.keptExists {
			add("%s; install and uninstall save it as %s.N first; the earlier hook kept as %s is still there%s", what, kept, kept, keptNote(st))
		} else {
			add("%s; install keeps it as %s and runs it first, uninstall saves it as %s.N", what, kept, kept)
		}
	case foreign:
		add("%s", foreignNote(st, m != nil))
		if st.keptExists {
			add("conflict: %s still holds an earlier hook; install and uninstall refuse until one of the two is removed", kept)
		}
	case blocked:
		add("not a file git can run (mode %s)", st.mode)
	case absent:
		if st.keptExists {
			add("the earlier hook kept as %s does not run: git-prfaq's script is missing ('git prfaq hook install' puts it back, 'git prfaq hook uninstall' restores the kept hook)", kept)
		}
	}
	if len(st.backups) > 0 {
		names := make([]string, len(st.backups))
		for i, b := range st.backups {
			names[i] = filepath.Base(b)
		}
		add("saved copies nothing runs: %s", strings.Join(names, ", "))
	}
	if m != nil {
		add("hooks are managed by %s", m)
	}
	s.Other = strings.Join(other, "; ")
	return s
}

func keptNote(st *state) string {
	if !executable(st.keptMode) {
		return " (it is not executable, so it is skipped, as git would)"
	}
	return ""
}

// foreignNote says what a hook git-prfaq did not write is, and what install
// would do with it (nothing, when a manager owns the hooks).
func foreignNote(st *state, managed bool) string {
	what := "a hook git-prfaq did not write"
	if target, err := os.Readlink(st.path); err == nil {
		what = "a symlink to " + target + ", which git-prfaq did not write"
	}
	for _, hm := range hookMarkers {
		if bytes.Contains(st.data, []byte(hm.marker)) {
			what = hm.name + "'s hook script"
			break
		}
	}
	note := what
	if !managed {
		note += " (install keeps it as " + filepath.Base(st.kept) + " and runs it first)"
	}
	if fi, err := os.Stat(st.path); err == nil && !executable(fi.Mode()) {
		note += "; it is not executable, so git skips it"
	}
	return note
}
