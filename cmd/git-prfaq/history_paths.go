package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// rootPaths turns PATH arguments, relative to the current directory as the
// user typed them, into slash paths relative to the repository root, as
// history and git's output use them. A path outside the repository is an
// error naming it.
func rootPaths(w *workspace, args []string) ([]string, error) {
	out := make([]string, 0, len(args))
	for _, arg := range args {
		abs := arg
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(w.cwd, arg)
		}
		rel, err := filepath.Rel(realDir(w.root), realPath(abs))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s: outside the repository at %s", arg, w.root)
		}
		out = append(out, filepath.ToSlash(rel))
	}
	return out, nil
}

// realDir resolves symlinks in a directory that exists (git reports the
// root with them resolved, the cwd may have them).
func realDir(dir string) string {
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return r
	}
	return dir
}

// realPath resolves symlinks in the longest existing parent of p: a path
// the history names may no longer exist.
func realPath(p string) string {
	p = filepath.Clean(p)
	if _, err := os.Lstat(p); err == nil {
		if dir, base := filepath.Split(p); base != "" {
			return filepath.Join(realDir(filepath.Clean(dir)), base)
		}
		return realDir(p)
	}
	dir, base := filepath.Split(p)
	if dir == "" || filepath.Clean(dir) == p {
		return p
	}
	return filepath.Join(realPath(filepath.Clean(dir)), base)
}
