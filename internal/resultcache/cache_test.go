package resultcache

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/docsum"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// sample is an entry using every field, so a round trip checks them all.
func sample(n int) Entry {
	return Entry{
		Static: check.Static{
			Status: prfaq.Review,
			Findings: []rule.Finding{{
				Rule: rule.MetricUnmeasurable, Severity: rule.Error, File: "a/PRFAQ.md", Line: 40 + n, Column: 3,
				Message: fmt.Sprintf("metric %d: Target \"x\"", n), Section: "Success Metrics", Question: "Why?",
				Text: "TBD", Metric: "Latency", Field: "target", Suggestion: "| a |\n| b |", Suppressed: true, Suppression: "known",
			}},
			Deadlines: []check.Deadline{
				{Metric: "Latency", Due: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), DueText: "2026-Q1", Pos: prfaq.Pos{Line: 41, Column: 1}, Missing: true},
				{Metric: "Far", Due: time.Date(9999, 12, 31, 23, 59, 59, 999, time.UTC), DueText: "9999-12-31", Missing: true},
				{Metric: "Churn", Due: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), DueText: "2025", Pos: prfaq.Pos{Line: 42, Column: 9}, Message: "metric \"Churn\" was due 2025: …"},
			},
			Suppressions: []prfaq.Suppression{{Pos: prfaq.Pos{Line: 3, Column: 1}, Rules: []string{"placeholder", "faq-unanswered"}, Reason: "later", From: 4, To: 6}},
		},
		Summary: docsum.Summary{
			Status: "Review", Owner: "Jane Roe", Headline: "Example launches X", Met: 1, Missed: 2,
			Metrics:     []docsum.Row{{Name: "Latency", Key: "latency", Baseline: "300 ms", Target: "100 ms", By: "2026-Q1", Source: "dash", Actual: "120 ms", Current: "150 ms", HasActual: true}},
			MetricCount: 1,
			Progress: []check.Progress{{Metric: "Latency", Baseline: "300 ms", Target: "100 ms", Current: "120 ms", From: "actual",
				Fraction: 0.9, Remaining: "20 ms", State: "on the way"}},
		},
	}
}

func TestEntryRoundTrip(t *testing.T) {
	t.Parallel()
	for _, e := range []Entry{{}, sample(1)} {
		got, err := decodeEntry(encodeEntry(e))
		if err != nil {
			t.Fatal(err)
		}
		if e.Static.Findings == nil {
			e.Static.Findings, e.Static.Deadlines = []rule.Finding{}, []check.Deadline{}
		}
		if !reflect.DeepEqual(got, e) {
			t.Fatalf("round trip:\n got %#v\nwant %#v", got, e)
		}
	}
}

func blobID(i int) string { return fmt.Sprintf("%040x", i) }

// fill writes n sample entries to a fresh cache and returns its common dir.
func fill(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	c := Open(dir, "cfg", "v1")
	for i := range n {
		c.Put(blobID(i), sample(i))
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSaveAndOpen(t *testing.T) {
	t.Parallel()
	dir := fill(t, 50)
	c := Open(dir, "cfg", "v1")
	if c.Len() != 50 {
		t.Fatalf("reopened cache has %d entries, want 50", c.Len())
	}
	got, ok := c.Get(blobID(7))
	if !ok || !reflect.DeepEqual(got, sample(7)) {
		t.Fatalf("Get(7) = %v, %#v", ok, got)
	}
	if _, ok := c.Get(blobID(99)); ok {
		t.Fatal("Get of a blob never put hit")
	}
	// Another configuration or tool version is another pack: all misses.
	for _, other := range []*Cache{Open(dir, "cfg2", "v1"), Open(dir, "cfg", "v2")} {
		if other.Len() != 0 || other.Has(blobID(7)) {
			t.Fatalf("a cache of another configuration or version holds %d entries", other.Len())
		}
	}
	st, err := Info(dir)
	if err != nil || st.Packs != 1 || st.Entries != 50 || st.Bytes == 0 {
		t.Fatalf("Info = %+v, %v; want 1 pack, 50 entries", st, err)
	}
	if err := Clear(dir); err != nil {
		t.Fatal(err)
	}
	if Open(dir, "cfg", "v1").Len() != 0 {
		t.Fatal("Clear left entries behind")
	}
}

// TestOpenLater: a pack loaded on another goroutine answers as one
// loaded by Open, from several goroutines at once, and saves what was
// added; a missing pack is an empty cache, and no directory no cache.
func TestOpenLater(t *testing.T) {
	t.Parallel()
	dir := fill(t, 50)
	c := OpenLater(dir, "cfg", "v1")
	var wg sync.WaitGroup
	hits := make([]bool, 60)
	for i := range 60 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, ok := c.Get(blobID(i))
			hits[i] = ok && reflect.DeepEqual(got, sample(i))
		}()
	}
	wg.Wait()
	for i, hit := range hits {
		if hit != (i < 50) {
			t.Fatalf("Get(%d) hit %v, want %v", i, hit, i < 50)
		}
	}
	c.Put(blobID(60), sample(60))
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if n := Open(dir, "cfg", "v1").Len(); n != 51 {
		t.Fatalf("saved %d entries, want 51", n)
	}
	if n := OpenLater(dir, "cfg2", "v1").Len(); n != 0 {
		t.Fatalf("a missing pack holds %d entries", n)
	}
	if OpenLater("", "cfg", "v1") != nil {
		t.Fatal("no common dir gave a cache")
	}
}

// TestDamagedPack: a truncated, corrupted or other-format pack reads as
// empty, and the next Save replaces it with a good one.
func TestDamagedPack(t *testing.T) {
	t.Parallel()
	damage := map[string]func([]byte) []byte{
		"truncated":    func(b []byte) []byte { return b[:len(b)/2] },
		"header only":  func(b []byte) []byte { return b[:headerLen] },
		"empty":        func([]byte) []byte { return nil },
		"flipped byte": func(b []byte) []byte { b[len(b)-3] ^= 0x40; return b },
		"other format": func(b []byte) []byte { b[8]++; return b },
		"garbage":      func([]byte) []byte { return []byte("not a pack at all, just text\n") },
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := fill(t, 20)
			path := onlyPack(t, dir)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f(data), 0o644); err != nil {
				t.Fatal(err)
			}
			c := Open(dir, "cfg", "v1")
			if c.Len() != 0 {
				t.Fatalf("damaged pack gave %d entries", c.Len())
			}
			c.Put(blobID(1), sample(1))
			if err := c.Save(); err != nil {
				t.Fatal(err)
			}
			if got, ok := Open(dir, "cfg", "v1").Get(blobID(1)); !ok || !reflect.DeepEqual(got, sample(1)) {
				t.Fatalf("after Save over a damaged pack: %v %#v", ok, got)
			}
		})
	}
}

func onlyPack(t *testing.T, dir string) string {
	t.Helper()
	packs, _ := filepath.Glob(filepath.Join(Dir(dir), "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("want one pack, have %v", packs)
	}
	return packs[0]
}

// TestConcurrentWriters: processes writing the same pack at once never
// leave a pack that does not read, and each writer's entries that
// survive decode to what it put.
func TestConcurrentWriters(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const writers, each = 8, 200
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 3 {
				c := Open(dir, "cfg", "v1")
				for i := range each {
					n := w*each*3 + round*each + i
					c.Put(blobID(n), sample(n))
				}
				if err := c.Save(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	c := Open(dir, "cfg", "v1")
	if c.Len() < each {
		t.Fatalf("after concurrent writers the pack holds %d entries, want at least %d", c.Len(), each)
	}
	found := 0
	for n := range writers * each * 3 {
		if got, ok := c.Get(blobID(n)); ok {
			found++
			if !reflect.DeepEqual(got, sample(n)) {
				t.Fatalf("entry %d decodes to %#v", n, got)
			}
		}
	}
	if found != c.Len() {
		t.Fatalf("%d entries decode of %d", found, c.Len())
	}
	if tmps, _ := filepath.Glob(filepath.Join(Dir(dir), "tmp-*")); len(tmps) > 0 {
		t.Fatalf("temporary files left: %v", tmps)
	}
}

// TestUnwritable: a git dir the cache cannot be written in (here a path
// under a regular file, which even root cannot create) makes Save fail
// and Open empty, nothing else.
func TestUnwritable(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := Open(file, "cfg", "v1")
	c.Put(blobID(1), sample(1))
	if err := c.Save(); err == nil {
		t.Fatal("Save under a regular file succeeded")
	}
	if c.Len() != 1 {
		t.Fatalf("the run's own entries are %d, want 1", c.Len())
	}
	var nilCache *Cache
	nilCache.Put(blobID(1), sample(1))
	if _, ok := nilCache.Get(blobID(1)); ok || nilCache.Save() != nil || nilCache.Has(blobID(1)) {
		t.Fatal("a nil cache is not a disabled one")
	}
}

// TestBound keeps the most recently used entries within the bounds.
func TestBound(t *testing.T) {
	t.Parallel()
	var recs []record
	big := make([]byte, maxBytes/10)
	for i := range 20 {
		recs = append(recs, record{blob: blobID(i), gen: uint32(i), data: big})
	}
	kept := bound(recs)
	if len(kept) != 9 {
		t.Fatalf("kept %d entries of %d bytes each, want 9 within %d bytes", len(kept), len(big), maxBytes)
	}
	for _, r := range kept {
		if r.gen < 11 {
			t.Fatalf("kept entry of generation %d over newer ones", r.gen)
		}
	}
}

// TestUsedEntriesSurvive: a run that reads an entry marks it recently
// used, so eviction drops older ones first.
func TestUsedEntriesSurvive(t *testing.T) {
	t.Parallel()
	dir := fill(t, 3)
	c := Open(dir, "cfg", "v1")
	c.Get(blobID(0))
	c.Put(blobID(5), sample(5))
	c.mu.Lock()
	recs := c.records()
	c.mu.Unlock()
	gens := map[string]uint32{}
	for _, r := range recs {
		gens[r.blob] = r.gen
	}
	if gens[blobID(0)] != c.gen || gens[blobID(5)] != c.gen || gens[blobID(1)] >= c.gen {
		t.Fatalf("generations %v, this run's is %d", gens, c.gen)
	}
}

func TestPrune(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i := range maxPacks + 3 {
		c := Open(dir, fmt.Sprint("cfg", i), "v1")
		c.Put(blobID(i), sample(i))
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		// Distinct modification times, oldest first.
		old := time.Now().Add(time.Duration(i-20) * time.Minute)
		os.Chtimes(c.path, old, old)
	}
	packs, _ := filepath.Glob(filepath.Join(Dir(dir), "*.pack"))
	if len(packs) != maxPacks {
		t.Fatalf("%d packs kept, want %d", len(packs), maxPacks)
	}
	if Open(dir, fmt.Sprint("cfg", maxPacks+2), "v1").Len() != 1 {
		t.Fatal("the newest pack was pruned")
	}
}

func TestToolVersion(t *testing.T) {
	t.Parallel()
	v := ToolVersion()
	if v == "" || v != ToolVersion() {
		t.Fatalf("ToolVersion = %q, not stable", v)
	}
}

func FuzzDecodeEntry(f *testing.F) {
	f.Add(encodeEntry(sample(1)))
	f.Add(encodeEntry(Entry{}))
	f.Add([]byte{0x7f, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := decodeEntry(data)
		if err != nil {
			return
		}
		// What decodes re-encodes to the same bytes.
		if again := encodeEntry(e); string(again) != string(data) {
			t.Skip() // varints have more than one encoding
		}
	})
}

func FuzzParsePack(f *testing.F) {
	f.Add(encodePack(3, []record{{blobID(1), 2, encodeEntry(sample(1))}}))
	f.Add([]byte("PRFAQRC\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, index, _, ok := parsePack(data)
		if !ok {
			return
		}
		for _, s := range index {
			if s.start < headerLen || s.end > len(data) || s.start > s.end {
				t.Fatalf("slot %+v outside %d bytes", s, len(data))
			}
			decodeEntry(data[s.start:s.end])
		}
	})
}

// TestListings: a commit's document list round-trips, does not count as
// an entry, and only the listings a run used or added are kept.
func TestListings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := []Listed{{"a/PRFAQ.md", blobID(1)}, {"b/PRFAQ.md", blobID(2)}}
	c := Open(dir, "cfg", "v1")
	c.PutListing("c1", files)
	c.Put(blobID(1), sample(1))
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = Open(dir, "cfg", "v1")
	if got, ok := c.GetListing("c1"); !ok || !reflect.DeepEqual(got, files) || c.Len() != 1 {
		t.Fatalf("GetListing = %v %v, Len %d", ok, got, c.Len())
	}
	c = Open(dir, "cfg", "v1")
	c.PutListing("c2", files[:1])
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = Open(dir, "cfg", "v1")
	if _, ok := c.GetListing("c1"); ok {
		t.Fatal("an unused old listing was kept")
	}
	if got, ok := c.GetListing("c2"); !ok || len(got) != 1 {
		t.Fatalf("the new listing: %v %v", ok, got)
	}
}

// TestKinds: a pack of another kind is a sibling file of the same
// configuration and tool version, holding raw entries; kinds, and the
// check's pack, never see each other's entries; an empty kind is no cache.
func TestKinds(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	check := Open(dir, "cfg", "v1")
	check.Put(blobID(1), sample(1))
	slimA := OpenKind(dir, "cfg", "v1", "slim/1")
	slimA.PutRaw(blobID(1), []byte("one"))
	slimA.PutRaw(blobID(2), nil)
	slimA.PutRaw(listingPrefix+"x", []byte("not a blob key"))
	for _, c := range []*Cache{check, slimA} {
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
	}
	packs, _ := filepath.Glob(filepath.Join(Dir(dir), "*.pack"))
	if len(packs) != 2 {
		t.Fatalf("packs: %v, want the check's and one of kind slim/1", packs)
	}
	cases := []struct {
		name string
		c    *Cache
		blob string
		want string
		ok   bool
	}{
		{"saved", OpenKind(dir, "cfg", "v1", "slim/1"), blobID(1), "one", true},
		{"empty entry", OpenKind(dir, "cfg", "v1", "slim/1"), blobID(2), "", true},
		{"not put", OpenKind(dir, "cfg", "v1", "slim/1"), blobID(3), "", false},
		{"not a blob key", OpenKind(dir, "cfg", "v1", "slim/1"), listingPrefix + "x", "", false},
		{"another kind", OpenKind(dir, "cfg", "v1", "slim/2"), blobID(1), "", false},
		{"another tool version", OpenKind(dir, "cfg", "v2", "slim/1"), blobID(1), "", false},
		{"the check's pack", Open(dir, "cfg", "v1"), blobID(1), "", false},
		{"no kind", OpenKind(dir, "cfg", "v1", ""), blobID(1), "", false},
	}
	for _, c := range cases {
		got, ok := c.c.GetRaw(c.blob)
		if ok != c.ok || string(got) != c.want {
			t.Errorf("%s: GetRaw = %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
		}
	}
	if e, ok := Open(dir, "cfg", "v1").Get(blobID(1)); !ok || !reflect.DeepEqual(e, sample(1)) {
		t.Errorf("the check's entry: %v, %v", e, ok)
	}
	if _, ok := OpenKind(dir, "cfg", "v1", "slim/1").Get(blobID(1)); ok {
		t.Error("Get read a raw entry as the check's")
	}
}
