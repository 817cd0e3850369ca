package history

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/resultcache"
	"github.com/prfaq/git-prfaq/prfaq"
)

// versions reads and parses document versions by blob id while a walk is
// still running: each distinct blob is read once, through one `git
// cat-file --batch`, and parsed once, on every core. Ask for blobs with
// want; when the walk is over, finish waits for the last parse.
//
// Ids are written to cat-file as they come and its answers read by
// another goroutine, so git never waits for us and we never wait for a
// round trip (gitcmd.BlobReader's one-at-a-time reads cost 2x here).
//
// Slim versions are held encoded (slimcodec.go) and decoded by doc, each
// time it is asked: that keeps a walk over 10,000 PRFAQs small. With a
// cache (resultcache.OpenKind, CacheKind), a version it holds is taken
// from it and never read from git, and every version parsed is added.
type versions struct {
	cfg     *config.Config
	full    bool // keep whole documents, not slim ones
	parser  *prfaq.Parser
	spec    prfaq.Spec
	cache   *resultcache.Cache // nil: none
	git     *gitcmd.BlobStream // nil if it could not be started
	started chan struct{}      // closed once git is set

	mu   sync.Mutex
	seen map[string]bool
	docs map[string]*prfaq.Document // full: nil is unreadable, counted as no metrics
	slim map[string][]byte          // not full: encodeSlim's
	err  error

	need    chan string
	parse   chan blob
	writer  sync.WaitGroup
	readers sync.WaitGroup
}

type blob struct {
	id   string
	data []byte
}

// newVersions starts cat-file, its feeder and reader, and the parsers.
// cat-file is started in the background: the walk, which is what takes the
// time, should not wait the few milliseconds a process start costs.
func newVersions(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, cache *resultcache.Cache) *versions {
	return newVersionsOf(ctx, repo, cfg, false, cache)
}

// newVersionsOf is newVersions keeping whole documents when full (and
// then using no cache).
func newVersionsOf(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, full bool, cache *resultcache.Cache) *versions {
	spec := cfg.Spec()
	if full {
		cache = nil
	}
	v := &versions{
		cfg: cfg, full: full, parser: prfaq.NewParser(spec), spec: spec, cache: cache, started: make(chan struct{}),
		seen: map[string]bool{}, docs: map[string]*prfaq.Document{}, slim: map[string][]byte{},
		need: make(chan string, 1024), parse: make(chan blob, 64),
	}
	go func() {
		defer close(v.started)
		var err error
		if v.git, err = repo.StartBlobStream(ctx); err != nil {
			v.fail(fmt.Errorf("read PRFAQ versions: %w", err))
		}
	}()
	v.writer.Add(1)
	go v.feed()
	v.readers.Add(1)
	go v.read()
	for range runtime.GOMAXPROCS(0) {
		v.readers.Add(1)
		go v.parseAll()
	}
	return v
}

// want asks for the document in blob id ("" is no document) unless it was
// asked for already. It is safe for concurrent use.
func (v *versions) want(id string) {
	if id == "" {
		return
	}
	v.mu.Lock()
	dup := v.seen[id]
	v.seen[id] = true
	v.mu.Unlock()
	if dup {
		return
	}
	if data, ok := v.cached(id); ok {
		v.mu.Lock()
		v.slim[id] = data
		v.mu.Unlock()
		return
	}
	v.need <- id
}

// cached is the encoded slim version of blob id the cache holds, if it
// decodes: an entry that does not is ignored, and the version read again.
func (v *versions) cached(id string) ([]byte, bool) {
	data, ok := v.cache.GetRaw(id)
	if !ok {
		return nil, false
	}
	if _, err := decodeSlim(data, &v.spec); err != nil {
		return nil, false
	}
	return data, true
}

// feed sends the wanted ids to cat-file, flushing whenever it has no more
// to send, and closes cat-file's input after the last.
func (v *versions) feed() {
	defer v.writer.Done()
	<-v.started
	if v.git == nil {
		for range v.need {
			// drain, so that want never blocks
		}
		return
	}
	defer v.git.CloseSend()
	for id := range v.need {
		if err := v.git.Send(id); err != nil {
			v.fail(fmt.Errorf("read PRFAQ versions: %w", err))
			break
		}
		if len(v.need) == 0 {
			if err := v.git.Flush(); err != nil {
				v.fail(fmt.Errorf("read PRFAQ versions: %w", err))
				break
			}
		}
	}
	for range v.need {
		// drain, so that want never blocks after a failure
	}
}

// read takes cat-file's answers, in order, to the parsers. A blob the
// repository lacks is an error; an object that is not a file's contents is
// no document.
func (v *versions) read() {
	defer v.readers.Done()
	defer close(v.parse)
	<-v.started
	if v.git == nil {
		return
	}
	for {
		// A version over the size limit is dropped as it streams by, never
		// held: parseVersion counts it as unreadable.
		b, err := v.git.RecvMax(v.cfg.Documents.MaxBytes)
		if errors.Is(err, io.EOF) {
			return
		}
		if err == nil && errors.Is(b.Err, gitcmd.ErrMissing) {
			err = b.Err
			v.git.Discard() // so that cat-file, and feed, can finish
		}
		if err != nil {
			v.fail(fmt.Errorf("read PRFAQ versions: %w", err))
			return
		}
		v.parse <- blob{id: b.Name, data: b.Data}
	}
}

func (v *versions) parseAll() {
	defer v.readers.Done()
	for b := range v.parse {
		doc := v.parseOne(b)
		if v.full {
			v.mu.Lock()
			v.docs[b.id] = doc
			v.mu.Unlock()
			continue
		}
		data := encodeSlim(doc)
		v.cache.PutRaw(b.id, data)
		v.mu.Lock()
		v.slim[b.id] = data
		v.mu.Unlock()
	}
}

// parseOne reads a version as far as the history needs it and keeps only
// that (slim): a walk over 10,000 PRFAQs holds over 10,000 versions at
// once, and the whole parsed document is about 20 times their tables.
func (v *versions) parseOne(b blob) *prfaq.Document {
	if v.full {
		return parseVersion(v.parser, v.cfg, b.id, b.data)
	}
	if b.data == nil || v.cfg.CheckSize(b.id, int64(len(b.data))) != nil {
		return nil
	}
	doc, err := v.parser.ParseMetrics(b.data)
	if err != nil {
		return nil
	}
	return slim(doc)
}

// slim is what a history reads of a version (judge, change.CompareWith,
// sameMetrics) and the scorecard (Timelines): the front matter's status and
// owner, the headline, and the first metrics section's heading and table.
// Everything else, prose, FAQs and lines, is dropped.
func slim(d *prfaq.Document) *prfaq.Document {
	// The headline is a line of text the scorecard shows; the prose is
	// what slim exists to drop.
	out := &prfaq.Document{FrontMatter: d.FrontMatter, Headline: d.Headline}
	out.FrontMatter.Fields = nil
	for _, s := range d.Sections {
		if s.Kind() == prfaq.KindMetrics {
			out.Sections = []*prfaq.Section{{Spec: s.Spec, Heading: s.Heading, EndLine: s.EndLine, Metrics: s.Metrics}}
			break
		}
	}
	return out
}

func (v *versions) fail(err error) {
	v.mu.Lock()
	if v.err == nil {
		v.err = err
	}
	v.mu.Unlock()
}

// finish waits for every wanted version and for cat-file to exit. It must
// be called once, after the last want.
func (v *versions) finish() error {
	close(v.need)
	v.writer.Wait()
	v.readers.Wait()
	var waitErr error
	if v.git != nil {
		waitErr = v.git.Wait()
	}
	if v.err != nil {
		return v.err
	}
	if waitErr != nil {
		return fmt.Errorf("read PRFAQ versions: %w", waitErr)
	}
	return nil
}

// doc is the parsed version in blob id, slim (its status and metrics
// table only) unless the versions are full; nil for "" or an unreadable
// one. A slim version is decoded anew at each call: keep it no longer
// than needed. Call it after finish; it is then safe for concurrent use.
func (v *versions) doc(id string) *prfaq.Document {
	if v.full {
		return v.docs[id]
	}
	data, ok := v.slim[id]
	if !ok {
		return nil
	}
	d, err := decodeSlim(data, &v.spec)
	if err != nil {
		return nil // cannot happen: every entry decoded once already
	}
	return d
}

// all is every version read, by blob id, as doc gives them.
func (v *versions) all() map[string]*prfaq.Document {
	if v.full {
		return v.docs
	}
	out := make(map[string]*prfaq.Document, len(v.slim))
	for id := range v.slim {
		out[id] = v.doc(id)
	}
	return out
}
