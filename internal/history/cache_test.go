package history

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/gittest"
	"github.com/prfaq/git-prfaq/internal/resultcache"
	"github.com/prfaq/git-prfaq/prfaq"
)

// slimSources are documents whose slim versions must survive encoding:
// front matter or none, a front matter that does not parse, extra
// columns, no metrics section, an empty table, and not a PRFAQ at all.
var slimSources = map[string]string{
	"review":      v18,
	"draft":       prfaqWith("draft", "Conversion|12%|18%|2027-06-30|CRM", "Churn|5%|3%|2027|Billing"),
	"no status":   prfaqWith("", "Conversion|12%|18%|2027-06-30|CRM"),
	"other":       other,
	"owner":       "+++\nstatus = \"approved\"\nowner = \"Jane Roe\"\n+++\n" + strings.TrimPrefix(v18, "+++\nstatus = \"review\"\n+++\n"),
	"bad front":   "+++\nstatus = = \"x\n+++\n\n# Acme launches Ledger\n\n## Success Metrics\n\n| Metric | Target |\n|---|---|\n| Sales | 5 |\n",
	"extra":       "# Acme\n\n## Success Metrics\n\n| Metric | Baseline | Target | By | Source | Owner | Notes |\n|---|---|---|---|---|---|---|\n| Sales | 1 | 5 | 2027 | CRM | Jo | é ✓ |\n| | | | | | | |\n",
	"no metrics":  "# Acme launches Ledger\n\n## Summary\n\nShops close their books in a day.\n",
	"empty table": "# Acme\n\n## Success Metrics\n\nNone yet.\n",
	"not a prfaq": "just a line\n",
}

// TestSlimRoundTrip: every slim version decodes to what was encoded, and
// nil (no document) to nil.
func TestSlimRoundTrip(t *testing.T) {
	t.Parallel()
	spec := config.Default().Spec()
	parser := prfaq.NewParser(spec)
	for name, src := range slimSources {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			doc, err := parser.ParseMetrics([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			want := slim(doc)
			got, err := decodeSlim(encodeSlim(want), &spec)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("decoded\n%#v\nwant\n%#v", got, want)
			}
			if !bytes.Equal(encodeSlim(got), encodeSlim(want)) {
				t.Error("a decoded version encodes to other bytes")
			}
		})
	}
	if d, err := decodeSlim(encodeSlim(nil), &spec); d != nil || err != nil {
		t.Errorf("nil: got %v, %v", d, err)
	}
}

// TestSlimDecodeRejects: truncated, padded, or of a configuration without
// the metrics section named, an encoding is an error, never a document.
func TestSlimDecodeRejects(t *testing.T) {
	t.Parallel()
	spec := config.Default().Spec()
	doc, err := prfaq.NewParser(spec).ParseMetrics([]byte(v18))
	if err != nil {
		t.Fatal(err)
	}
	data := encodeSlim(slim(doc))
	renamed := spec
	renamed.Sections = nil
	for _, s := range spec.Sections {
		if s.Kind == prfaq.KindMetrics {
			s.Name = "Goals"
		}
		renamed.Sections = append(renamed.Sections, s)
	}
	cases := []struct {
		name string
		data []byte
		spec *prfaq.Spec
	}{
		{"empty", nil, &spec},
		{"truncated", data[:len(data)-1], &spec},
		{"half", data[:len(data)/2], &spec},
		{"trailing", append(bytes.Clone(data), 0), &spec},
		{"not a bool", []byte{2}, &spec},
		{"another section name", data, &renamed},
	}
	for _, c := range cases {
		if d, err := decodeSlim(c.data, c.spec); err == nil || d != nil {
			t.Errorf("%s: got %v, %v; want an error", c.name, d, err)
		}
	}
}

// FuzzDecodeSlim: any bytes decode to an error or to a version that
// encodes back to the same bytes; never a panic.
func FuzzDecodeSlim(f *testing.F) {
	spec := config.Default().Spec()
	parser := prfaq.NewParser(spec)
	for _, src := range slimSources {
		if doc, err := parser.ParseMetrics([]byte(src)); err == nil {
			f.Add(encodeSlim(slim(doc)))
		}
	}
	f.Add([]byte{0})
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := decodeSlim(data, &spec)
		if err != nil {
			return
		}
		if got := encodeSlim(d); !bytes.Equal(got, data) && !sameExceptCellOrder(d, spec, got) {
			t.Errorf("re-encoded %x, was %x", got, data)
		}
	})
}

// sameExceptCellOrder: an encoding may list a metric's cells in another
// order (or twice) than encodeSlim does; it must still decode to the same
// version once re-encoded.
func sameExceptCellOrder(d *prfaq.Document, spec prfaq.Spec, enc []byte) bool {
	again, err := decodeSlim(enc, &spec)
	return err == nil && reflect.DeepEqual(again, d)
}

// cachedRepo is a history with every case the judgement has: a weakening
// acknowledged later, a draft round trip, a Target crossing its Baseline,
// an unreadable version, a rename, a deletion, and prose-only edits.
func cachedRepo(t *testing.T) *testRepo {
	r := newTestRepo(t)
	r.commit("create", map[string]string{"a/PRFAQ.md": v18, "o/PRFAQ.md": other})
	r.commit("lower", map[string]string{"a/PRFAQ.md": v15})
	r.commit("reword\n\nPRFAQ-Ack: market shrank", map[string]string{"a/PRFAQ.md": strings.Replace(v15, "in a day", "in one day", 1)})
	r.commit("to draft", map[string]string{"a/PRFAQ.md": prfaqWith("draft", "Conversion|12%|10%|2027-06-30|CRM")})
	r.commit("approve", map[string]string{"a/PRFAQ.md": prfaqWith("approved", "Conversion|12%|11%|2027-09-30|CRM")})
	r.commit("cross", map[string]string{"a/PRFAQ.md": prfaqWith("approved", "Conversion|12%|6%|2027-09-30|CRM")})
	r.commit("binary", map[string]string{"o/PRFAQ.md": "\x00\x01\x02"})
	r.commit("text again", map[string]string{"o/PRFAQ.md": other})
	r.git("mv", "a", "b")
	r.commit("move", nil)
	r.commit("delete", map[string]string{"o/PRFAQ.md": ""})
	return r
}

// historyRuns runs Log (every PRFAQ, and one followed file), Timelines
// and DiffPairs with cache, saving it after each, and renders what they
// return.
type historyRuns struct {
	log, logOne []byte
	timelines   []Timeline
	diff        []Pair
}

func runHistory(t *testing.T, repo *gitcmd.Repo, open func() *resultcache.Cache, one, from string) historyRuns {
	t.Helper()
	ctx := context.Background()
	cfg := config.Default()
	var out historyRuns
	logJSON := func(opts LogOptions) []byte {
		opts.Cache = open()
		cs, err := Log(ctx, repo, cfg, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := opts.Cache.Save(); err != nil {
			t.Fatal(err)
		}
		// What log --format json prints is a function of these fields.
		b, err := json.Marshal(cs)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	out.log = logJSON(LogOptions{})
	out.logOne = logJSON(LogOptions{Paths: []string{one}, Reverse: true})
	c := open()
	ts, err := Timelines(ctx, repo, cfg, LogOptions{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	out.timelines = ts
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = open()
	if out.diff, err = DiffPairs(ctx, repo, cfg, from, "HEAD", nil, DiffOptions{Cache: c}); err != nil {
		t.Fatal(err)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	return out
}

// sameHistory: log, log of one PRFAQ, timelines and diff are the same,
// byte for byte where printed, with no cache, a cold one and a warm one;
// the warm run reads every version from the cache (a cache whose entries
// all say "no metrics" changes the log); a corrupt pack is ignored.
func sameHistory(t *testing.T, repo *gitcmd.Repo, one, from string) {
	t.Helper()
	cfg := config.Default()
	dir := t.TempDir()
	open := func() *resultcache.Cache { return resultcache.OpenKind(dir, cfg.Fingerprint(), "test", CacheKind) }
	none := runHistory(t, repo, func() *resultcache.Cache { return nil }, one, from)
	if len(none.log) < 100 || len(none.timelines) == 0 {
		t.Fatalf("the history is too small to compare: %s", none.log)
	}
	cold := runHistory(t, repo, open, one, from)
	entries := open().Len()
	if entries == 0 {
		t.Fatal("the cold run cached nothing")
	}
	warm := runHistory(t, repo, open, one, from)
	if n := open().Len(); n != entries {
		t.Errorf("the warm run added entries: %d, then %d", entries, n)
	}
	for name, got := range map[string]historyRuns{"cold": cold, "warm": warm} {
		if !bytes.Equal(got.log, none.log) || !bytes.Equal(got.logOne, none.logOne) {
			t.Errorf("%s: log differs from the uncached one:\n%s\nwant\n%s", name, got.log, none.log)
		}
		if !reflect.DeepEqual(got.timelines, none.timelines) {
			t.Errorf("%s: timelines differ", name)
		}
		if !reflect.DeepEqual(got.diff, none.diff) {
			t.Errorf("%s: diff differs:\n%+v\nwant\n%+v", name, got.diff, none.diff)
		}
	}

	// Every entry replaced by "no document": a warm log reads them, so
	// it reports nothing.
	c := open()
	blank := encodeSlim(nil)
	for _, id := range cachedIDs(t, repo) {
		c.PutRaw(id, blank)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	cs, err := Log(context.Background(), repo, cfg, LogOptions{Cache: open()})
	if err != nil || len(cs) != 0 {
		t.Errorf("with every cached version blank, log gave %d changes (%v); want none: the cache was not read", len(cs), err)
	}

	// A damaged pack is no cache.
	packs, _ := filepath.Glob(filepath.Join(resultcache.Dir(dir), "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("packs: %v", packs)
	}
	data, err := os.ReadFile(packs[0])
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0xff
	if err := os.WriteFile(packs[0], data, 0o600); err != nil {
		t.Fatal(err)
	}
	if damaged := runHistory(t, repo, open, one, from); !bytes.Equal(damaged.log, none.log) {
		t.Errorf("a damaged pack changed the log")
	}
}

// cachedIDs are the blob ids of every version of every document in the
// history of HEAD.
func cachedIDs(t *testing.T, repo *gitcmd.Repo) []string {
	t.Helper()
	out := gittest.Git(t, repo.Root, nil, "log", "--format=", "--raw", "--no-abbrev", "-m", "--first-parent", "HEAD")
	seen := map[string]bool{}
	var ids []string
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		for _, id := range f[2:4] {
			if !seen[id] && strings.Trim(id, "0") != "" {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// TestHistoryCached: on a small history with every case the judgement
// has, the cache changes nothing in what log, scorecard's timelines and
// diff return.
func TestHistoryCached(t *testing.T) {
	t.Parallel()
	r := cachedRepo(t)
	sameHistory(t, r.open(), "b/PRFAQ.md", "HEAD~8")
}

// TestMkrepoHistoryCached is TestHistoryCached on a repository made by
// ../shared/bench/mkrepo, whose PRFAQs carry every edit mkrepo makes.
func TestMkrepoHistoryCached(t *testing.T) {
	t.Parallel()
	mkrepo := filepath.Join("..", "..", "..", "shared", "bench", "mkrepo")
	if _, err := os.Stat(mkrepo); err != nil {
		if os.Getenv("PRFAQ_REQUIRE_TOOLS") != "" {
			t.Fatalf("mkrepo is missing and PRFAQ_REQUIRE_TOOLS is set: %v", err)
		}
		t.Skipf("mkrepo is missing (%v): it is read from ../shared/bench beside the repository", err)
	}
	mkrepo, _ = filepath.Abs(mkrepo)
	dir := filepath.Join(gittest.TempDir(t), "repo")
	cmd := exec.Command(mkrepo, dir, "--commits", "2000", "--files", "2000", "--prfaqs", "20")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mkrepo: %v\n%s", err, out)
	}
	repo, err := gitcmd.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	sameHistory(t, repo, "services/svc001/PRFAQ.md", "HEAD~1000")
}
