package history

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// benchRepos lists the repositories PRFAQ_BENCH_REPO names, separated as
// PATH is (/work/bench/big:/work/bench/small).
func benchRepos() []string {
	env := os.Getenv("PRFAQ_BENCH_REPO")
	if env == "" {
		return nil
	}
	return filepath.SplitList(env)
}

// truthLine is one line of mkrepo's answer key (.git/mkrepo/truth.jsonl),
// in the vocabulary of log --format json plus op.
type truthLine struct {
	Op           string        `json:"op"`
	File         string        `json:"file"`
	Metric       string        `json:"metric"`
	Field        string        `json:"field"`
	From         string        `json:"from"`
	To           string        `json:"to"`
	Effect       change.Effect `json:"effect"`
	Commit       string        `json:"commit"`
	Acknowledged string        `json:"acknowledged"`
	Date         string        `json:"date"`
}

// key is what Log and the answer key must agree on.
func (l truthLine) key() string {
	return fmt.Sprintf("%s %s %q %s %q→%q %s ack=%q %s", l.Commit[:12], l.File, l.Metric, l.Field, l.From, l.To, l.Effect, l.Acknowledged, l.Date)
}

// changeKey is c's key as the answer key writes it. mkrepo records only
// each commit's own trailer; a weakening the README's rule lets a later
// commit acknowledge (AcknowledgedBy) is keyed unacknowledged, and
// laterAckAgrees checks the later commit against the key.
func changeKey(c change.Change) string {
	ack := c.Acknowledged
	if c.AcknowledgedBy != "" && c.AcknowledgedBy != c.Commit {
		ack = ""
	}
	return truthLine{File: c.File, Metric: c.Metric, Field: c.Field, From: c.From, To: c.To, Effect: c.Effect,
		Commit: c.Commit, Acknowledged: ack, Date: c.Date}.key()
}

// laterAckAgrees says whether the answer key has the commit that
// acknowledged c later: a change of the same PRFAQ in that commit, made
// after c, whose own trailer is c's reason.
func laterAckAgrees(c change.Change, truth []truthLine) bool {
	for _, l := range truth {
		if l.Commit == c.AcknowledgedBy && l.File == c.File && l.Acknowledged == c.Acknowledged && l.Date >= c.Date {
			return true
		}
	}
	return false
}

// TestAnswerKey runs Log over the repositories PRFAQ_BENCH_REPO names and
// checks it against mkrepo's answer key, both ways: every metric change the
// key lists (creations included: Log reports a new PRFAQ's metrics as
// added) is reported with the same commit, file, metric, field, from, to,
// effect, acknowledgement and date, and nothing else is reported, so prose
// and status edits report nothing. It does so for every PRFAQ at once and
// for services/svc001/PRFAQ.md alone (the followed, long history).
func TestAnswerKey(t *testing.T) {
	repos := benchRepos()
	if len(repos) == 0 {
		t.Skip("set PRFAQ_BENCH_REPO to mkrepo repositories (a PATH-style list) to check the answer key")
	}
	for _, dir := range repos {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			repo, err := gitcmd.Open(context.Background(), dir)
			if err != nil {
				t.Fatal(err)
			}
			truth := readTruth(t, filepath.Join(dir, ".git", "mkrepo", "truth.jsonl"))
			t.Run("all", func(t *testing.T) { agree(t, repo, LogOptions{}, truth, "") })
			t.Run("svc001", func(t *testing.T) {
				const f = "services/svc001/PRFAQ.md"
				agree(t, repo, LogOptions{Paths: []string{f}}, truth, f)
			})
		})
	}
}

// agree runs Log and compares it with the truth lines of file ("" for all).
func agree(t *testing.T, repo *gitcmd.Repo, opts LogOptions, truth []truthLine, file string) {
	got, err := Log(context.Background(), repo, config.Default(), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	lines := 0
	for _, l := range truth {
		if l.Field != "" && (file == "" || l.File == file) {
			want[l.key()]++
			lines++
		}
	}
	extra := 0
	for _, c := range got {
		k := changeKey(c)
		if want[k] == 0 {
			extra++
			t.Errorf("reported, not in the answer key: %s", k)
			continue
		}
		want[k]--
		if c.AcknowledgedBy != "" && c.AcknowledgedBy != c.Commit && !laterAckAgrees(c, truth) {
			t.Errorf("acknowledged by %s (%q), which the answer key does not show: %s", c.AcknowledgedBy, c.Acknowledged, k)
		}
	}
	missing := 0
	for k, n := range want {
		for range n {
			missing++
			t.Errorf("in the answer key, not reported: %s", k)
		}
	}
	t.Logf("%d changes reported; answer key: %d metric lines, %d missing, %d unexpected", len(got), lines, missing, extra)
	if lines == 0 {
		t.Fatal("the answer key has no metric lines")
	}
}

// readTruth reads the answer key; initiative lines name a directory and
// prose and status lines no field: neither is a metric change.
func readTruth(t *testing.T, path string) []truthLine {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []truthLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l truthLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if l.Op != "initiative" {
			out = append(out, l)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
