package scorecard

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gittest"
	"github.com/prfaq/git-prfaq/internal/quantity"
)

// mkrepo is ../shared/bench/mkrepo beside the repository. Where it is
// missing the test skips, unless PRFAQ_REQUIRE_TOOLS is set (CI): then it
// fails, as a missing outside tool does.
func mkrepo(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "bench", "mkrepo"))
	if err == nil {
		_, err = os.Stat(path)
	}
	if err != nil {
		if os.Getenv("PRFAQ_REQUIRE_TOOLS") != "" {
			t.Fatalf("mkrepo is missing and PRFAQ_REQUIRE_TOOLS is set: %v", err)
		}
		t.Skipf("mkrepo is missing (%v): it is read from ../shared/bench beside the repository", err)
	}
	gittest.RequireTool(t, "python3", "apt-get install python3")
	return path
}

// keyLine is one line of mkrepo's answer key (.git/mkrepo/truth.jsonl).
type keyLine struct {
	Op, File, Metric, Field, From, To, Effect, Commit, Acknowledged, Date string
}

// TestAnswerKey builds a small mkrepo repository (2,000 commits, 20
// PRFAQs, about 2 s) and checks the scorecard's goalpost numbers against
// what its answer key implies: every PRFAQ proposed; and, among the edits
// made once the PRFAQ was approved or launched (its status read from the
// document at each commit that created it or changed its status), the By
// dates moved later with their median slip, the weakened targets with
// how many were acknowledged (by the README's rule: the commit's own
// trailer or a later one's on the same PRFAQ), and the metrics removed.
//
// PRFAQ_BENCH_REPO (mkrepo repositories, a PATH-style list) checks those
// too, e.g. the 20,000-commit one.
func TestAnswerKey(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a repository with mkrepo")
	}
	tool := mkrepo(t)
	dir := filepath.Join(gittest.TempDir(t), "repo")
	cmd := exec.Command(tool, dir, "--commits", "2000", "--files", "2000", "--prfaqs", "20")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mkrepo: %v\n%s", err, out)
	}
	t.Run("small", func(t *testing.T) { agreeWithKey(t, dir) })
	if env := os.Getenv("PRFAQ_BENCH_REPO"); env != "" {
		for _, d := range filepath.SplitList(env) {
			t.Run(filepath.Base(d), func(t *testing.T) { agreeWithKey(t, d) })
		}
	}
}

func agreeWithKey(t *testing.T, dir string) {
	key := readKey(t, filepath.Join(dir, ".git", "mkrepo", "truth.jsonl"))
	statuses := statusAt(t, dir, key)

	files := map[string]bool{}
	var slips, weakened, acked, removed int
	var slipDays []float64
	for _, l := range key {
		if l.File != "" && l.Op != "initiative" {
			files[l.File] = true
		}
		if l.Effect != "weakened" || !approvedBefore(statuses[l.File], l.Date) {
			continue
		}
		switch l.Field {
		case "by":
			slips++
			from, err1 := quantity.ParseDate(l.From)
			to, err2 := quantity.ParseDate(l.To)
			if err1 == nil && err2 == nil {
				slipDays = append(slipDays, float64((to.End.Unix()-from.End.Unix())/86400))
			}
		case "target":
			weakened++
			if acknowledged(key, l) {
				acked++
			}
		case "metric":
			removed++
		}
	}
	sc := Build(timelines(t, dir), Options{Today: date("2030-01-01"), Policy: check.PolicyOf(config.Default())})
	c := sc.Total
	if c.Proposed != len(files) || c.Initiatives != len(files) {
		t.Errorf("proposed %d, initiatives %d; the key has %d PRFAQs", c.Proposed, c.Initiatives, len(files))
	}
	if c.Slips != slips || !sameMedian(c.MedianSlipDays, median(slipDays)) {
		t.Errorf("slips %d (median %v); the key implies %d (median %v)", c.Slips, deref(c.MedianSlipDays), slips, deref(median(slipDays)))
	}
	if c.Weakened != weakened || c.Acknowledged != acked {
		t.Errorf("targets weakened %d, acknowledged %d; the key implies %d, %d", c.Weakened, c.Acknowledged, weakened, acked)
	}
	if c.Removed != removed {
		t.Errorf("metrics removed %d; the key implies %d", c.Removed, removed)
	}
	if slips+weakened == 0 {
		t.Fatal("the key has no edit after approval: nothing was checked")
	}
	t.Logf("%d PRFAQs; after approval: %d slips (median %v days), %d targets weakened (%d acknowledged), %d metrics removed",
		len(files), slips, deref(median(slipDays)), weakened, acked, removed)
}

func readKey(t *testing.T, path string) []keyLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []keyLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l keyLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// statusChange is a PRFAQ's status from a commit on.
type statusChange struct {
	at     time.Time
	status string
}

var statusLine = regexp.MustCompile(`(?m)^status\s*=\s*"([a-z]+)"`)

// statusAt reads, for each PRFAQ, its status at each commit the key says
// created it or changed its status, oldest first. The key has no date on
// status lines, so the commit's own date is read.
func statusAt(t *testing.T, dir string, key []keyLine) map[string][]statusChange {
	t.Helper()
	out := map[string][]statusChange{}
	seen := map[string]bool{}
	for _, l := range key {
		if l.Op != "create" && l.Op != "status" || seen[l.Commit+l.File] {
			continue
		}
		seen[l.Commit+l.File] = true
		doc := gittest.Git(t, dir, nil, "show", l.Commit+":"+l.File)
		m := statusLine.FindStringSubmatch(doc)
		if m == nil {
			t.Fatalf("%s at %s: no status in the front matter", l.File, l.Commit)
		}
		at, err := time.Parse(time.RFC3339, gittest.Git(t, dir, nil, "log", "-1", "--format=%cI", l.Commit))
		if err != nil {
			t.Fatal(err)
		}
		out[l.File] = append(out[l.File], statusChange{at.UTC(), m[1]})
	}
	for _, cs := range out {
		slices.SortStableFunc(cs, func(a, b statusChange) int { return a.at.Compare(b.at) })
	}
	return out
}

// approvedBefore reports whether the PRFAQ was approved or launched in a
// commit before date (mkrepo's statuses only move forward, so it never
// returns to draft).
func approvedBefore(cs []statusChange, date string) bool {
	at, err := time.Parse(time.RFC3339, date)
	if err != nil {
		return false
	}
	for _, c := range cs {
		if c.at.Before(at) && (c.status == "approved" || c.status == "launched") {
			return true
		}
	}
	return false
}

// acknowledged applies the README's rule to the key: a weakening is
// acknowledged by its own commit's trailer or by the first later commit
// that touches the PRFAQ with one (mkrepo writes the trailer only on the
// weakening edits, so a key line with an acknowledgement marks such a
// commit).
func acknowledged(key []keyLine, w keyLine) bool {
	if w.Acknowledged != "" {
		return true
	}
	for _, l := range key {
		if l.File == w.File && l.Acknowledged != "" && l.Date > w.Date {
			return true
		}
	}
	return false
}

func sameMedian(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
