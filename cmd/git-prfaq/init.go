package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/safefile"
)

var initHelp = helpText{
	name:     "init",
	synopsis: "init [--force] [--no-hooks]",
	about: `Set the repository up: write a commented .prfaq.toml showing every key
with its default (an existing one is never overwritten, unless --force,
which keeps the old file as .prfaq.toml.bak), and install the git hooks
(see 'git prfaq hook --help'; --no-hooks skips them).`,
}

func runInit(e *env, args []string) (int, error) {
	var force, noHooks bool
	fs := newFlags(initHelp, e.stdout)
	fs.BoolVar(&force, "force", false, "replace an existing .prfaq.toml (the old one is kept as .prfaq.toml.bak)")
	fs.BoolVar(&noHooks, "no-hooks", false, "do not install the git hooks")
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if fs.NArg() > 0 {
		return exitUsage, fmt.Errorf("unexpected argument %q: init takes no paths", fs.Arg(0))
	}
	// The configuration is not loaded: init --force is how a broken one
	// is replaced.
	repo, err := openRepo(e)
	if err != nil {
		return exitUsage, err
	}
	if repo.Bare || repo.Root == "" {
		return exitUsage, errors.New("this repository has no work tree for a .prfaq.toml: run init in a work tree (a bare repository is checked by the pre-receive hook)")
	}
	// At the top of the work tree, wherever the command runs from (git
	// --work-tree=DIR may run it elsewhere).
	msg, err := writeConfig(repo.Root, force)
	if err != nil {
		return exitUsage, err
	}
	fmt.Fprintln(e.stdout, msg)
	if !noHooks {
		if code, err := installHooks(e, repo, nil); err != nil {
			return code, err
		}
	}
	fmt.Fprintln(e.stdout, "next: git prfaq new <dir> to scaffold a PRFAQ, git prfaq check to check one")
	return exitOK, nil
}

// writeConfig writes the template to root/.prfaq.toml unless something is
// there; with force it keeps what is there (a broken file, a symbolic link,
// anything but a directory) as .prfaq.toml.bak first, refusing to
// overwrite a .bak. Nothing is read or written through a symbolic link.
func writeConfig(root string, force bool) (string, error) {
	path := filepath.Join(root, config.FileName)
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := safefile.CreateNew(root, config.FileName, config.Template(), 0o644); err != nil {
			return "", fmt.Errorf("create %s: %w", config.FileName, err)
		}
		return fmt.Sprintf("wrote %s: every key is commented out and shows its default", config.FileName), nil
	case err != nil:
		return "", fmt.Errorf("read %s: %w", config.FileName, err)
	case !force:
		return fmt.Sprintf("%s exists: left as it is (--force replaces it, keeping a .bak)", config.FileName), nil
	case fi.IsDir():
		return "", fmt.Errorf("%s is a directory: move it away first", config.FileName)
	}
	bak := path + ".bak"
	if _, err := os.Lstat(bak); err == nil {
		return "", fmt.Errorf("%s.bak exists: move it away first, it would be overwritten", config.FileName)
	}
	// The new file is complete before anything moves, and the old one is
	// put back if the new one cannot take its place.
	tmp, err := os.CreateTemp(root, config.FileName+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", config.FileName, err)
	}
	_, werr := tmp.Write(config.Template())
	if err := errors.Join(werr, tmp.Chmod(0o644), tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("write %s: %w", config.FileName, err)
	}
	if err := os.Rename(path, bak); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("keep %s as .bak: %w", config.FileName, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		os.Rename(bak, path)
		return "", fmt.Errorf("write %s: %w", config.FileName, err)
	}
	return fmt.Sprintf("wrote %s: every key is commented out and shows its default; the old file is %s.bak", config.FileName, config.FileName), nil
}
