package scan

import (
	"context"
	"errors"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/rule"
)

// CheckAtRev lists and checks every PRFAQ document in commit rev. It is
// `check --all`'s hot path, so it overlaps what it can: `git cat-file`
// starts while the documents are listed, each blob goes to a checker as
// soon as it is read, and a blob the cache holds is not read at all.
func CheckAtRev(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, rev string, today time.Time, opts Options) ([]Result, []rule.Finding, error) {
	type started struct {
		br  *gitcmd.BlobReader
		err error
	}
	ready := make(chan started, 1)
	go func() {
		br, err := repo.NewBlobReader(ctx)
		ready <- started{br, err}
	}()
	entries, listErr := repo.TreeFiles(ctx, rev, cfg.DocumentPrefilter()...)
	s := <-ready
	if s.err != nil {
		return nil, nil, s.err
	}
	defer s.br.Close()
	if listErr != nil {
		return nil, nil, listErr
	}
	docs := documents(entries, cfg)
	p := newPool(len(docs), cfg, today, opts, false)
	for i, e := range docs {
		if opts.Cache.Has(e.Blob) {
			// Read only if the entry does not decode (it passed its
			// checksum, so it will): one cat-file of its own.
			p.add(job{i: i, f: File{Path: e.Path}, blob: e.Blob, read: func() File { return readBlob(ctx, repo, cfg, e) }})
			continue
		}
		f, err := readMax(s.br, cfg, e)
		if err != nil {
			p.wait()
			return nil, nil, err
		}
		p.add(job{i: i, f: f, blob: e.Blob})
	}
	results, findings := p.wait()
	return results, findings, nil
}

// readMax reads one document's blob; one over the size limit is refused
// unread.
func readMax(br *gitcmd.BlobReader, cfg *config.Config, e gitcmd.Entry) (File, error) {
	data, err := br.ReadMax(e.Blob, cfg.Documents.MaxBytes)
	var big *gitcmd.TooLargeError
	if errors.As(err, &big) {
		return File{Path: e.Path, Err: cfg.CheckSize(e.Path, big.Size)}, nil
	}
	if err != nil {
		return File{}, err
	}
	return File{Path: e.Path, Data: data}, nil
}

// readBlob reads one document's blob with a cat-file of its own.
func readBlob(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, e gitcmd.Entry) File {
	br, err := repo.NewBlobReader(ctx)
	if err != nil {
		return File{Path: e.Path, Err: err}
	}
	defer br.Close()
	f, err := readMax(br, cfg, e)
	if err != nil {
		return File{Path: e.Path, Err: err}
	}
	return f
}

// documents keeps the regular files the configuration calls PRFAQs.
func documents(entries []gitcmd.Entry, cfg *config.Config) []gitcmd.Entry {
	var out []gitcmd.Entry
	for _, e := range entries {
		if e.Stage == 0 && regularFile(e.Mode) && cfg.IsDocument(e.Path) {
			out = append(out, e)
		}
	}
	return out
}
