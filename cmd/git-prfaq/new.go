package main

import (
	"errors"
	"fmt"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/prfaq/git-prfaq/internal/safefile"
	"github.com/prfaq/git-prfaq/prfaq"
)

var newHelp = helpText{
	name:     "new",
	synopsis: "new PATH [--title T] [--owner O]",
	about: `Scaffold a PRFAQ from the template. PATH is a file, or a directory that
gets PATH/PRFAQ.md. An existing file is never overwritten, and PATH must lie
inside the repository. The template fails 'git prfaq check' until every
<marker> in it is replaced by your own words.`,
}

func runNew(e *env, args []string) (int, error) {
	var title, owner string
	fs := newFlags(newHelp, e.stdout)
	fs.StringVar(&title, "title", "", "the headline (default: a marker to replace)")
	fs.StringVar(&owner, "owner", "", `the owner (default: git config user.name <user.email>)`)
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if fs.NArg() != 1 {
		return exitUsage, fmt.Errorf("want one PATH, got %d: run 'git prfaq new --help'", fs.NArg())
	}
	w, err := openWorkspace(e, false)
	if err != nil {
		return exitUsage, err
	}
	_, rel, err := newPath(w, fs.Arg(0))
	if err != nil {
		return exitUsage, err
	}
	if owner == "" {
		owner = gitOwner(e, w)
	}
	// Within the work tree: a symbolic link on the way that leads out of
	// it is refused, never written through, and nothing is replaced.
	if err := safefile.CreateNew(w.root, rel, prfaq.Template(title, owner), 0o644); err != nil {
		switch {
		case errors.Is(err, iofs.ErrExist):
			return exitUsage, fmt.Errorf("%s exists: it is never overwritten; choose another path", rel)
		case errors.Is(err, safefile.ErrOutside):
			return exitUsage, fmt.Errorf("%s: %w: choose a path inside it", rel, err)
		}
		return exitUsage, fmt.Errorf("create %s: %w", rel, err)
	}
	fmt.Fprintf(e.stdout, "created %s: replace every <marker>, then run git prfaq check %s\n", rel, rel)
	if !w.cfg.IsDocument(rel) {
		fmt.Fprintf(e.stdout, "note: %s does not match documents.globs %v, so hooks and --all will not find it: name it PRFAQ.md or add a glob to .prfaq.toml\n", rel, w.cfg.Documents.Globs)
	}
	return exitOK, nil
}

// newPath resolves PATH against the cwd: a directory (existing, or written
// with a trailing slash, or without a .md extension) gets PRFAQ.md. It
// refuses paths outside the repository and existing files.
func newPath(w *workspace, arg string) (abs, rel string, err error) {
	abs = arg
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(w.cwd, arg)
	}
	info, statErr := os.Stat(abs)
	isDir := statErr == nil && info.IsDir()
	if isDir || strings.HasSuffix(arg, "/") || strings.HasSuffix(arg, string(filepath.Separator)) || filepath.Ext(abs) == "" {
		abs = filepath.Join(abs, "PRFAQ.md")
	}
	r, err := filepath.Rel(w.root, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", "", fmt.Errorf("%s is outside the repository %s: choose a path inside it", arg, w.root)
	}
	rel = filepath.ToSlash(r)
	if _, err := os.Lstat(abs); err == nil {
		return "", "", fmt.Errorf("%s exists: it is never overwritten; choose another path", rel)
	}
	return abs, rel, nil
}

// gitOwner is "Name <email>" from git config, or a marker to replace.
func gitOwner(e *env, w *workspace) string {
	name, _, _ := w.repo.ConfigGet(e.ctx, "user.name")
	email, _, _ := w.repo.ConfigGet(e.ctx, "user.email")
	switch {
	case name != "" && email != "":
		return name + " <" + email + ">"
	case name != "":
		return name
	}
	return ""
}
