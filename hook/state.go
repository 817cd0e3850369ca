package hook

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// kind is what occupies a hook's path.
type kind int

const (
	absent  kind = iota
	ours         // a regular file with git-prfaq's marker
	foreign      // anything git could run that git-prfaq did not write, symlinks included
	blocked      // a directory or special file: nothing git can run, nothing to move
)

// state is one hook as found on disk.
type state struct {
	spec
	path string // dir/<hook>
	kept string // dir/<hook>.prfaq-kept
	kind kind
	mode fs.FileMode // of path as Lstat sees it
	data []byte      // content of path when kind is ours (and of a foreign regular file, for Status)
	// keptExists: something (even a dangling symlink) is at kept.
	keptExists bool
	keptMode   fs.FileMode // Stat (following symlinks) of kept, for Status
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
	return st, nil
}

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
	st.kind = foreign
	if isOurs(data) {
		st.kind = ours
	}
	return nil
}

// readHead reads at most maxRead bytes of a file.
func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxRead))
}

// executable: git runs a hook file only when it may execute it.
func executable(mode fs.FileMode) bool { return mode&0o111 != 0 }
