package change

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
)

// truthLine is one line of mkrepo's answer key (.git/mkrepo/truth.jsonl).
type truthLine struct {
	Op     string `json:"op"`
	File   string `json:"file"`
	Metric string `json:"metric"`
	Field  string `json:"field"`
	From   string `json:"from"`
	To     string `json:"to"`
	Effect Effect `json:"effect"`
	Commit string `json:"commit"`
}

// edit is one commit's change to one PRFAQ and the answer key's lines for it.
type edit struct {
	commit, file string
	lines        []truthLine
}

// TestAnswerKey compares Compare with the answer key of repositories made
// by shared/bench/mkrepo. PRFAQ_BENCH_REPO lists them, separated as PATH is
// (/work/bench/big:/work/bench/small). For every edit commit it parses the
// PRFAQ at commit^ and at commit and checks that:
//   - every metric line of the key (not prose, status, initiative or
//     create) is reported with the same from, to and effect;
//   - nothing else is reported, so prose and status edits report nothing;
//   - a creation (the file absent at commit^, or a root commit) reports
//     each metric of the key as added.
func TestAnswerKey(t *testing.T) {
	env := os.Getenv("PRFAQ_BENCH_REPO")
	if env == "" {
		t.Skip("set PRFAQ_BENCH_REPO to mkrepo repositories (a PATH-style list) to check the answer key")
	}
	for _, repo := range filepath.SplitList(env) {
		t.Run(filepath.Base(repo), func(t *testing.T) { answerKey(t, repo) })
	}
}

func answerKey(t *testing.T, repo string) {
	edits := readTruth(t, filepath.Join(repo, ".git", "mkrepo", "truth.jsonl"))
	var names []string
	for _, e := range edits {
		names = append(names, e.commit+"^:"+e.file, e.commit+":"+e.file)
	}
	blobs := catFile(t, repo, names)
	cfg := config.Default()
	policy := check.PolicyOf(cfg)
	var s score
	for i, e := range edits {
		older := parseBlob(t, blobs[2*i], cfg)
		newer := parseBlob(t, blobs[2*i+1], cfg)
		if newer == nil {
			t.Fatalf("%s:%s: missing from the repository", e.commit, e.file)
		}
		s.check(t, e, Compare(e.file, older, newer, policy))
	}
	t.Logf("%s: %d metric lines checked, %d agree; %d creation lines, %d agree; %d edit commits compared in full, %d unexpected changes",
		repo, s.lines, s.agree, s.created, s.createdAgree, s.commits, s.extra)
	if s.lines == 0 {
		t.Fatalf("%s: the answer key has no metric lines", repo)
	}
}

// score counts what the answer key confirmed.
type score struct {
	lines, agree, created, createdAgree, commits, extra int
}

// check matches one commit's changes with the key's lines for it, both ways.
func (s *score) check(t *testing.T, e edit, got []Change) {
	t.Helper()
	s.commits++
	used := make([]bool, len(got))
	for _, l := range e.lines {
		if l.Field == "" {
			continue // a prose or status edit: nothing to find, and nothing may be found
		}
		ok := find(got, used, l)
		if l.Op == "create" {
			s.created++
			s.createdAgree += b2i(ok)
		} else {
			s.lines++
			s.agree += b2i(ok)
		}
		if !ok {
			t.Errorf("%s %s (%s): want %s %q %q→%q %s; got:\n%s", e.commit[:12], e.file, l.Op, l.Field, l.Metric, l.From, l.To, l.Effect, dump(got))
		}
	}
	for i, c := range got {
		if !used[i] {
			s.extra++
			t.Errorf("%s %s: unexpected change %s %q: %s (%s)", e.commit[:12], e.file, c.Field, c.Metric, c.Summary(), c.Reason)
		}
	}
}

// find marks the change that agrees with l on metric, field, from, to and
// effect.
func find(got []Change, used []bool, l truthLine) bool {
	for i, c := range got {
		if !used[i] && c.Metric == l.Metric && c.Field == l.Field && c.From == l.From && c.To == l.To && c.Effect == l.Effect {
			used[i] = true
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func dump(cs []Change) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "\t%s: %s (%s)\n", c.Metric, c.Summary(), c.Reason)
	}
	return b.String()
}

// readTruth groups the answer key by commit and file, in key order.
// Initiative lines name a directory, not a PRFAQ, and are left out.
func readTruth(t *testing.T, path string) []edit {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var edits []edit
	at := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l truthLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if l.Op == "initiative" {
			continue
		}
		key := l.Commit + ":" + l.File
		i, ok := at[key]
		if !ok {
			i, at[key] = len(edits), len(edits)
			edits = append(edits, edit{commit: l.Commit, file: l.File})
		}
		edits[i].lines = append(edits[i].lines, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return edits
}

// catFile reads many blobs through one git cat-file --batch; a name that
// does not resolve (the file did not exist, or a root commit's parent)
// gives nil.
func catFile(t *testing.T, repo string, names []string) [][]byte {
	cmd := exec.Command("git", "-C", repo, "cat-file", "--batch")
	cmd.Stdin = strings.NewReader(strings.Join(names, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(out)
	blobs := make([][]byte, len(names))
	for i, name := range names {
		if blobs[i], err = readObject(r); err != nil {
			t.Fatalf("git cat-file %s: %v", name, err)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("git cat-file: %v: %s", err, stderr.String())
	}
	return blobs
}

// readObject reads one answer of cat-file --batch: "<oid> <type> <size>"
// and the contents, or "<name> missing".
func readObject(r *bufio.Reader) ([]byte, error) {
	header, err := r.ReadString('\n')
	if err != nil {
		return nil, err
	}
	fields := strings.Fields(header)
	if len(fields) == 2 && fields[1] == "missing" {
		return nil, nil
	}
	if len(fields) != 3 || fields[1] != "blob" {
		return nil, fmt.Errorf("unexpected answer %q", header)
	}
	size, err := strconv.Atoi(fields[2])
	if err != nil {
		return nil, err
	}
	body := make([]byte, size+1) // and the LF after the contents
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	return body[:size], nil
}

func parseBlob(t *testing.T, b []byte, cfg *config.Config) *prfaq.Document {
	if b == nil {
		return nil
	}
	doc, err := prfaq.Parse(b, cfg.Spec())
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
