package gitcmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
)

// maxRootTreeBytes bounds the root tree FilesAtRoot reads for each
// revision: about 100,000 top-level entries. A larger root tree is an
// error, never read.
const maxRootTreeBytes = 8 << 20

// RootFile is a file at the root of a revision's tree, as FilesAtRoot
// read it.
type RootFile struct {
	// Entry is the tree's entry (Path the file's name); Mode "" when the
	// tree has none.
	Entry
	// Data is the file's content: a regular file of at most the size
	// FilesAtRoot was given; nil otherwise.
	Data []byte
	// Err wraps ErrMissing when the revision, or the file in it, does
	// not exist; it is a *TooLargeError for a regular file over the size,
	// which is never read.
	Err error
}

// FilesAtRoot reads the file name at the root of each revision's tree
// (a commit, or anything git peels to a tree: "id^", a tag) through one
// `git cat-file --batch`, where reading each with ls-tree and cat-file
// would start two or three processes per revision: log reads the
// configuration its weakened commits were made under, one revision per
// commit (README, "Policy comes from the base"). The content of a
// symbolic link or submodule is never read (Data nil; the caller says
// what it makes of Mode). An error of git itself, or a revision name
// cat-file cannot take, fails the whole call.
func (r *Repo) FilesAtRoot(ctx context.Context, revs []string, name string, max int64) (map[string]RootFile, error) {
	files := make(map[string]RootFile, len(revs))
	if len(revs) == 0 {
		return files, nil
	}
	for _, rev := range revs {
		if err := checkObjectName(rev + "^{tree}"); err != nil {
			return nil, err
		}
	}
	br, err := r.NewBlobReader(ctx)
	if err != nil {
		return nil, err
	}
	for _, rev := range revs {
		if _, done := files[rev]; done {
			continue
		}
		f, err := r.rootFile(br, rev, name, max)
		if err != nil {
			br.Close()
			return nil, err
		}
		files[rev] = f
	}
	if err := br.Close(); err != nil {
		return nil, err
	}
	return files, nil
}

// rootFile reads name at the root of rev's tree through br; the error is
// one that ends the whole read (the stream, or an object that is not
// what it should be).
func (r *Repo) rootFile(br *BlobReader, rev, name string, max int64) (RootFile, error) {
	f := RootFile{Entry: Entry{Path: name}}
	tree, err := br.readTyped(rev+"^{tree}", "tree", maxRootTreeBytes)
	switch {
	case errors.Is(err, ErrMissing):
		f.Err = fmt.Errorf("%s: %w", rev, ErrMissing)
		return f, nil
	case err != nil:
		return f, fmt.Errorf("read the tree of %s: %w", rev, err)
	}
	mode, oid, found, err := findTreeEntry(tree, name, r.hashSize())
	if err != nil {
		return f, fmt.Errorf("read the tree of %s: %w", rev, err)
	}
	if !found {
		f.Err = fmt.Errorf("%s: %w", name, ErrMissing)
		return f, nil
	}
	f.Mode, f.Blob = mode, oid
	if !Regular(mode) {
		return f, nil
	}
	f.Data, err = br.ReadMax(oid, max)
	var tooLarge *TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		f.Err = err
	case err != nil:
		return f, fmt.Errorf("read %s:%s: %w", rev, name, err)
	}
	return f, nil
}

// hashSize is the length in bytes of the repository's object ids.
func (r *Repo) hashSize() int {
	if r.ObjectFormat == "sha256" {
		return 32
	}
	return 20
}

// findTreeEntry finds name in a tree object's entries ("<octal mode>
// <name>\0<raw id>", gitformat-tree), returning its mode as git prints it
// (six digits: a tree's "40000" is "040000") and its id in hex. Damage
// is an error, never a crash.
func findTreeEntry(tree []byte, name string, hashSize int) (mode, oid string, found bool, err error) {
	for len(tree) > 0 {
		sp := bytes.IndexByte(tree, ' ')
		if sp <= 0 {
			return "", "", false, errors.New("damaged tree object: an entry without its mode")
		}
		m := tree[:sp]
		if _, perr := strconv.ParseUint(string(m), 8, 32); perr != nil {
			return "", "", false, fmt.Errorf("damaged tree object: mode %q", m)
		}
		rest := tree[sp+1:]
		nul := bytes.IndexByte(rest, 0)
		if nul <= 0 || len(rest)-nul-1 < hashSize {
			return "", "", false, errors.New("damaged tree object: an entry cut off")
		}
		if string(rest[:nul]) == name {
			return fmt.Sprintf("%06s", m), fmt.Sprintf("%x", rest[nul+1:nul+1+hashSize]), true, nil
		}
		tree = rest[nul+1+hashSize:]
	}
	return "", "", false, nil
}
