package gitcmd

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Commit is one commit of a Log walk.
type Commit struct {
	ID      string
	Parents []string
	Time    time.Time // committer date, in UTC
	Author  string    // "Name <email>"
	// Trailers are the values of the trailer LogQuery.Trailer names, in
	// order, continuation lines unfolded (git matches the key
	// case-insensitively); empty values are left out.
	Trailers []string
	// Changes are the files the commit changed among those the walk's
	// pathspecs match, without rename detection; only with
	// LogQuery.Changes. Ids are all zeros for a side that does not exist.
	Changes []Change
}

// LogQuery selects what Log walks.
type LogQuery struct {
	// Revs are where the walk starts; "^rev" leaves out the commits
	// reachable from rev. A range "a..b" is allowed too.
	Revs []string
	// Pathspecs limit the walk to commits that change a matching path,
	// and Changes to those paths; none means every commit and path.
	Pathspecs []string
	// Trailer is the trailer key whose values Commit.Trailers holds; ""
	// reads none.
	Trailer string
	// FirstParent walks the first-parent line only; a merge's Changes are
	// then what it brought to its first parent. Otherwise every commit is
	// walked and a merge has no Changes (its branch's commits have them).
	FirstParent bool
	Topo        bool // no parent before all of its children (--topo-order)
	Reverse     bool // oldest first
	Changes     bool // read each commit's changed files (--raw)
}

// Separators in the log format: a commit starts with logMark (no path or
// header field can hold it in practice), header fields are split by
// fieldSep, and trailer values by trailerSep.
const (
	logMark    = "\x01"
	fieldSep   = "\x1e"
	trailerSep = "\x1f"
)

// logFormat prints, per commit: the mark, the id, the parents, the
// committer date as a Unix time, the author, and the trailer's values.
func logFormat(trailer string) string {
	f := "--format=%x01%H%x1e%P%x1e%ct%x1e%an <%ae>%x1e"
	if trailer != "" {
		f += "%(trailers:key=" + trailer + ",valueonly,unfold,separator=%x1f)"
	}
	return f
}

// args builds the git log command line. Configuration that would change
// the output is overridden: log.follow would turn a one-path walk into a
// --follow walk (slower, and it does not stop at a rename the caller looks
// for), log.showSignature would print into the format. Renames are not
// detected (--no-renames): -M on a walk runs rename detection on every
// commit, which costs a walk over every PRFAQ 13% (2.6 s instead of 2.3 s
// over 20,000 commits); callers ask DiffCommits about the few commits
// that add a file instead.
func (q LogQuery) args() []string {
	args := []string{"-c", "log.follow=false", "-c", "log.showSignature=false",
		"log", "--no-color", "--no-decorate", "-z", logFormat(q.Trailer)}
	if q.Changes {
		args = append(args, "--raw", "--no-abbrev", "--root", "--no-renames")
		if q.FirstParent {
			// A merge, on the first-parent line, brings its branch's changes.
			args = append(args, "--diff-merges=first-parent")
		} else {
			// Every commit's own change; a merge's would repeat its branch's.
			args = append(args, "--diff-merges=off")
		}
	}
	if q.FirstParent {
		args = append(args, "--first-parent")
	}
	if q.Topo {
		args = append(args, "--topo-order")
	}
	if q.Reverse {
		args = append(args, "--reverse")
	}
	args = append(args, q.Revs...)
	return append(append(args, "--"), q.Pathspecs...)
}

// Log walks the commits q selects, newest first unless q.Reverse, and
// calls each for every one while git is still walking: a walk over 20,000
// commits has its first commits handled, and progress shown, long before
// git is done. An error from each ends the walk and is returned as it is.
// Like Start, it has no timeout of its own; ctx ends it.
func (r *Repo) Log(ctx context.Context, q LogQuery, each func(*Commit) error) error {
	for _, rev := range q.Revs {
		if err := checkRev(rev); err != nil {
			return fmt.Errorf("walk the history: %w", err)
		}
	}
	p, err := r.Start(ctx, false, q.args()...)
	if err != nil {
		return fmt.Errorf("walk the history: %w", err)
	}
	lr := &logReader{z: zStream{p.Stdout()}}
	var readErr error
	for {
		c, err := lr.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			readErr = fmt.Errorf("read git log: %w", err)
			break
		}
		if readErr = each(c); readErr != nil {
			break
		}
	}
	waitErr := p.Wait()
	if readErr != nil {
		return readErr
	}
	if waitErr != nil {
		return fmt.Errorf("walk the history: %w", waitErr)
	}
	return nil
}

// tokens yields the NUL-terminated tokens of git's -z output, one at a
// time; io.EOF when the output is exhausted.
type tokens interface{ token() (string, error) }

// zStream reads tokens as git writes them.
type zStream struct{ r *bufio.Reader }

func (z zStream) token() (string, error) {
	b, err := z.r.ReadBytes(0)
	if errors.Is(err, io.EOF) && len(b) > 0 {
		return string(b), nil // a last token without a NUL
	}
	if err != nil {
		return "", err
	}
	return string(b[:len(b)-1]), nil
}

// zSlice reads the tokens of output already read (one allocation for all
// of them: a whole tree's listing has 100,000).
type zSlice struct{ recs []string }

func (z *zSlice) token() (string, error) {
	if len(z.recs) == 0 {
		return "", io.EOF
	}
	t := z.recs[0]
	z.recs = z.recs[1:]
	return t, nil
}

// rawRecord reads the paths of the raw diff record whose metadata token
// is meta: one, or two for a rename or copy (the source first).
func rawRecord(z tokens, meta string) (Change, error) {
	c, paths, err := parseRawMeta(meta)
	if err != nil {
		return c, err
	}
	p1, err := z.token()
	if err != nil {
		return c, fmt.Errorf("raw diff record %q: %w", meta, noEOF(err))
	}
	c.Path = p1
	if paths == 2 {
		p2, err := z.token()
		if err != nil {
			return c, fmt.Errorf("raw diff record %q: %w", meta, noEOF(err))
		}
		c.OldPath, c.Path = p1, p2
	}
	return c, nil
}

// noEOF: output that ends inside a record is cut short, not complete.
func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// parseRawMeta reads ":oldmode newmode oldid newid status", where status
// is a letter, with a similarity score for a rename or copy ("R086");
// paths is how many path tokens follow.
func parseRawMeta(meta string) (c Change, paths int, err error) {
	f := strings.Fields(strings.TrimPrefix(meta, ":"))
	if !strings.HasPrefix(meta, ":") || len(f) != 5 || f[4] == "" {
		return c, 0, fmt.Errorf("unexpected raw diff record %q", meta)
	}
	c, paths, err = parseStatus(f[4])
	if err != nil {
		return c, 0, fmt.Errorf("unexpected raw diff record %q", meta)
	}
	c.OldMode, c.NewMode, c.OldBlob, c.NewBlob = f[0], f[1], f[2], f[3]
	return c, paths, nil
}

// scanRaw reads raw diff output (`diff-tree`, `diff-index`, with -z and
// --raw, renames included) and calls record for each record. Tokens that
// are not records (`diff-tree --stdin` prints each commit's id before its
// records) go to header, or are an error when header is nil.
func scanRaw(out []byte, header func(string), record func(Change)) error {
	z := &zSlice{splitZ(out)}
	for {
		t, err := z.token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		t = strings.TrimPrefix(t, "\n")
		switch {
		case t == "":
			continue
		case !strings.HasPrefix(t, ":") && header != nil:
			header(t)
			continue
		}
		c, err := rawRecord(z, t)
		if err != nil {
			return err
		}
		record(c)
	}
}

// logReader reads `git log -z [--raw]` output in logFormat one commit at
// a time: the header token, then raw records of ":oldmode newmode oldid
// newid status" followed by one path, or two for a rename or copy.
type logReader struct {
	z       zStream
	pending string // a header token read ahead
	done    bool
}

// next returns the next commit, or io.EOF after the last.
func (lr *logReader) next() (*Commit, error) {
	if lr.done {
		return nil, io.EOF
	}
	head := lr.pending
	if head == "" {
		t, err := lr.z.token()
		if err != nil {
			return nil, err
		}
		head = t
	}
	lr.pending = ""
	c, err := parseLogHeader(head)
	if err != nil {
		return nil, err
	}
	for {
		t, err := lr.z.token()
		if errors.Is(err, io.EOF) {
			lr.done = true
			return c, nil
		}
		if err != nil {
			return nil, err
		}
		t = strings.TrimPrefix(t, "\n") // git ends the header with a newline
		switch {
		case strings.HasPrefix(t, logMark):
			lr.pending = t
			return c, nil
		case t == "":
			continue // a commit without records
		}
		d, err := rawRecord(lr.z, t)
		if err != nil {
			return nil, fmt.Errorf("commit %s: %w", c.ID, err)
		}
		c.Changes = append(c.Changes, d)
	}
}

// parseLogHeader reads "\x01id\x1eparents\x1etime\x1eauthor\x1etrailers".
func parseLogHeader(t string) (*Commit, error) {
	f := strings.Split(strings.TrimPrefix(strings.TrimSuffix(t, "\n"), logMark), fieldSep)
	if !strings.HasPrefix(t, logMark) || len(f) != 5 || f[0] == "" {
		return nil, fmt.Errorf("unexpected git log header %q", t)
	}
	secs, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil {
		return nil, fmt.Errorf("unexpected commit time %q in git log header", f[2])
	}
	c := &Commit{ID: f[0], Time: time.Unix(secs, 0).UTC(), Author: f[3]}
	if f[1] != "" {
		c.Parents = strings.Fields(f[1])
	}
	for _, v := range strings.Split(f[4], trailerSep) {
		if v = strings.TrimSpace(v); v != "" {
			c.Trailers = append(c.Trailers, v)
		}
	}
	return c, nil
}
