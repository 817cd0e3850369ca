package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// commit is one commit of a walk and the files it changed among those the
// walk asked about.
type commit struct {
	Hash    string
	Parents []string
	Date    string // committer date, RFC 3339 in UTC
	Author  string // "Name <email>"
	Acks    []string
	Files   []fileDiff
}

// fileDiff is one raw diff record: a file changed, added, deleted or
// renamed by a commit (or between two states).
type fileDiff struct {
	Status           byte // A, M, D, R, C, T
	OldMode, NewMode string
	OldBlob, NewBlob string // "" where the side does not exist
	OldPath, Path    string // OldPath differs from Path only for R and C
}

// Separators in the log format: a commit starts with \x01 (no path or
// header field can hold it in practice), header fields are split by \x1e,
// and trailer values by \x1f.
const (
	commitMark = "\x01"
	fieldSep   = "\x1e"
	trailerSep = "\x1f"
)

// logFormat is the --format for a walk: hash, parents, committer date as
// a Unix time, author, and the values of the acknowledgement trailer
// (continuation lines unfolded; git matches the key case-insensitively).
func logFormat(trailer string) string {
	return "--format=%x01%H%x1e%P%x1e%ct%x1e%an <%ae>%x1e%(trailers:key=" + trailer +
		",valueonly,unfold,separator=%x1f)"
}

// logReader reads `git log -z --raw --no-abbrev --format=<logFormat>`
// output one commit at a time: the header token, then raw records of
// ":oldmode newmode oldid newid status" followed by one path, or two for
// a rename or copy.
type logReader struct {
	r       *bufio.Reader
	pending string // a header token read ahead
	done    bool
}

func newLogReader(r io.Reader) *logReader {
	if br, ok := r.(*bufio.Reader); ok {
		return &logReader{r: br}
	}
	return &logReader{r: bufio.NewReader(r)}
}

// token reads up to the next NUL; io.EOF when the output is exhausted.
func (lr *logReader) token() (string, error) {
	b, err := lr.r.ReadBytes(0)
	if errors.Is(err, io.EOF) && len(b) > 0 {
		return string(b), nil // a last token without a NUL
	}
	if err != nil {
		return "", err
	}
	return string(b[:len(b)-1]), nil
}

// next returns the next commit, or io.EOF after the last.
func (lr *logReader) next() (*commit, error) {
	if lr.done {
		return nil, io.EOF
	}
	head := lr.pending
	if head == "" {
		t, err := lr.token()
		if err != nil {
			return nil, err
		}
		head = t
	}
	lr.pending = ""
	c, err := parseHeader(head)
	if err != nil {
		return nil, err
	}
	for {
		t, err := lr.token()
		if errors.Is(err, io.EOF) {
			lr.done = true
			return c, nil
		}
		if err != nil {
			return nil, err
		}
		t = strings.TrimPrefix(t, "\n") // git ends the header with a newline
		switch {
		case strings.HasPrefix(t, commitMark):
			lr.pending = t
			return c, nil
		case t == "":
			continue // a commit without records
		}
		d, err := lr.record(t)
		if err != nil {
			return nil, fmt.Errorf("commit %s: %w", c.Hash, err)
		}
		c.Files = append(c.Files, d)
	}
}

// record reads one raw record whose metadata token is meta.
func (lr *logReader) record(meta string) (fileDiff, error) {
	d, paths, err := parseRawMeta(meta)
	if err != nil {
		return d, err
	}
	p1, err := lr.token()
	if err != nil {
		return d, fmt.Errorf("raw record %q: %w", meta, err)
	}
	d.Path = p1
	if paths == 2 {
		p2, err := lr.token()
		if err != nil {
			return d, fmt.Errorf("raw record %q: %w", meta, err)
		}
		d.OldPath, d.Path = p1, p2
	}
	return d, nil
}

// parseHeader reads "\x01hash\x1eparents\x1etime\x1eauthor\x1etrailers".
func parseHeader(t string) (*commit, error) {
	f := strings.Split(strings.TrimPrefix(strings.TrimSuffix(t, "\n"), commitMark), fieldSep)
	if !strings.HasPrefix(t, commitMark) || len(f) != 5 || f[0] == "" {
		return nil, fmt.Errorf("unexpected git log header %q", t)
	}
	secs, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil {
		return nil, fmt.Errorf("unexpected commit time %q in git log header", f[2])
	}
	c := &commit{Hash: f[0], Date: time.Unix(secs, 0).UTC().Format(time.RFC3339), Author: f[3]}
	if f[1] != "" {
		c.Parents = strings.Fields(f[1])
	}
	for _, v := range strings.Split(f[4], trailerSep) {
		if v = strings.TrimSpace(v); v != "" {
			c.Acks = append(c.Acks, v)
		}
	}
	return c, nil
}

// parseRawMeta reads ":oldmode newmode oldid newid status"; paths is how
// many path tokens follow.
func parseRawMeta(meta string) (d fileDiff, paths int, err error) {
	f := strings.Fields(strings.TrimPrefix(meta, ":"))
	if !strings.HasPrefix(meta, ":") || len(f) != 5 || f[4] == "" {
		return d, 0, fmt.Errorf("unexpected raw diff record %q", meta)
	}
	d = fileDiff{Status: f[4][0], OldMode: f[0], NewMode: f[1], OldBlob: blobID(f[2]), NewBlob: blobID(f[3])}
	if d.Status == 'R' || d.Status == 'C' {
		return d, 2, nil
	}
	return d, 1, nil
}

// blobID is "" for git's all-zero id, which means "no such side" (or, for
// the work tree, "not hashed": read the file).
func blobID(id string) string {
	if strings.Trim(id, "0") == "" {
		return ""
	}
	return id
}

// parseRaw reads `diff-tree -z --raw` or `diff-index -z --raw` output,
// renames included.
func parseRaw(out []byte) ([]fileDiff, error) {
	lr := newLogReader(bytes.NewReader(out))
	var diffs []fileDiff
	for {
		t, err := lr.token()
		if errors.Is(err, io.EOF) {
			return diffs, nil
		}
		if err != nil {
			return nil, err
		}
		if t = strings.TrimPrefix(t, "\n"); t == "" {
			continue
		}
		d, err := lr.record(t)
		if err != nil {
			return nil, err
		}
		diffs = append(diffs, d)
	}
}
