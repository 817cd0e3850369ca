package hook

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// kind is what occupies a hook's path.
type kind int

const (
	absent  kind = iota
	ours         // byte for byte a script some version of git-prfaq wrote for this hook
	edited       // a regular file with git-prfaq's marker that is not such a script: ours changed by hand, or someone's hook that copied the marker
	foreign      // anything else git could run, symlinks included
	blocked      // a directory or special file: nothing git can run, nothing to move
)

// state is one hook as found on disk.
type state struct {
	spec
	path string // dir/<hook>
	kept string // dir/<hook>.prfaq-kept
	kind kind
	mode fs.FileMode // of path as Lstat sees it
	data []byte      // content of path when it is a regular file (up to maxRead bytes)
	// keptExists: something (even a dangling symlink) is at kept.
	keptExists bool
	keptMode   fs.FileMode // Stat (following symlinks) of kept, for Status
	// backups are the numbered copies (kept.1, kept.2, ...) that install
	// and uninstall saved of files they replaced or removed but had not
	// written; nothing runs them.
	backups []string
}

// maxRead bounds how much of a hook file is read: a script of ours is
// about 2 KiB, and a manager's marker is near the top.
const maxRead = 64 << 10

// inspect looks at one hook in dir without changing anything.
func inspect(dir string, s spec) (*state, error) {
	st := &state{spec: s, path: filepath.Join(dir, s.name), kept: filepath.Join(dir, s.name+KeptSuffix)}
	if err := st.readHook(); err != nil {
		return nil, err
	}
	if _, err := os.Lstat(st.kept); err == nil {
		st.keptExists = true
		if fi, err := os.Stat(st.kept); err == nil {
			st.keptMode = fi.Mode()
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s hook: %w", s.name, err)
	}
	st.backups = backups(st.kept)
	return st, nil
}

// backups lists the numbered copies beside kept (kept.1, kept.2, ...) in
// number order.
func backups(kept string) []string {
	entries, _ := os.ReadDir(filepath.Dir(kept))
	prefix := filepath.Base(kept) + "."
	var nums []int
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if n, err := strconv.Atoi(rest); ok && err == nil && n > 0 && strconv.Itoa(n) == rest {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	out := make([]string, len(nums))
	for i, n := range nums {
		out[i] = backupName(kept, n)
	}
	return out
}

func backupName(kept string, n int) string { return kept + "." + strconv.Itoa(n) }

func (st *state) readHook() error {
	fi, err := os.Lstat(st.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		st.kind = absent
		return nil
	case err != nil:
		return fmt.Errorf("%s hook: %w", st.name, err)
	}
	st.mode = fi.Mode()
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		// A symlink is always foreign: kept (as a link) and restored as one.
		st.kind = foreign
		return nil
	case !fi.Mode().IsRegular():
		st.kind = blocked
		return nil
	}
	data, err := readHead(st.path)
	if err != nil {
		return fmt.Errorf("%s hook: %w", st.name, err)
	}
	st.data = data
	switch {
	case written(st.spec, data):
		st.kind = ours
	case isOurs(data):
		st.kind = edited
	default:
		st.kind = foreign
	}
	return nil
}

// readHead reads at most maxRead bytes of a regular file (a symbolic
// link is followed). Anything else is an error, found without waiting: a
// named pipe is opened without blocking and never read.
func readHead(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|oNonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	return io.ReadAll(io.LimitReader(f, maxRead))
}

// executable: git runs a hook file only when it may execute it.
func executable(mode fs.FileMode) bool { return mode&0o111 != 0 }
