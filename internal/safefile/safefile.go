// Package safefile reads and writes the files of a work tree without
// leaving it: a symbolic link is never followed at the file itself, a link
// on the way may lead anywhere inside the work tree but never out of it,
// and anything but a regular file (a named pipe, a device, a directory) is
// refused without being opened for reading, so it cannot hang a command or
// hand it another file's contents. The work tree belongs to whoever wrote
// the change being checked; these are the rules every reader of it keeps.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

var (
	// ErrSymlink: the file is a symbolic link, which is never followed.
	ErrSymlink = errors.New("is a symbolic link, which git-prfaq does not follow: replace it with the file itself")
	// ErrNotRegular: the file is a named pipe, a device, a socket or a
	// directory.
	ErrNotRegular = errors.New("is not a regular file")
	// ErrOutside: a symbolic link on the path leads out of the work tree.
	ErrOutside = errors.New("a symbolic link on its path leads outside the repository, which git-prfaq does not follow")
)

// ReadFile reads the regular file rel (slash-separated, relative to the
// directory root) within root. check, when not nil, sees the size before
// anything is read and may refuse it; at most limit bytes are read when
// limit > 0 (more than that is an error). Errors wrap fs.ErrNotExist,
// ErrSymlink, ErrNotRegular or ErrOutside, or the system's, never with
// the file's contents and without the path (the caller names it).
func ReadFile(root, rel string, check func(size int64) error, limit int64) ([]byte, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, unwrap(err)
	}
	defer r.Close()
	name := filepath.FromSlash(rel)
	fi, err := r.Lstat(name)
	if err != nil {
		return nil, unwrap(err)
	}
	if err := regular(fi); err != nil {
		return nil, err
	}
	f, err := r.OpenFile(name, os.O_RDONLY|oNonblock, 0)
	if err != nil {
		return nil, unwrap(err)
	}
	defer f.Close()
	return read(f, check, limit)
}

// ReadPath is ReadFile for a path that lies in no work tree (a file named
// on the command line outside any repository): the file itself is still
// never a symbolic link nor anything but a regular file.
func ReadPath(path string, check func(size int64) error, limit int64) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, unwrap(err)
	}
	if err := regular(fi); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|oNonblock|oNofollow, 0)
	if err != nil {
		return nil, unwrap(err)
	}
	defer f.Close()
	return read(f, check, limit)
}

// read checks what was opened (it may have changed since the Lstat) and
// reads it.
func read(f *os.File, check func(int64) error, limit int64) ([]byte, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, unwrap(err)
	}
	if err := regular(fi); err != nil {
		return nil, err
	}
	if check != nil {
		if err := check(fi.Size()); err != nil {
			return nil, err
		}
	}
	var src io.Reader = f
	if limit > 0 {
		src = io.LimitReader(f, limit+1)
	}
	data, err := io.ReadAll(src)
	if err != nil {
		return nil, unwrap(err)
	}
	if limit > 0 && int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return data, nil
}

func regular(fi fs.FileInfo) error {
	switch m := fi.Mode(); {
	case m&fs.ModeSymlink != 0:
		return ErrSymlink
	case m.IsDir():
		return fmt.Errorf("%w: it is a directory", ErrNotRegular)
	case m&fs.ModeNamedPipe != 0:
		return fmt.Errorf("%w: it is a named pipe", ErrNotRegular)
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return fmt.Errorf("%w: it is a device", ErrNotRegular)
	case m&fs.ModeSocket != 0:
		return fmt.Errorf("%w: it is a socket", ErrNotRegular)
	case !m.IsRegular():
		return ErrNotRegular
	}
	return nil
}

// CreateNew writes data to the new file rel (slash-separated) within root,
// creating its missing parent directories (mode 0755). It never replaces
// anything (an error wrapping fs.ErrExist) and never writes through a
// symbolic link that leads outside root; a link at rel itself counts as
// existing.
func CreateNew(root, rel string, data []byte, perm fs.FileMode) error {
	r, err := os.OpenRoot(root)
	if err != nil {
		return unwrap(err)
	}
	defer r.Close()
	name := filepath.FromSlash(rel)
	if dir := filepath.Dir(name); dir != "." {
		if err := r.MkdirAll(dir, 0o755); err != nil {
			return unwrap(err)
		}
	}
	f, err := r.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return unwrap(err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		r.Remove(name)
		return unwrap(err)
	}
	return f.Close()
}

// Replace writes data to the file at path (an output the user named, such
// as --output or --write-baseline) through a temporary file beside it and
// a rename, so an interrupted write never leaves half a file in its place.
// A path that exists and is not a regular file (a symbolic link, a
// directory, a device) is refused with ErrNotRegular, never written
// through.
func Replace(path string, data []byte, perm fs.FileMode) error {
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		return ErrNotRegular
	}
	return Write(path, "."+filepath.Base(path)+".*", data, perm)
}

// Write replaces the file at path with data through a temporary file
// beside it, named by pattern (as os.CreateTemp takes it), and a rename:
// a reader sees the old file or the new one, never half of one, and an
// interrupted write leaves at most the temporary file. Unlike Replace it
// does not look at what path is now; a cache writes its own files so.
func Write(path, pattern string, data []byte, perm fs.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), pattern)
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr, os.Chmod(tmp.Name(), perm)); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// Lstat is os.Lstat of rel within root: a symbolic link on the way that
// leads outside root is ErrOutside.
func Lstat(root, rel string) (fs.FileInfo, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, unwrap(err)
	}
	defer r.Close()
	fi, err := r.Lstat(filepath.FromSlash(rel))
	if err != nil {
		return nil, unwrap(err)
	}
	return fi, nil
}

// unwrap drops the path from an *fs.PathError (the caller names the file,
// relative to the repository) and turns os.Root's escape into ErrOutside.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if strings.Contains(err.Error(), "path escapes from parent") {
		return ErrOutside
	}
	return err
}
