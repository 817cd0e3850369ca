package gitcmd

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/objfile"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
)

// In-process reads, for the hooks' start-up. A git process costs about
// 2 ms to start; finding the repository, reading its config and HEAD and
// a loose object in-process takes about 0.2 ms (BenchmarkOpen against
// BenchmarkOpenGit, ReadLooseBlob against CatFileLooseBlob on the
// 100k-file mkrepo repository; see the README's performance section).
// Packed objects are where go-git loses (it decodes a whole pack index
// first: 300-550 ms there), so packed blobs, index diffs and history
// walks stay with git; HEAD's commit, when packed, is only looked up in
// the pack index and its entry's type read.
//
// Each reader here answers only when it is sure to say what git would,
// and reports !ok otherwise: a SHA-256 or otherwise extended repository,
// a bare one, a configuration or environment that moves the work tree or
// the objects, a repository owned by someone else (git's safe.directory),
// an object that is not loose. The caller then runs git, so every answer
// is git's.
//
// go-git reads the objects: its loose-object reader (zlib, header, id
// check) and its pack scanner (entry headers, offset deltas). Only those
// sub-packages are imported. Its config reader and ref storage (dotgit)
// were tried and left out: they bring encoding/gob and go-git's URL
// patterns into every start of git-prfaq (0.15-0.2 ms of init, measured
// with GODEBUG=inittrace=1), for a file shape git itself writes plainly.

// redirectVars change where git looks for the repository, its work tree
// or its objects, or what a revision resolves to. With one set, git
// answers.
var redirectVars = []string{
	"GIT_WORK_TREE",
	"GIT_COMMON_DIR",
	"GIT_OBJECT_DIRECTORY",
	"GIT_ALTERNATE_OBJECT_DIRECTORIES",
	"GIT_QUARANTINE_PATH",
	"GIT_CEILING_DIRECTORIES",
	"GIT_DISCOVERY_ACROSS_FILESYSTEM",
	"GIT_NAMESPACE",
	"GIT_NO_REPLACE_OBJECTS",
	"GIT_REPLACE_REF_BASE",
	"GIT_CONFIG",
}

// openInProcess answers what Open's `git rev-parse` would for dir, without
// starting git, when dir is in the work tree of a plain SHA-1 repository.
func (r *Runner) openInProcess(dir string) (*Repo, bool) {
	if !inProcessSupported {
		return nil, false
	}
	// Without git, Open says so as it always did.
	if _, err := exec.LookPath(r.gitPath()); err != nil {
		return nil, false
	}
	env, ok := r.gitEnv()
	if !ok {
		return nil, false
	}
	// git works from the physical directory (chdir, then getcwd), and
	// prints real paths. A relative dir is taken from the physical cwd and
	// joined without cleaning, so that EvalSymlinks takes a ".." after a
	// symlink the way chdir does, not lexically.
	start := dir
	if !filepath.IsAbs(dir) {
		wd, err := os.Getwd()
		if err != nil {
			return nil, false
		}
		if wd, err = filepath.EvalSymlinks(wd); err != nil {
			return nil, false
		}
		start = wd + string(filepath.Separator) + dir
	}
	start, err := filepath.EvalSymlinks(start)
	if err != nil {
		return nil, false
	}
	root, gitDir, gitFile, ok := discover(start)
	if !ok {
		return nil, false
	}
	if gd, set := env["GIT_DIR"]; set {
		// A hook in a linked worktree gets GIT_DIR. git then takes the cwd
		// as the top of the work tree, so the answer is the same only at
		// the top, for the git directory discovery finds.
		real, err := filepath.EvalSymlinks(gd)
		if err != nil || real != gitDir || start != root {
			return nil, false
		}
	}
	head, commonDir, ok := checkGitDir(gitDir)
	if !ok || !ownedByUs(root, gitFile, gitDir) {
		return nil, false
	}
	worktree, ok := plainConfig(filepath.Join(commonDir, "config"))
	if !ok {
		return nil, false
	}
	if worktree != "" {
		// A submodule's config names its work tree (relative to the git
		// directory); git then takes it from there. Same answer when it
		// is the one found.
		if !filepath.IsAbs(worktree) {
			worktree = filepath.Join(gitDir, worktree)
		}
		real, err := filepath.EvalSymlinks(worktree)
		if err != nil || real != root || gitDir != commonDir {
			return nil, false
		}
	}
	repo := &Repo{
		Root:         root,
		GitDir:       gitDir,
		CommonDir:    commonDir,
		ObjectFormat: "sha1",
	}
	if _, err := os.Stat(filepath.Join(commonDir, "shallow")); err == nil {
		repo.Shallow = true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	if repo.Head, ok = resolveHead(commonDir, head); !ok {
		return nil, false
	}
	return repo, true
}

// gitEnv returns the GIT_ variables the child environment would have, or
// !ok when one of them makes git look elsewhere than discovery would.
func (r *Runner) gitEnv() (map[string]string, bool) {
	env, err := r.environ()
	if err != nil {
		return nil, false
	}
	vars := map[string]string{}
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, "GIT_") {
			vars[k] = v
		}
	}
	for _, k := range redirectVars {
		if _, set := vars[k]; set {
			return nil, false
		}
	}
	if gd, set := vars["GIT_DIR"]; set && !filepath.IsAbs(gd) {
		return nil, false // environ made it absolute, or it was empty
	}
	// Configuration given on git's command line (git -c, as a hook
	// inherits it) can make a repository bare, move its work tree or
	// trust a directory; anything else in it does not matter here.
	if p := strings.ToLower(vars["GIT_CONFIG_PARAMETERS"]); movesRepository(p) {
		return nil, false
	}
	if c, set := vars["GIT_CONFIG_COUNT"]; set && c != "" {
		n, err := strconv.Atoi(c)
		if err != nil || n < 0 {
			return nil, false
		}
		for i := range n {
			if movesRepository(strings.ToLower(vars["GIT_CONFIG_KEY_"+strconv.Itoa(i)])) {
				return nil, false
			}
		}
	}
	return vars, true
}

// movesRepository: a lower-cased config key (or list of them) that may
// change what rev-parse says.
func movesRepository(keys string) bool {
	for _, s := range []string{"core.", "safe.", "extensions.", "include"} {
		if strings.Contains(keys, s) {
			return true
		}
	}
	return false
}

// discover walks up from start (a physical path) the way git does, and
// finds the work tree holding it: root has a .git directory, or a .git
// file naming the git directory (a linked worktree, a submodule). It
// gives up on whatever git would treat another way: a git directory
// reached first (a bare repository, or start inside .git), a .git that is
// neither a directory nor a file, a filesystem boundary, no repository.
func discover(start string) (root, gitDir, gitFile string, ok bool) {
	d := start
	dev, ok := device(d)
	if !ok {
		return "", "", "", false
	}
	for {
		p := filepath.Join(d, ".git")
		fi, err := os.Lstat(p)
		switch {
		case err == nil && fi.IsDir():
			return d, p, "", true
		case err == nil && fi.Mode().IsRegular():
			gitDir, ok := readGitFile(p)
			return d, gitDir, p, ok
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", "", "", false
		case err == nil:
			return "", "", "", false // a symlink or something stranger
		}
		// Is d itself a git directory? git would take it as one.
		if _, err := os.Lstat(filepath.Join(d, "HEAD")); err == nil {
			return "", "", "", false
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", "", "", false // no repository: git says so
		}
		if pdev, ok := device(parent); !ok || pdev != dev {
			return "", "", "", false
		}
		d = parent
	}
}

// readGitFile reads a .git file: "gitdir: PATH", PATH relative to the
// file's directory unless absolute. It returns the real path.
func readGitFile(path string) (string, bool) {
	data, err := os.ReadFile(path)
	if err != nil || len(data) > 4096 {
		return "", false
	}
	s, ok := strings.CutPrefix(strings.TrimRight(string(data), "\r\n"), "gitdir: ")
	if !ok || s == "" || strings.ContainsAny(s, "\r\n\x00") {
		return "", false
	}
	if !filepath.IsAbs(s) {
		s = filepath.Join(filepath.Dir(path), s)
	}
	// A git directory reached through a symlink is left to git, whose
	// ownership check looks at the link itself.
	real, err := filepath.EvalSymlinks(s)
	if err != nil || real != filepath.Clean(s) {
		return "", false
	}
	return real, true
}

// checkGitDir reads what git's is_git_directory checks: HEAD names a ref
// under refs/ or a full SHA-1 commit id, and the common directory
// (commondir in a linked worktree) has objects and refs. It returns HEAD's
// content and the common directory's real path.
func checkGitDir(gitDir string) (head []byte, commonDir string, ok bool) {
	fi, err := os.Lstat(filepath.Join(gitDir, "HEAD"))
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > 4096 {
		return nil, "", false
	}
	if head, err = os.ReadFile(filepath.Join(gitDir, "HEAD")); err != nil {
		return nil, "", false
	}
	commonDir = gitDir
	if data, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		s := strings.TrimRight(string(data), "\r\n")
		if s == "" || strings.ContainsAny(s, "\r\n\x00") {
			return nil, "", false
		}
		if !filepath.IsAbs(s) {
			s = filepath.Join(gitDir, s)
		}
		if commonDir, err = filepath.EvalSymlinks(s); err != nil {
			return nil, "", false
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, "", false
	}
	for _, sub := range []string{"objects", "refs"} {
		if fi, err := os.Stat(filepath.Join(commonDir, sub)); err != nil || !fi.IsDir() {
			return nil, "", false
		}
	}
	return head, commonDir, true
}

// plainConfig reads the repository's config and says whether git would
// open it as this file assumes: format version 0 or 1, no extension but
// objectFormat=sha1 (so SHA-256, reftable, worktreeConfig and unknown
// extensions go to git), not bare, no includes (which could say
// otherwise). It returns core.worktree, "" when not set.
//
// It is a reader of the plain shape of the file only (git config writes
// that shape): a line it cannot read for certain, in a section that
// matters here, gives up, and so does a continued line anywhere. go-git's
// config reader would read more, but it brings encoding/gob and go-git's
// URL patterns into every start of git-prfaq (about 0.2 ms), more than
// the hook can spare.
func plainConfig(path string) (worktree string, ok bool) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", true // git's defaults
	}
	if err != nil {
		return "", false
	}
	section := ""
	for line := range strings.Lines(string(data)) {
		line = strings.TrimRight(line, "\r\n")
		if strings.HasSuffix(line, "\\") {
			return "", false // a continued value
		}
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if line[0] == '[' {
			end := strings.IndexByte(line, ']')
			if end < 0 {
				return "", false
			}
			if rest := strings.TrimSpace(line[end+1:]); rest != "" && rest[0] != '#' && rest[0] != ';' {
				return "", false // a key on the header's line
			}
			name, sub, hasSub := strings.Cut(line[1:end], " ")
			section = strings.ToLower(name)
			switch section {
			case "include", "includeif":
				return "", false
			case "core", "extensions":
				if hasSub || sub != "" || strings.Contains(section, ".") {
					return "", false
				}
			}
			if strings.HasPrefix(section, "core.") || strings.HasPrefix(section, "extensions.") || strings.HasPrefix(section, "include") {
				return "", false
			}
			continue
		}
		if section != "core" && section != "extensions" {
			continue
		}
		key, value, hasValue := strings.Cut(line, "=")
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		if strings.ContainsAny(value, "\"\\#;") {
			return "", false // quoting, escapes or a comment: git's reader
		}
		if section == "extensions" {
			if key != "objectformat" || !strings.EqualFold(value, "sha1") {
				return "", false
			}
			continue
		}
		switch key {
		case "worktree":
			if value == "" {
				return "", false
			}
			worktree = value // the last one wins, as in git
		case "bare":
			if !hasValue || !isFalse(value) {
				return "", false
			}
		case "repositoryformatversion":
			if value != "0" && value != "1" {
				return "", false
			}
		}
	}
	return worktree, true
}

// isFalse: the spellings of false git accepts, but the empty one ("bare ="),
// which is rare enough to leave to git.
func isFalse(v string) bool {
	switch strings.ToLower(v) {
	case "false", "no", "off", "0":
		return true
	}
	return false
}

// maxSymrefs bounds a chain of symbolic refs, like git's.
const maxSymrefs = 5

// resolveHead does what `rev-parse --verify -q HEAD^{commit}` does for a
// HEAD that names a branch (possibly unborn) or a commit: the branch is
// read as a loose ref, else from packed-refs, in the common directory (the
// worktree's own refs stay with git). The commit must be found, loose or
// in a pack, and be a commit.
func resolveHead(commonDir string, head []byte) (string, bool) {
	line := strings.TrimSuffix(string(head), "\n")
	if isSHA1(line) {
		return line, isCommit(commonDir, line)
	}
	name, ok := strings.CutPrefix(line, "ref: ")
	if !ok {
		return "", false
	}
	for range maxSymrefs {
		if !strings.HasPrefix(name, "refs/") || perWorktree(name) || !validRefName(name) {
			return "", false
		}
		data, err := os.ReadFile(filepath.Join(commonDir, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) {
			id, found, ok := packedRef(commonDir, name)
			if !ok || !found {
				return "", ok // not found: unborn, no commits yet on this branch
			}
			return id, isCommit(commonDir, id)
		}
		if err != nil {
			return "", false // a directory, unreadable: git says what it is
		}
		s := strings.TrimSuffix(string(data), "\n")
		if target, ok := strings.CutPrefix(s, "ref: "); ok {
			name = target
			continue
		}
		if !isSHA1(s) {
			return "", false
		}
		return s, isCommit(commonDir, s)
	}
	return "", false
}

// validRefName refuses what could leave the refs directory or that git
// would not take as a ref name; git answers for those.
func validRefName(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if part == "" || part[0] == '.' || strings.HasSuffix(part, ".lock") {
			return false
		}
	}
	return !strings.ContainsAny(name, "\\:?*[~^ \t\x00\x7f") && !strings.Contains(name, "..") && !strings.Contains(name, "@{")
}

// packedRef looks name up in packed-refs: lines "<id> <name>", a header
// comment, "^<id>" lines peeling the tag above. ok is false for a file
// that is not that.
func packedRef(commonDir, name string) (id string, found, ok bool) {
	data, err := os.ReadFile(filepath.Join(commonDir, "packed-refs"))
	if errors.Is(err, fs.ErrNotExist) {
		return "", false, true
	}
	if err != nil {
		return "", false, false
	}
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' || line[0] == '^' {
			continue
		}
		id, ref, cut := strings.Cut(line, " ")
		if !cut || !isSHA1(id) {
			return "", false, false
		}
		if ref == name {
			return id, true, true
		}
	}
	return "", false, true
}

// perWorktree refs live in each worktree's git directory; HEAD pointing
// at one is left to git.
func perWorktree(name string) bool {
	for _, p := range []string{"refs/bisect/", "refs/worktree/", "refs/rewritten/"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func isSHA1(s string) bool {
	if len(s) != 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// isCommit reports whether the object id is a commit in the repository:
// a loose object's header, or a pack entry's type (following offset
// deltas to their base) found through the packs' indexes without decoding
// them whole.
func isCommit(commonDir, id string) bool {
	objects := filepath.Join(commonDir, "objects")
	f, err := os.Open(looseObjectPath(objects, id))
	if err == nil {
		defer f.Close()
		r, err := objfile.NewReader(f)
		if err != nil {
			return false
		}
		defer r.Close()
		t, _, err := r.Header()
		return err == nil && t == plumbing.CommitObject
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	pack, offset, ok := findPacked(objects, id)
	if !ok {
		return false
	}
	return packedType(pack, offset) == plumbing.CommitObject
}

func looseObjectPath(objects, id string) string {
	return filepath.Join(objects, id[:2], id[2:])
}

// packedType is the type of the pack entry at offset, through any chain of
// offset deltas; a ref delta or an unreadable entry gives an invalid type.
func packedType(pack string, offset int64) plumbing.ObjectType {
	f, err := os.Open(pack)
	if err != nil {
		return plumbing.InvalidObject
	}
	defer f.Close()
	s := packfile.NewScanner(f)
	for range 100 { // git's default pack.depth is 50
		h, err := s.SeekObjectHeader(offset)
		if err != nil {
			return plumbing.InvalidObject
		}
		if h.Type != plumbing.OFSDeltaObject {
			return h.Type
		}
		offset = h.OffsetReference
	}
	return plumbing.InvalidObject
}

// readLoose reads a loose blob with go-git's objfile reader and checks its
// id. ok is false when the object is not loose, not a blob or not what
// its name says.
func readLoose(objects, id string) ([]byte, bool) {
	f, err := os.Open(looseObjectPath(objects, id))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	r, err := objfile.NewReader(f)
	if err != nil {
		return nil, false
	}
	defer r.Close()
	t, size, err := r.Header()
	if err != nil || t != plumbing.BlobObject || size < 0 || size > 1<<30 {
		return nil, false
	}
	data := make([]byte, size)
	if _, err := io.ReadFull(r, data); err != nil {
		return nil, false
	}
	if n, _ := r.Read(make([]byte, 1)); n != 0 {
		return nil, false // longer than its header says
	}
	if r.Hash().String() != id {
		return nil, false
	}
	return data, true
}

// maxLooseBatch bounds the ids tried as loose objects: a hook reads one or
// two blobs, freshly staged and so loose; a long list is mostly packed and
// goes to one cat-file as before.
const maxLooseBatch = 16

// readLooseBlobs reads every id in-process, or none: ok is false as soon
// as one is not a full SHA-1 id of a loose blob, since git must then be
// started anyway and reads the rest as fast.
func (r *Repo) readLooseBlobs(ids []string) (map[string][]byte, bool) {
	if !inProcessSupported || r.ObjectFormat != "sha1" || len(ids) > maxLooseBatch || r.CommonDir == "" {
		return nil, false
	}
	objects := filepath.Join(r.CommonDir, "objects")
	blobs := make(map[string][]byte, len(ids))
	for _, id := range ids {
		if _, done := blobs[id]; done {
			continue
		}
		if !isSHA1(id) {
			return nil, false
		}
		data, ok := readLoose(objects, id)
		if !ok {
			return nil, false
		}
		blobs[id] = data
	}
	return blobs, true
}

// findPacked looks id up in each pack index under objects/pack with a few
// reads (the fan-out entry, one bucket of names, the offset), not by
// decoding the index: it returns the pack's path and the entry's offset.
func findPacked(objects, id string) (string, int64, bool) {
	want, err := hexBytes(id)
	if err != nil {
		return "", 0, false
	}
	dir := filepath.Join(objects, "pack")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", 0, false
	}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".idx")
		if !ok || !strings.HasPrefix(name, "pack-") {
			continue
		}
		if off, found := idxLookup(filepath.Join(dir, e.Name()), want); found {
			return filepath.Join(dir, name+".pack"), off, true
		}
	}
	return "", 0, false
}

func hexBytes(id string) ([]byte, error) {
	if !isSHA1(id) {
		return nil, errors.New("not a SHA-1 id")
	}
	b := make([]byte, 20)
	for i := range b {
		v, err := strconv.ParseUint(id[2*i:2*i+2], 16, 8)
		if err != nil {
			return nil, err
		}
		b[i] = byte(v)
	}
	return b, nil
}

// idxLookup finds want in a version 2 pack index (gitformat-pack): an
// 8-byte header, 256 cumulative counts by first byte, the sorted names,
// their CRCs, 4-byte offsets (the high bit pointing into a table of 8-byte
// ones).
func idxLookup(path string, want []byte) (int64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	const head = 8 + 256*4
	var hdr [head]byte
	if _, err := f.ReadAt(hdr[:], 0); err != nil {
		return 0, false
	}
	if !bytes.Equal(hdr[:8], []byte{0xff, 't', 'O', 'c', 0, 0, 0, 2}) {
		return 0, false
	}
	fan := func(i int) int64 { return int64(be32(hdr[8+4*i:])) }
	n := fan(255)
	lo, hi := int64(0), fan(int(want[0]))
	if want[0] > 0 {
		lo = fan(int(want[0]) - 1)
	}
	if hi <= lo {
		return 0, false
	}
	names := make([]byte, (hi-lo)*20)
	if _, err := f.ReadAt(names, head+lo*20); err != nil {
		return 0, false
	}
	i, j := 0, int(hi-lo)
	for i < j {
		m := int(uint(i+j) >> 1)
		if bytes.Compare(names[m*20:m*20+20], want) < 0 {
			i = m + 1
		} else {
			j = m
		}
	}
	if i == int(hi-lo) || !bytes.Equal(names[i*20:i*20+20], want) {
		return 0, false
	}
	pos := lo + int64(i)
	var b [8]byte
	if _, err := f.ReadAt(b[:4], head+n*24+pos*4); err != nil {
		return 0, false
	}
	off := be32(b[:])
	if off&0x80000000 == 0 {
		return int64(off), true
	}
	if _, err := f.ReadAt(b[:], head+n*28+int64(off&0x7fffffff)*8); err != nil {
		return 0, false
	}
	big := uint64(be32(b[:]))<<32 | uint64(be32(b[4:]))
	if big > 1<<62 {
		return 0, false
	}
	return int64(big), true
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}
