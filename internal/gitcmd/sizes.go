package gitcmd

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// TooLargeError is the error for a blob over the size a caller reads: its
// content was never held in memory.
type TooLargeError struct {
	Name string // as asked for
	Size int64
	Max  int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("read blob %q: %d bytes, more than %d", e.Name, e.Size, e.Max)
}

// BlobSizes returns the size in bytes of each object names names (object
// ids or "rev:path") from one `git cat-file --batch-check`, which reads
// object headers only. Missing objects are left out of the map and
// reported by an error wrapping ErrMissing (the map is still returned).
func (r *Repo) BlobSizes(ctx context.Context, names []string) (map[string]int64, error) {
	sizes := make(map[string]int64, len(names))
	if len(names) == 0 {
		return sizes, nil
	}
	in, err := batchInput(names)
	if err != nil {
		return nil, err
	}
	tctx, cancel := r.run.withTimeout(ctx)
	defer cancel()
	out, err := r.startInput(tctx, in, []string{"cat-file", "--batch-check"})
	if err != nil {
		return nil, fmt.Errorf("read blob sizes: %w", err)
	}
	var missing []string
	for _, n := range names {
		line, rest, ok := bytes.Cut(out, []byte("\n"))
		if !ok {
			return nil, fmt.Errorf("read blob sizes: cat-file --batch-check ended before %q", n)
		}
		out = rest
		size, err := parseCheckLine(string(line), n)
		if errors.Is(err, ErrMissing) {
			missing = append(missing, n)
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read blob sizes: %w", err)
		}
		sizes[n] = size
	}
	if len(missing) > 0 {
		return sizes, fmt.Errorf("read blob sizes: %q and %d more: %w", missing[0], len(missing)-1, ErrMissing)
	}
	return sizes, nil
}

// parseCheckLine reads one --batch-check answer, "<oid> <type> <size>" or
// "<name> missing" / "<name> ambiguous".
func parseCheckLine(line, name string) (int64, error) {
	switch line {
	case name + " missing":
		return 0, fmt.Errorf("read blob %q: %w", name, ErrMissing)
	case name + " ambiguous":
		return 0, fmt.Errorf("read blob %q: ambiguous object name", name)
	}
	f := strings.Fields(line)
	if len(f) != 3 {
		return 0, fmt.Errorf("read blob %q: unexpected cat-file header %q", name, line)
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil || size < 0 {
		return 0, fmt.Errorf("read blob %q: unexpected cat-file header %q", name, line)
	}
	return size, nil
}

// ReadBlobsMax is ReadBlobs for blobs of at most max bytes: it asks
// `git cat-file --batch-check` for the sizes first and reads only the
// blobs within max, so that a huge blob is refused without being read.
// The sizes of those over max are in big.
func (r *Repo) ReadBlobsMax(ctx context.Context, names []string, max int64) (blobs map[string][]byte, big map[string]int64, err error) {
	sizes, err := r.BlobSizes(ctx, names)
	if err != nil && !errors.Is(err, ErrMissing) {
		return nil, nil, err
	}
	sizeErr := err
	big = map[string]int64{}
	var small []string
	for _, n := range names {
		size, ok := sizes[n]
		switch {
		case !ok: // missing: ReadBlobs says so below
		case size > max:
			big[n] = size
			continue
		}
		small = append(small, n)
	}
	blobs, err = r.ReadBlobs(ctx, small)
	if err == nil {
		err = sizeErr
	}
	return blobs, big, err
}

// RecvMax is Recv for blobs of at most max bytes: the content of a larger
// one is read past and dropped, never held, and its Blob has Err a
// *TooLargeError.
func (s *BlobStream) RecvMax(max int64) (Blob, error) {
	rd := s.p.Stdout()
	if _, err := rd.Peek(1); errors.Is(err, io.EOF) {
		return Blob{}, io.EOF
	} else if err != nil {
		return Blob{}, s.discard(fmt.Errorf("read blobs: %w", err))
	}
	s.mu.Lock()
	if len(s.sent) == 0 {
		s.mu.Unlock()
		return Blob{}, s.discard(errors.New("read blobs: git cat-file answered a name it was not sent"))
	}
	name := s.sent[0]
	s.sent = s.sent[1:]
	s.mu.Unlock()
	data, err := readObjectMax(rd, name, max)
	var se *streamError
	if errors.As(err, &se) {
		return Blob{Name: name}, s.discard(err)
	}
	return Blob{Name: name, Data: data, Err: err}, nil
}

// ReadMax is Read for blobs of at most max bytes: a larger one's content
// is read past and dropped, and the error is a *TooLargeError.
func (b *BlobReader) ReadMax(id string, max int64) ([]byte, error) {
	return b.readTyped(id, "blob", max)
}

// readTyped is ReadMax for an object of type want ("blob", "tree").
func (b *BlobReader) readTyped(id, want string, max int64) ([]byte, error) {
	if err := checkObjectName(id); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return nil, b.err
	}
	if _, err := io.WriteString(b.stdin, id+"\n"); err != nil {
		return nil, b.fail(fmt.Errorf("read blob %q: %w", id, err))
	}
	data, err := readTypedMax(b.stdout, id, want, max)
	var se *streamError
	if errors.As(err, &se) {
		return nil, b.fail(err)
	}
	return data, err
}

// readObjectMax is readObject that holds no more than max bytes of
// content: a larger blob is skipped and reported as a *TooLargeError.
func readObjectMax(rd *bufio.Reader, id string, max int64) ([]byte, error) {
	return readTypedMax(rd, id, "blob", max)
}

// readTypedMax is readObjectMax for an object of type want ("blob",
// "tree"): another type is an error, the stream still in step.
func readTypedMax(rd *bufio.Reader, id, want string, max int64) ([]byte, error) {
	line, err := rd.ReadString('\n')
	if err != nil {
		return nil, &streamError{fmt.Errorf("read blob %q: %w", id, err)}
	}
	line = strings.TrimSuffix(line, "\n")
	size, err := parseCheckLine(line, id)
	if errors.Is(err, ErrMissing) || (err != nil && strings.HasSuffix(line, " ambiguous")) {
		return nil, err
	}
	if err != nil {
		return nil, &streamError{err}
	}
	if size > max {
		if _, err := io.CopyN(io.Discard, rd, size+1); err != nil {
			return nil, &streamError{fmt.Errorf("read blob %q: %w", id, err)}
		}
		return nil, &TooLargeError{Name: id, Size: size, Max: max}
	}
	data := make([]byte, size+1) // the content and its trailing newline
	if _, err := io.ReadFull(rd, data); err != nil {
		return nil, &streamError{fmt.Errorf("read blob %q: %w", id, err)}
	}
	if typ := strings.Fields(line)[1]; typ != want {
		return nil, fmt.Errorf("read %s %q: it is a %s, not a %s", want, id, typ, want)
	}
	return data[:size], nil
}
