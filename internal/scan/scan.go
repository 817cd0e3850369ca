// Package scan finds PRFAQ documents in one state of a repository (the work
// tree, the index, a commit, or paths the user named), reads them, and runs
// the checker over each. It is the I/O edge between git or the file system
// and the pure prfaq and check packages.
package scan

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// File is one document's bytes, or why they could not be read.
type File struct {
	Path string // slash-separated, relative to the repository root
	// OldPath is where the document was before the change being checked
	// (HEAD for staged changes), "" when it is new.
	OldPath string
	OldBlob string // the object id of the old version, when known
	OldData []byte // the old version, when the source read it
	Data    []byte
	Err     error
}

// Result is one checked document.
type Result struct {
	Path     string
	Doc      *prfaq.Document // nil when the file could not be read
	Findings []rule.Finding
	Err      error // the file could not be read or is not text
}

// Check parses and checks files in parallel, keeping their order. Findings
// of all documents are also returned flattened and sorted.
func Check(files []File, cfg *config.Config, today time.Time) ([]Result, []rule.Finding) {
	if len(files) == 0 {
		// Nothing to read: no parser or checker to build (their placeholder
		// patterns cost a hook with no PRFAQ staged most of a millisecond).
		return []Result{}, nil
	}
	p := newPool(len(files), cfg, today)
	for i, f := range files {
		p.add(i, f)
	}
	return p.wait()
}

// pool checks files on every core as they arrive, so reading the next
// blob overlaps parsing the last one.
type pool struct {
	results []Result
	work    chan job
	wg      sync.WaitGroup
}

type job struct {
	i int
	f File
}

func newPool(n int, cfg *config.Config, today time.Time) *pool {
	p := &pool{results: make([]Result, n), work: make(chan job, n)}
	parser, checker := prfaq.NewParser(cfg.Spec()), check.New(cfg)
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for j := range p.work {
				p.results[j.i] = checkOne(j.f, cfg, parser, checker, today)
			}
		}()
	}
	return p
}

func (p *pool) add(i int, f File) { p.work <- job{i, f} }

func (p *pool) wait() ([]Result, []rule.Finding) {
	close(p.work)
	p.wg.Wait()
	var all []rule.Finding
	for _, r := range p.results {
		all = append(all, r.Findings...)
	}
	rule.Sort(all)
	return p.results, all
}

func checkOne(f File, cfg *config.Config, parser *prfaq.Parser, checker *check.Checker, today time.Time) Result {
	r := Result{Path: f.Path, Err: f.Err}
	if r.Err != nil {
		return r
	}
	if err := cfg.CheckSize(f.Path, int64(len(f.Data))); err != nil {
		r.Err = err
		return r
	}
	doc, err := parser.Parse(f.Data)
	var ie *prfaq.InputError
	switch {
	case errors.As(err, &ie) && ie.Line > 0:
		r.Err = fmt.Errorf("%s:%d: %s", f.Path, ie.Line, ie.Msg)
		return r
	case err != nil:
		r.Err = fmt.Errorf("%s: %w", f.Path, err)
		return r
	}
	r.Doc = doc
	r.Findings = checker.Document(check.Input{File: f.Path, Doc: doc, Today: today})
	return r
}

// ctxErr is a helper for loops over many files.
func ctxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted: %w", err)
	}
	return nil
}
