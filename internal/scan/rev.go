package scan

import (
	"context"
	"errors"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/resultcache"
	"github.com/prfaq/git-prfaq/rule"
)

// CheckAtRev lists and checks every PRFAQ document in commit rev. It is
// `check --all`'s hot path, so it overlaps what it can: `git cat-file`
// starts while the documents are listed, each blob goes to a checker as
// soon as it is read, and a blob the cache holds is not read at all. For
// HEAD, the cache also keeps the commit's list of documents: a warm run
// whose HEAD has not moved starts no git process.
func CheckAtRev(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, rev string, today time.Time, opts Options) ([]Result, []rule.Finding, error) {
	commit := ""
	if rev == "HEAD" {
		commit = repo.Head
	}
	docs, listed := opts.Cache.GetListing(commit)
	blobs := newLazyReader(ctx, repo)
	defer blobs.close()
	if !listed {
		blobs.start() // overlaps the listing: the cache will miss
		entries, err := repo.TreeFiles(ctx, rev, cfg.DocumentPrefilter()...)
		if err != nil {
			return nil, nil, err
		}
		docs = documents(entries, cfg)
		opts.Cache.PutListing(commit, docs)
	}
	p := newPool(len(docs), cfg, today, opts, false)
	for i, e := range docs {
		if opts.Cache.Has(e.Blob) {
			// Read only if the entry does not decode (it passed its
			// checksum, so it will): one cat-file of its own.
			p.add(job{i: i, f: File{Path: e.Path}, blob: e.Blob, read: func() File { return readBlob(ctx, repo, cfg, e) }})
			continue
		}
		br, err := blobs.get()
		if err != nil {
			p.wait()
			return nil, nil, err
		}
		f, err := readMax(br, cfg, e)
		if err != nil {
			p.wait()
			return nil, nil, err
		}
		p.add(job{i: i, f: f, blob: e.Blob})
	}
	results, findings := p.wait()
	return results, findings, nil
}

// lazyReader starts `git cat-file` once a blob must be read, or earlier
// when told to, so that its start overlaps other work.
type lazyReader struct {
	ctx     context.Context
	repo    *gitcmd.Repo
	ready   chan struct{}
	started bool
	br      *gitcmd.BlobReader
	err     error
}

func newLazyReader(ctx context.Context, repo *gitcmd.Repo) *lazyReader {
	return &lazyReader{ctx: ctx, repo: repo, ready: make(chan struct{})}
}

func (l *lazyReader) start() {
	if l.started {
		return
	}
	l.started = true
	go func() {
		l.br, l.err = l.repo.NewBlobReader(l.ctx)
		close(l.ready)
	}()
}

func (l *lazyReader) get() (*gitcmd.BlobReader, error) {
	l.start()
	<-l.ready
	return l.br, l.err
}

func (l *lazyReader) close() {
	if !l.started {
		return
	}
	<-l.ready
	if l.br != nil {
		l.br.Close()
	}
}

// readMax reads one document's blob; one over the size limit is refused
// unread.
func readMax(br *gitcmd.BlobReader, cfg *config.Config, e resultcache.Listed) (File, error) {
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
func readBlob(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, e resultcache.Listed) File {
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
func documents(entries []gitcmd.Entry, cfg *config.Config) []resultcache.Listed {
	var out []resultcache.Listed
	for _, e := range entries {
		if e.Stage == 0 && regularFile(e.Mode) && cfg.IsDocument(e.Path) {
			out = append(out, resultcache.Listed{Path: e.Path, Blob: e.Blob})
		}
	}
	return out
}
