// Package untracked lists the untracked PRFAQ documents of a work tree
// without walking all of it on every run, as git's untracked cache does
// for git status (see docs/performance.md, "The result cache"): a run
// records every directory's modification time, every ignore file's, and
// what git listed; the next run asks git again only about the directories
// whose modification time changed. A file added, removed or renamed in a
// directory changes that directory's time; an ignore rule that changes
// (a .gitignore, .git/info/exclude, core.excludesFile, a git config file)
// makes it list everything again.
package untracked

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/prfaq/git-prfaq/internal/wire"
)

// racy is how close to a walk a directory or file may have been modified
// and still be trusted next time: file systems keep times in ticks (a
// jiffy on Linux), so a second change within the tick of the first
// leaves the time as it was. Git trusts no index entry modified at or
// after the index itself, for the same reason.
const racy = int64(time.Second)

// Lister lists one work tree's untracked documents.
type Lister struct {
	Root string
	// Sources are the ignore files and git configuration files outside
	// the work tree (absolute paths; missing ones are recorded as such).
	// SourcesFrom, when set, gives them instead, from memo, what it
	// returned as next on the run that took the last snapshot (nil
	// without one); it runs while the directories' times are checked
	// (the caller may ask git), and next is kept in the new snapshot.
	Sources     []string
	SourcesFrom func(memo []byte) (sources []string, next []byte, err error)
	// Tracked are the documents in the index now. TrackedLater, when set,
	// gives them instead, once the recorded times are checked: the caller
	// reads the index meanwhile.
	Tracked      []string
	TrackedLater func() ([]string, error)
	// Keep says whether a path is a document.
	Keep func(string) bool
	// Query asks git for the untracked files under dirs (slash paths from
	// the root); nil dirs means the whole work tree, limited to documents.
	Query func(ctx context.Context, dirs []string) ([]string, error)

	rootFD   int // the root opened for lstatAt, while List runs
	rootOpen bool
	memo     []byte // SourcesFrom's next, for the snapshot
}

// snapshot is what one listing saw.
type snapshot struct {
	taken   int64
	dirs    []stamp // "" is the root
	ignores []stamp // .gitignore files (relative) and Sources (absolute)
	tracked []string
	found   []string
	memo    []byte // what SourcesFrom returned as next
}

// stamp is a path's modification time and size; -1 when it is missing.
type stamp struct {
	path        string
	mtime, size int64
}

// List returns the untracked documents, sorted, and the snapshot to keep
// for the next run. prev is the last run's snapshot (nil or damaged: list
// everything); it must not change while the results are used (the
// paths share its bytes).
func (l *Lister) List(ctx context.Context, prev []byte) (found []string, next []byte, err error) {
	if fd, err := openRoot(l.Root); err == nil {
		l.rootFD, l.rootOpen = fd, true
		defer func() { closeRoot(fd); l.rootOpen = false }()
	}
	snap, ok := decode(prev)
	sourcesDone := l.findSources(snap.memo)
	var dirty []string
	if ok {
		dirty = l.changedDirs(snap)
	}
	if err := sourcesDone(); err != nil {
		return nil, nil, err
	}
	if ok {
		ok = l.sameIgnores(snap)
	}
	if l.TrackedLater != nil {
		if l.Tracked, err = l.TrackedLater(); err != nil {
			return nil, nil, err
		}
	}
	if ok {
		dirty = outermost(append(dirty, l.untrackedSince(snap)...))
	}
	switch {
	case !ok || slices.Contains(dirty, ""):
		return l.full(ctx)
	case len(dirty) == 0 && slices.Equal(snap.tracked, sorted(l.Tracked)):
		if bytes.Equal(snap.memo, l.memo) {
			return l.kept(snap), prev, nil // nothing to write back
		}
		found := l.kept(snap)
		snap.memo = l.memo
		return found, encode(snap), nil
	}
	return l.partial(ctx, snap, dirty)
}

// findSources runs SourcesFrom on another goroutine; the function it
// returns waits for it.
func (l *Lister) findSources(memo []byte) func() error {
	if l.SourcesFrom == nil {
		return func() error { return nil }
	}
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		l.Sources, l.memo, err = l.SourcesFrom(memo)
	}()
	return func() error { <-done; return err }
}

// kept is the snapshot's list less what the index tracks now.
func (l *Lister) kept(s snapshot) []string {
	tracked := make(map[string]bool, len(l.Tracked))
	for _, p := range l.Tracked {
		tracked[p] = true
	}
	var out []string
	for _, p := range s.found {
		if !tracked[p] {
			out = append(out, p)
		}
	}
	return out
}

func sorted(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return out
}

// full walks and lists the whole work tree.
func (l *Lister) full(ctx context.Context) ([]string, []byte, error) {
	s := snapshot{taken: time.Now().UnixNano()}
	if err := l.walk("", &s); err != nil {
		return nil, nil, err
	}
	s.ignores = append(s.ignores, l.sources()...)
	listed, err := l.Query(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	return l.finish(s, listed)
}

// partial lists again only under the dirty directories, keeping what the
// snapshot says of the rest.
func (l *Lister) partial(ctx context.Context, old snapshot, dirty []string) ([]string, []byte, error) {
	s := snapshot{taken: time.Now().UnixNano()}
	for _, d := range old.dirs {
		if !under(d.path, dirty) {
			s.dirs = append(s.dirs, d)
		}
	}
	for _, ig := range old.ignores {
		if filepath.IsAbs(ig.path) || !under(path.Dir(ig.path), dirty) {
			s.ignores = append(s.ignores, ig)
		}
	}
	for _, d := range dirty {
		if err := l.walk(d, &s); err != nil {
			return nil, nil, err
		}
	}
	var listed []string
	if len(dirty) > 0 { // else only the index changed
		var err error
		if listed, err = l.Query(ctx, dirty); err != nil {
			return nil, nil, err
		}
	}
	for _, f := range old.found {
		if !under(path.Dir(f), dirty) {
			listed = append(listed, f)
		}
	}
	return l.finish(s, listed)
}

// finish keeps the documents that are not tracked, sorted and once each.
func (l *Lister) finish(s snapshot, listed []string) ([]string, []byte, error) {
	tracked := make(map[string]bool, len(l.Tracked))
	for _, p := range l.Tracked {
		tracked[p] = true
	}
	for _, p := range listed {
		if l.Keep(p) && !tracked[p] {
			s.found = append(s.found, p)
		}
	}
	slices.Sort(s.found)
	s.found = slices.Compact(s.found)
	s.tracked = sorted(l.Tracked)
	s.memo = l.memo
	return s.found, encode(s), nil
}

// changedTimes lists the directories whose listing may have changed since
// snap by their times, the outermost of each subtree; ok is false when an
// ignore rule may have changed, which changes what every directory lists.
func (l *Lister) changedTimes(snap snapshot) (dirty []string, ok bool) {
	if !l.sameIgnores(snap) {
		return nil, false
	}
	return l.changedDirs(snap), true
}

// sameIgnores reports whether every ignore file and configuration file is
// as snap recorded it, and the sources are the same files.
func (l *Lister) sameIgnores(snap snapshot) bool {
	for _, ig := range snap.ignores {
		if !l.same(ig, snap.taken) {
			return false
		}
	}
	// Another core.excludesFile is another list.
	return slices.Equal(sortedPaths(snap.ignores, true), sortedPaths(l.sources(), true))
}

// changedDirs lists the directories whose time changed since snap, the
// outermost of each subtree. They are checked on several goroutines:
// lstat waits on the file system, and a large tree has thousands.
func (l *Lister) changedDirs(snap snapshot) (dirty []string) {
	const workers = 4
	changed := make([]bool, len(snap.dirs))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(snap.dirs); i += workers {
				changed[i] = !l.same(snap.dirs[i], snap.taken)
			}
		}()
	}
	wg.Wait()
	for i, d := range snap.dirs {
		if changed[i] {
			dirty = append(dirty, d.path)
		}
	}
	return outermost(dirty)
}

// untrackedSince lists the directories of the documents the index tracked
// at snap and no longer does: they may be untracked files now.
func (l *Lister) untrackedSince(snap snapshot) []string {
	now := make(map[string]bool, len(l.Tracked))
	for _, p := range l.Tracked {
		now[p] = true
	}
	var dirs []string
	for _, p := range snap.tracked {
		if !now[p] {
			dirs = append(dirs, dirOf(p))
		}
	}
	return dirs
}

// same reports whether a recorded stamp still holds and was not taken so
// close to its change that a second change could hide in the same tick.
func (l *Lister) same(s stamp, taken int64) bool {
	now := l.stat(s.path)
	return now == s && (s.mtime < 0 || s.mtime < taken-racy)
}

func (l *Lister) stat(p string) stamp {
	if l.rootOpen && p != "" && !filepath.IsAbs(p) {
		mtime, size, dir, err := lstatAt(l.rootFD, p)
		return newStamp(p, mtime, size, dir, err)
	}
	var info fs.FileInfo
	var err error
	if filepath.IsAbs(p) {
		// A source outside the work tree is read through symbolic links
		// (a core.excludesFile linked into a dotfiles repository): its
		// target's time is the one that changes.
		info, err = os.Stat(p)
	} else {
		info, err = os.Lstat(filepath.Join(l.Root, filepath.FromSlash(p)))
	}
	if err != nil {
		return newStamp(p, 0, 0, false, err)
	}
	return newStamp(p, info.ModTime().UnixNano(), info.Size(), info.IsDir(), nil)
}

func newStamp(p string, mtime, size int64, dir bool, err error) stamp {
	if err != nil {
		return stamp{path: p, mtime: -1, size: -1}
	}
	if dir {
		size = 0 // a directory's size says nothing its time does not
	}
	return stamp{path: p, mtime: mtime, size: size}
}

func (l *Lister) sources() []stamp {
	out := make([]stamp, 0, len(l.Sources))
	for _, p := range l.Sources {
		out = append(out, l.stat(p))
	}
	return out
}

// walk records dir and every directory under it, and their .gitignore
// files. It does not enter .git or a nested repository, as git does not.
func (l *Lister) walk(dir string, s *snapshot) error {
	abs := filepath.Join(l.Root, filepath.FromSlash(dir))
	ents, err := os.ReadDir(abs)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
		s.dirs = append(s.dirs, stamp{path: dir, mtime: -1, size: -1})
		return nil // gone, or unreadable (git skips it too): watched as such
	}
	if err != nil {
		return err
	}
	s.dirs = append(s.dirs, l.stat(dir))
	for _, e := range ents {
		name := e.Name()
		child := name
		if dir != "" {
			child = dir + "/" + name
		}
		switch {
		case name == ".gitignore":
			s.ignores = append(s.ignores, l.stat(child))
		case e.IsDir() && name != ".git":
			if _, err := os.Lstat(filepath.Join(abs, name, ".git")); err == nil {
				continue // a nested repository: git lists nothing in it
			}
			if err := l.walk(child, s); err != nil {
				return err
			}
		}
	}
	return nil
}

// under reports whether dir is one of dirs or below one.
func under(dir string, dirs []string) bool {
	if dir == "." {
		dir = ""
	}
	for _, d := range dirs {
		if d == "" || dir == d || strings.HasPrefix(dir, d+"/") {
			return true
		}
	}
	return false
}

func dirOf(p string) string {
	d := path.Dir(p)
	if d == "." {
		return ""
	}
	return d
}

// outermost drops the directories below another one of dirs.
func outermost(dirs []string) []string {
	slices.Sort(dirs)
	dirs = slices.Compact(dirs)
	var out []string
	for _, d := range dirs {
		if !under(d, out) {
			out = append(out, d)
		}
	}
	return out
}

// sortedPaths lists the stamps' paths, only the absolute ones if abs.
func sortedPaths(ss []stamp, abs bool) []string {
	var out []string
	for _, s := range ss {
		if !abs || filepath.IsAbs(s.path) {
			out = append(out, s.path)
		}
	}
	slices.Sort(out)
	return out
}

// The snapshot's encoding: a version byte, then package wire's values.
const version = 2

var errDamaged = errors.New("damaged snapshot")

func encode(s snapshot) []byte {
	size := 64 + len(s.memo)
	for _, list := range [][]stamp{s.dirs, s.ignores} {
		for _, st := range list {
			size += len(st.path) + 2*binary.MaxVarintLen64 + 2
		}
	}
	for _, list := range [][]string{s.tracked, s.found} {
		for _, p := range list {
			size += len(p) + 2
		}
	}
	w := wire.Writer{B: make([]byte, 0, size)}
	w.B = append(w.B, version)
	w.Int64(s.taken)
	for _, list := range [][]stamp{s.dirs, s.ignores} {
		w.Int(len(list))
		for _, st := range list {
			w.Str(st.path)
			w.Int64(st.mtime)
			w.Int64(st.size)
		}
	}
	for _, list := range [][]string{s.tracked, s.found} {
		w.Int(len(list))
		for _, p := range list {
			w.Str(p)
		}
	}
	w.Str(string(s.memo))
	return w.B
}

// decode reads what encode wrote; ok is false for anything else. The
// snapshot's strings share b's bytes rather than copying the paths of
// tens of thousands of directories.
func decode(b []byte) (s snapshot, ok bool) {
	if len(b) == 0 || b[0] != version {
		return s, false
	}
	r := wire.NewReader(b[1:], errDamaged)
	s.taken = r.Int64()
	for _, list := range []*[]stamp{&s.dirs, &s.ignores} {
		*list = make([]stamp, r.Count(3))
		for i := range *list {
			(*list)[i] = stamp{path: r.Str(), mtime: r.Int64(), size: r.Int64()}
		}
	}
	for _, list := range []*[]string{&s.tracked, &s.found} {
		*list = make([]string, r.Count(1))
		for i := range *list {
			(*list)[i] = r.Str()
		}
	}
	if memo := r.Str(); memo != "" {
		s.memo = []byte(memo)
	}
	if r.End() != nil {
		return snapshot{}, false
	}
	return s, true
}
