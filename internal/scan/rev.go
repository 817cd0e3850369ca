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
// starts while the documents are listed, and each blob goes to a parser
// as soon as it is read.
func CheckAtRev(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, rev string, today time.Time) ([]Result, []rule.Finding, error) {
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
	p := newPool(len(docs), cfg, today)
	for i, e := range docs {
		// A document over the size limit is refused unread.
		data, err := s.br.ReadMax(e.Blob, cfg.Documents.MaxBytes)
		var big *gitcmd.TooLargeError
		if errors.As(err, &big) {
			p.add(i, File{Path: e.Path, Err: cfg.CheckSize(e.Path, big.Size)})
			continue
		}
		if err != nil {
			p.wait()
			return nil, nil, err
		}
		p.add(i, File{Path: e.Path, Data: data})
	}
	results, findings := p.wait()
	return results, findings, nil
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
