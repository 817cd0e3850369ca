package gitcmd

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
)

// BlobStream reads blobs through one `git cat-file --batch`, pipelined:
// one goroutine sends names as it learns them (Send, Flush, CloseSend)
// while another reads the answers in the same order (Recv), so git never
// waits for its reader and the reader never waits for a round trip
// (BlobReader's one-at-a-time Read costs 2x on the thousands of versions
// of a history walk). Like Start, it has no timeout of its own; ctx ends
// it.
type BlobStream struct {
	p *Process
	w *bufio.Writer

	mu   sync.Mutex
	sent []string // names sent whose answers are not read yet
}

// Blob is one answer of a BlobStream.
type Blob struct {
	Name string // as sent
	Data []byte // nil when Err is set
	// Err wraps ErrMissing for an object the repository does not have;
	// any other Err is about this object only (it is not a blob, say),
	// and the stream goes on.
	Err error
}

// StartBlobStream starts `git cat-file --batch` in the repository.
func (r *Repo) StartBlobStream(ctx context.Context) (*BlobStream, error) {
	p, err := r.Start(ctx, true, catFileArgs...)
	if err != nil {
		return nil, fmt.Errorf("start blob reader: %w", err)
	}
	return &BlobStream{p: p, w: bufio.NewWriter(p.Stdin())}, nil
}

// Send asks for the blob name names (an object id, or "rev:path"). It is
// buffered: Flush sends what Send has buffered.
func (s *BlobStream) Send(name string) error {
	if err := checkObjectName(name); err != nil {
		return err
	}
	s.mu.Lock()
	s.sent = append(s.sent, name)
	s.mu.Unlock()
	_, err := s.w.WriteString(name + "\n")
	return err
}

// Flush sends the names Send has buffered.
func (s *BlobStream) Flush() error { return s.w.Flush() }

// CloseSend flushes and closes git's input: git exits once it has
// answered every name.
func (s *BlobStream) CloseSend() error {
	return errors.Join(s.w.Flush(), s.p.Stdin().Close())
}

// Recv returns the answer to the oldest name sent and not yet answered,
// waiting for it; io.EOF once git has exited. Any other error means the
// stream is broken: the rest of git's output is discarded, so that git,
// and a Send waiting on a full pipe, can finish.
func (s *BlobStream) Recv() (Blob, error) {
	return s.RecvMax(math.MaxInt64)
}

func (s *BlobStream) discard(err error) error {
	s.Discard()
	return err
}

// Discard reads and drops the rest of git's output, for a caller that
// stops reading before io.EOF: then git, and a Send waiting on a full
// pipe, can finish.
func (s *BlobStream) Discard() { io.Copy(io.Discard, s.p.Stdout()) }

// Wait closes git's input if CloseSend did not, drains what git still
// writes and reports how it exited.
func (s *BlobStream) Wait() error { return s.p.Wait() }
