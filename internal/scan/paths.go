package scan

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/prfaq/git-prfaq/config"
)

// Paths reads the files and directories the user named on the command
// line, relative to cwd. A named file is checked whatever its name; a
// directory stands for the PRFAQ documents (by the configured globs) under
// it. Paths in results are relative to root, slash-separated.
func Paths(ctx context.Context, root, cwd string, args []string, cfg *config.Config) ([]File, error) {
	var files []File
	for _, arg := range args {
		abs := arg
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, arg)
		}
		info, err := os.Stat(abs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", arg, unwrapPath(err))
		}
		if !info.IsDir() {
			files = append(files, readFile(root, abs, rel(root, abs), cfg))
			continue
		}
		found, err := walkDocuments(ctx, root, abs, cfg)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: is a directory with no PRFAQ documents in it (documents match %v; see documents.globs in %s)", arg, cfg.Documents.Globs, config.FileName)
		}
		files = append(files, found...)
	}
	return files, nil
}

// walkDocuments finds documents under dir, skipping .git and the
// directories git would not look into.
func walkDocuments(ctx context.Context, root, dir string, cfg *config.Config) ([]File, error) {
	var files []File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctxErr(ctx); err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if r := rel(root, p); d.Type().IsRegular() && cfg.IsDocument(r) {
			files = append(files, readFile(root, p, r, cfg))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	return files, nil
}

// rel is p relative to root with slashes, or p itself when it lies
// outside root.
func rel(root, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil || r == ".." || len(r) > 2 && r[:3] == ".."+string(filepath.Separator) {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}
