package gitcmd

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/prfaq/git-prfaq/internal/wire"
)

// IgnoreSources are the files outside the work tree that decide what git
// ignores or how: .git/info/exclude, core.excludesFile (or its default),
// and the configuration files that could set it.
//
// Finding core.excludesFile takes a `git config` process (a millisecond
// of a warm list's dozen). memo is what the last call returned as next
// (nil on a first run): while nothing that could change git's answer has
// changed since, the answer is taken from it and git is not run (see
// configMemo.reusable). next is what to keep for the next call; nil when
// the answer must be asked for every time: configuration given through
// the environment (git -c), or a configuration file with an include,
// whose target files are not stamped.
func (r *Repo) IgnoreSources(ctx context.Context, memo []byte) (sources []string, next []byte, err error) {
	env := r.configEnv()
	if m, ok := decodeConfigMemo(memo); ok && m.reusable(env) {
		return r.sourcesFor(env, m.excludes, m.set), memo, nil
	}
	// The configuration files are stamped before git reads them: a change
	// after the stamp shows next time, whatever git saw.
	taken := time.Now().UnixNano()
	stamps, recordable := stampConfigFiles(env.files, true)
	excludes, set, err := r.ConfigGetPath(ctx, "core.excludesFile")
	if err != nil {
		return nil, nil, err
	}
	sources = r.sourcesFor(env, excludes, set)
	if !recordable || !env.recordable() {
		return sources, nil, nil
	}
	m := configMemo{taken: taken, env: env.key, set: set, excludes: excludes, stamps: stamps}
	return sources, m.encode(), nil
}

// configEnvVars choose which configuration files git reads (the first
// five), or give it configuration of their own (the last three).
var configEnvVars = []string{
	"HOME", "XDG_CONFIG_HOME", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_NOSYSTEM",
	"GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_CONFIG",
}

// configEnv is the environment git's configuration comes from, as git
// run by this Repo sees it (the process's, then Runner.Env).
type configEnv struct {
	vars  map[string]string // configEnvVars that are set
	home  string
	xdg   string   // $XDG_CONFIG_HOME, else ~/.config
	files []string // the configuration files that could set a value
	key   string   // all of the above and the repository, for the memo
}

func (r *Repo) configEnv() configEnv {
	e := configEnv{vars: map[string]string{}}
	for _, k := range configEnvVars {
		if v, ok := os.LookupEnv(k); ok {
			e.vars[k] = v
		}
	}
	for _, kv := range r.run.Env {
		if k, v, ok := strings.Cut(kv, "="); ok && slices.Contains(configEnvVars, k) {
			e.vars[k] = v
		}
	}
	e.home = e.vars["HOME"]
	if e.home == "" {
		e.home, _ = os.UserHomeDir()
	}
	e.xdg = e.vars["XDG_CONFIG_HOME"]
	if e.xdg == "" && e.home != "" {
		e.xdg = filepath.Join(e.home, ".config")
	}
	e.files = []string{filepath.Join(r.CommonDir, "config"), filepath.Join(r.GitDir, "config.worktree"), "/etc/gitconfig"}
	for _, k := range []string{"GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM"} {
		if p := e.vars[k]; p != "" && filepath.IsAbs(p) {
			e.files = append(e.files, p)
		}
	}
	if e.home != "" {
		e.files = append(e.files, filepath.Join(e.home, ".gitconfig"))
	}
	if e.xdg != "" {
		e.files = append(e.files, filepath.Join(e.xdg, "git", "config"))
	}
	slices.Sort(e.files)
	e.files = slices.Compact(e.files)
	var key strings.Builder
	for _, s := range []string{r.Root, r.GitDir, r.CommonDir, e.home} {
		key.WriteString(s)
		key.WriteByte(0)
	}
	for _, k := range configEnvVars {
		if v, ok := e.vars[k]; ok {
			key.WriteString(k + "=" + v)
		}
		key.WriteByte(0)
	}
	e.key = key.String()
	return e
}

// recordable: no configuration comes from the environment, and the
// configuration files named there are absolute (git would resolve a
// relative one against its own working directory).
func (e configEnv) recordable() bool {
	if e.vars["GIT_CONFIG_PARAMETERS"] != "" || e.vars["GIT_CONFIG"] != "" {
		return false
	}
	if c := e.vars["GIT_CONFIG_COUNT"]; c != "" && c != "0" {
		return false
	}
	for _, k := range []string{"GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM"} {
		if p := e.vars[k]; p != "" && !filepath.IsAbs(p) {
			return false
		}
	}
	return true
}

// sourcesFor lists the ignore sources for git's answer about
// core.excludesFile (set: whether it is set).
func (r *Repo) sourcesFor(env configEnv, excludes string, set bool) []string {
	if !set && env.xdg != "" {
		excludes = filepath.Join(env.xdg, "git", "ignore")
	}
	srcs := append([]string{filepath.Join(r.CommonDir, "info", "exclude")}, env.files...)
	if excludes != "" && filepath.IsAbs(excludes) {
		srcs = append(srcs, excludes)
	}
	slices.Sort(srcs)
	return slices.Compact(srcs)
}

// configMemo is git's answer about core.excludesFile and what it
// depended on: the environment, and each configuration file's stamp
// taken before git ran.
type configMemo struct {
	taken    int64 // when the stamps were taken, ns
	env      string
	set      bool
	excludes string
	stamps   []fileStamp
}

// fileStamp is a configuration file's modification time, size and
// identity, through symbolic links (git follows them: a ~/.gitconfig is
// often a link into a dotfiles repository); mtime -1 when it is missing.
type fileStamp struct {
	path                  string
	mtime, size, dev, ino int64
}

// configRacy is how close to the stamp a file may have been modified and
// still be trusted: a second change within the file system's time tick
// would leave the time as it was (git's racy-git rule, and package
// untracked's).
const configRacy = int64(time.Second)

// maxConfigBytes bounds the configuration files read for includes; a
// larger one is not vouched for (git is asked every time).
const maxConfigBytes = 1 << 20

// reusable reports whether git would still give the memo's answer: the
// same environment and configuration files, each with its recorded stamp
// taken well after its last change. A file with an include was never
// recorded (stampConfigFiles), and an unchanged stamp says it has none
// still.
func (m configMemo) reusable(env configEnv) bool {
	if m.env != env.key || !env.recordable() || len(m.stamps) != len(env.files) {
		return false
	}
	for i, s := range m.stamps {
		if s.path != env.files[i] || s.mtime >= m.taken-configRacy {
			return false
		}
	}
	now, ok := stampConfigFiles(env.files, false)
	return ok && slices.Equal(now, m.stamps)
}

// stampConfigFiles stamps files; ok is false when one cannot be vouched
// for: unreadable, not a regular file (os.DevNull aside), too large, or,
// with readAll, holding an include ([include] or [includeIf ...], looked
// for as any "include", ignoring case: a false alarm only costs the git
// call).
func stampConfigFiles(files []string, readAll bool) (stamps []fileStamp, ok bool) {
	stamps = make([]fileStamp, 0, len(files))
	for _, p := range files {
		s, ok := stampConfigFile(p, readAll)
		if !ok {
			return nil, false
		}
		stamps = append(stamps, s)
	}
	return stamps, true
}

func stampConfigFile(p string, readAll bool) (fileStamp, bool) {
	if p == os.DevNull {
		return fileStamp{path: p}, true // always empty
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return fileStamp{path: p, mtime: -1, size: -1}, true
	}
	if err != nil {
		return fileStamp{}, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxConfigBytes {
		return fileStamp{}, false
	}
	dev, ino := fileID(info)
	s := fileStamp{path: p, mtime: info.ModTime().UnixNano(), size: info.Size(), dev: dev, ino: ino}
	if readAll {
		data, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
		if err != nil || len(data) > maxConfigBytes || bytes.Contains(bytes.ToLower(data), []byte("include")) {
			return fileStamp{}, false
		}
	}
	return s, true
}

// The memo's encoding: a version byte, then package wire's values.
const configMemoVersion = 1

var errConfigMemo = errors.New("damaged configuration memo")

func (m configMemo) encode() []byte {
	w := wire.Writer{B: []byte{configMemoVersion}}
	w.Int64(m.taken)
	w.Str(m.env)
	w.Bool(m.set)
	w.Str(m.excludes)
	w.Int(len(m.stamps))
	for _, s := range m.stamps {
		w.Str(s.path)
		for _, v := range []int64{s.mtime, s.size, s.dev, s.ino} {
			w.Int64(v)
		}
	}
	return w.B
}

// decodeConfigMemo reads what encode wrote; ok is false for anything
// else, nil included.
func decodeConfigMemo(b []byte) (m configMemo, ok bool) {
	if len(b) == 0 || b[0] != configMemoVersion {
		return m, false
	}
	r := wire.NewReader(b[1:], errConfigMemo)
	m.taken = r.Int64()
	m.env = strings.Clone(r.Str())
	m.set = r.Bool()
	m.excludes = strings.Clone(r.Str())
	m.stamps = make([]fileStamp, r.Count(5))
	for i := range m.stamps {
		m.stamps[i] = fileStamp{path: strings.Clone(r.Str()), mtime: r.Int64(), size: r.Int64(), dev: r.Int64(), ino: r.Int64()}
	}
	return m, r.End() == nil
}
