package scan

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sync"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/docsum"
	"github.com/prfaq/git-prfaq/internal/resultcache"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// Result is one checked document.
type Result struct {
	Path string
	// Doc is the parsed document, kept only by Check (the merge gate
	// compares it with its old version); nil from the commands that read
	// every PRFAQ, which keep Summary instead, and when unreadable.
	Doc      *prfaq.Document
	Summary  *docsum.Summary // nil from Check, and when unreadable
	Findings []rule.Finding
	Err      error // the file could not be read or is not text
}

// Options are how CheckAtRev and CheckWorkTree check.
type Options struct {
	// Cache holds the date-independent results by blob id; nil checks
	// every document from scratch.
	Cache *resultcache.Cache
	// HashBlob gives the blob id of a file read from disk, for the cache.
	HashBlob func([]byte) string
	// CountsOnly keeps of each finding only its rule, severity and
	// whether it is suppressed, and returns no flattened list: list shows
	// how many findings a PRFAQ has, and 10,000 PRFAQs' messages would be
	// most of its memory.
	CountsOnly bool
}

// Check parses and checks files in parallel, keeping their order, and
// keeps each parsed document. Findings of all documents are also returned
// flattened and sorted.
func Check(files []File, cfg *config.Config, today time.Time) ([]Result, []rule.Finding) {
	if len(files) == 0 {
		// Nothing to read: no parser or checker to build (their placeholder
		// patterns cost a hook with no PRFAQ staged most of a millisecond).
		return []Result{}, nil
	}
	p := newPool(len(files), cfg, today, Options{}, true)
	for i, f := range files {
		p.add(job{i: i, f: f})
	}
	return p.wait()
}

// pool checks files on every core as they arrive, so reading the next
// blob overlaps parsing the last one. Its queue is short: a reader faster
// than the checkers waits rather than holding every document in memory.
type pool struct {
	results  []Result
	work     chan job
	wg       sync.WaitGroup
	cfg      *config.Config
	today    time.Time
	opts     Options
	keepDocs bool
	parser   *prfaq.Parser
	checker  *check.Checker
	policy   check.Policy
}

// job is one document: its bytes (f.Data, or f.Err), or a way to read
// them when the cache does not hold its blob.
type job struct {
	i    int
	f    File
	blob string      // the document's blob id when known without reading
	read func() File // reads the document; nil when f holds it
}

func newPool(n int, cfg *config.Config, today time.Time, opts Options, keepDocs bool) *pool {
	p := newChecks(cfg, today, opts, keepDocs)
	p.start(n)
	return p
}

// newChecks is a pool whose checkers have not started (start does): its
// cached results can be looked up meanwhile.
func newChecks(cfg *config.Config, today time.Time, opts Options, keepDocs bool) *pool {
	return &pool{
		cfg: cfg, today: today, opts: opts, keepDocs: keepDocs,
		parser: prfaq.NewParser(cfg.Spec()), checker: check.New(cfg), policy: check.PolicyOf(cfg),
	}
}

// start starts the checkers of n documents.
func (p *pool) start(n int) {
	workers := min(runtime.GOMAXPROCS(0), max(n, 1))
	p.results, p.work = make([]Result, n), make(chan job, 2*workers)
	for range workers {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for j := range p.work {
				p.results[j.i] = p.run(j)
			}
		}()
	}
}

func (p *pool) add(j job) { p.work <- j }

func (p *pool) wait() ([]Result, []rule.Finding) {
	close(p.work)
	p.wg.Wait()
	if p.opts.CountsOnly {
		return p.results, nil
	}
	var all []rule.Finding
	for _, r := range p.results {
		all = append(all, r.Findings...)
	}
	rule.Sort(all)
	return p.results, all
}

// run checks one document: from the cache when it holds the blob (only
// today's rules run), else from its bytes, adding it to the cache.
func (p *pool) run(j job) Result {
	path := j.f.Path
	if r, ok := p.cached(path, j.blob); ok {
		return r
	}
	f := j.f
	if j.read != nil {
		f = j.read()
	}
	if f.Err != nil {
		return Result{Path: path, Err: f.Err}
	}
	if err := p.cfg.CheckSize(path, int64(len(f.Data))); err != nil {
		return Result{Path: path, Err: err}
	}
	blob := j.blob
	if blob == "" && p.opts.Cache != nil && p.opts.HashBlob != nil {
		blob = p.opts.HashBlob(f.Data)
		if r, ok := p.cached(path, blob); ok {
			return r
		}
	}
	doc, err := p.parser.Parse(f.Data)
	if err != nil {
		return Result{Path: path, Err: parseErr(path, err)}
	}
	static := p.checker.Static(path, doc)
	if p.keepDocs {
		// Check's callers compare documents and need no summary.
		return Result{Path: path, Doc: doc, Findings: p.checker.Finish(path, static, p.today)}
	}
	entry := resultcache.Entry{Static: static, Summary: docsum.Of(doc, p.policy)}
	if blob != "" {
		p.opts.Cache.Put(blob, entry)
	}
	return p.finish(path, entry)
}

// cached is the result of a blob the cache holds.
func (p *pool) cached(path, blob string) (Result, bool) {
	if blob == "" {
		return Result{}, false
	}
	get := p.opts.Cache.Get
	if p.opts.CountsOnly {
		get = p.opts.Cache.GetCounts // no message, no metric row
	}
	e, ok := get(blob)
	if !ok {
		return Result{}, false
	}
	// The same blob may be another file's: findings name this one.
	for i := range e.Static.Findings {
		e.Static.Findings[i].File = path
	}
	return p.finish(path, e), true
}

func (p *pool) finish(path string, e resultcache.Entry) Result {
	var fs []rule.Finding
	if p.opts.CountsOnly {
		fs = p.checker.FinishCounts(path, e.Static, p.today)
		// As a cached result looked up for counts (GetCounts) has them:
		// list shows only their number, and holding 10,000 documents'
		// rows would be most of a cold run's memory.
		e.Summary.Metrics = nil
	} else {
		fs = p.checker.Finish(path, e.Static, p.today)
	}
	return Result{Path: path, Summary: &e.Summary, Findings: fs}
}

func parseErr(path string, err error) error {
	var ie *prfaq.InputError
	if errors.As(err, &ie) && ie.Line > 0 {
		return fmt.Errorf("%s:%d: %s", path, ie.Line, ie.Msg)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// dropMissing removes the results of files deleted from the work tree
// since git listed them: there is nothing there to check.
func dropMissing(results []Result, all []rule.Finding) ([]Result, []rule.Finding) {
	kept := results[:0]
	for _, r := range results {
		if !errors.Is(r.Err, fs.ErrNotExist) {
			kept = append(kept, r)
		}
	}
	return kept, all
}
