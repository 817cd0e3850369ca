package gitcmd

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os/exec"
	"strings"
	"sync"
)

// ErrMissing is wrapped by the error for an object the repository does not
// have (or a rev:path naming nothing).
var ErrMissing = errors.New("object not found")

// BlobReader reads blobs through one long-lived `git cat-file --batch`,
// which costs a pipe round trip per blob instead of a process. It is safe
// for concurrent use (reads are serialised). Runner.Timeout does not apply;
// the process lives until Close or until ctx is done.
type BlobReader struct {
	mu     sync.Mutex
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *capBuffer
	args   []string
	err    error // sticky: the stream is out of step after an I/O error
}

var catFileArgs = []string{"cat-file", "--batch"}

// NewBlobReader starts `git cat-file --batch` in the repository.
func (r *Repo) NewBlobReader(ctx context.Context) (*BlobReader, error) {
	cmd, stderr, err := r.run.command(ctx, catFileArgs)
	if err != nil {
		return nil, fmt.Errorf("start blob reader: %w", err)
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start blob reader: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("start blob reader: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start blob reader: %w", r.run.wrapErr(ctx, ctx, catFileArgs, stderr, err))
	}
	return &BlobReader{
		cmd: cmd, stdin: stdin, stdout: bufio.NewReaderSize(stdout, 64<<10),
		stderr: stderr, args: catFileArgs,
	}, nil
}

// Read returns the content of the blob id names: an object id or
// "rev:path". A missing object gives an error wrapping ErrMissing.
func (b *BlobReader) Read(id string) ([]byte, error) {
	return b.ReadMax(id, math.MaxInt64)
}

// fail records an I/O error; if git died, its stderr explains why.
func (b *BlobReader) fail(err error) error {
	if s := firstLines(b.stderr.String(), stderrLines); s != "" {
		err = fmt.Errorf("%w: git %s: %s", err, strings.Join(b.args, " "), s)
	}
	b.err = err
	return err
}

// Close stops git and reports how it exited.
func (b *BlobReader) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.stdin.Close()
	err := b.cmd.Wait()
	if b.err == nil {
		b.err = errors.New("blob reader is closed")
	}
	if err != nil {
		return fmt.Errorf("close blob reader: %w", &Error{
			Args: b.args, ExitCode: b.cmd.ProcessState.ExitCode(),
			Stderr: strings.TrimSpace(b.stderr.String()), Err: err,
		})
	}
	return nil
}

// ReadBlobs reads all ids with one `git cat-file --batch`, or in-process
// when they are all loose blobs named by full id. Missing objects
// are left out of the map and reported by an error wrapping ErrMissing
// (the map is still returned).
func (r *Repo) ReadBlobs(ctx context.Context, ids []string) (map[string][]byte, error) {
	if len(ids) == 0 {
		return map[string][]byte{}, nil
	}
	// Freshly staged blobs are loose objects: read in-process, they cost
	// no git process (see gogit.go).
	if ctx.Err() == nil {
		if blobs, ok := r.readLooseBlobs(ids); ok {
			return blobs, nil
		}
	}
	in, err := batchInput(ids)
	if err != nil {
		return nil, err
	}
	tctx, cancel := r.run.withTimeout(ctx)
	defer cancel()
	cmd, stderr, err := r.run.command(tctx, catFileArgs)
	if err != nil {
		return nil, fmt.Errorf("read blobs: %w", err)
	}
	// exec copies a non-file Stdin from its own goroutine, so git can fill
	// the stdout pipe while we are still feeding ids: no deadlock.
	cmd.Stdin = strings.NewReader(in)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("read blobs: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("read blobs: %w", r.run.wrapErr(ctx, tctx, catFileArgs, stderr, err))
	}
	blobs, missing, readErr := readObjects(bufio.NewReaderSize(stdout, 64<<10), ids)
	if readErr != nil {
		io.Copy(io.Discard, stdout) // let git finish writing before Wait
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("read blobs: %w", r.run.wrapErr(ctx, tctx, catFileArgs, stderr, err))
	}
	if readErr != nil {
		return nil, fmt.Errorf("read blobs: %w", readErr)
	}
	if len(missing) > 0 {
		return blobs, fmt.Errorf("read blobs: %q and %d more: %w", missing[0], len(missing)-1, ErrMissing)
	}
	return blobs, nil
}

func readObjects(rd *bufio.Reader, ids []string) (blobs map[string][]byte, missing []string, err error) {
	blobs = make(map[string][]byte, len(ids))
	for _, id := range ids {
		data, err := readObject(rd, id)
		switch {
		case errors.Is(err, ErrMissing):
			missing = append(missing, id)
		case err != nil:
			return nil, nil, err
		default:
			blobs[id] = data
		}
	}
	return blobs, missing, nil
}

// streamError means the cat-file output could not be read or parsed; the
// reader is no longer in step with git.
type streamError struct{ err error }

func (e *streamError) Error() string { return e.err.Error() }
func (e *streamError) Unwrap() error { return e.err }

// readObject reads one --batch response: "<oid> <type> <size>\n<data>\n",
// or "<name> missing\n" / "<name> ambiguous\n".
func readObject(rd *bufio.Reader, id string) ([]byte, error) {
	return readObjectMax(rd, id, math.MaxInt64)
}

// batchInput is the input of a cat-file --batch or --batch-check for
// names: one a line.
func batchInput(names []string) (string, error) {
	var in strings.Builder
	for _, n := range names {
		if err := checkObjectName(n); err != nil {
			return "", err
		}
		in.WriteString(n + "\n")
	}
	return in.String(), nil
}

// checkObjectName refuses names cat-file --batch cannot take: it reads one
// name per line (its -z input needs git 2.38+).
func checkObjectName(id string) error {
	if id == "" || strings.ContainsAny(id, "\n\x00") {
		return fmt.Errorf("read blob %q: object names cannot be empty or contain newlines", id)
	}
	return nil
}
