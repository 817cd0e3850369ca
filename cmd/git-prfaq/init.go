package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/prfaq/git-prfaq/config"
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
	w, err := openWorkspace(e, false)
	if err != nil {
		return exitUsage, err
	}
	path := filepath.Join(w.root, config.FileName)
	msg, err := writeConfig(path, force)
	if err != nil {
		return exitUsage, err
	}
	fmt.Fprintln(e.stdout, msg)
	if !noHooks {
		if code, err := installHooks(e, w.repo, nil); err != nil {
			return code, err
		}
	}
	fmt.Fprintln(e.stdout, "next: git prfaq new <dir> to scaffold a PRFAQ, git prfaq check to check one")
	return exitOK, nil
}

// writeConfig writes the template unless a file exists; with force it
// moves the existing file to .bak first, refusing to overwrite a .bak.
func writeConfig(path string, force bool) (string, error) {
	_, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return "", fmt.Errorf("read %s: %w", config.FileName, err)
	case !force:
		return fmt.Sprintf("%s exists: left as it is (--force replaces it, keeping a .bak)", config.FileName), nil
	default:
		bak := path + ".bak"
		if _, err := os.Lstat(bak); err == nil {
			return "", fmt.Errorf("%s.bak exists: move it away first, it would be overwritten", config.FileName)
		}
		if err := os.Rename(path, bak); err != nil {
			return "", fmt.Errorf("keep %s as .bak: %w", config.FileName, err)
		}
	}
	if err := writeNew(path, config.Template()); err != nil {
		return "", err
	}
	return fmt.Sprintf("wrote %s: every key is commented out and shows its default", config.FileName), nil
}

// writeNew creates path exclusively, so a file that appeared meanwhile is
// never overwritten.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
