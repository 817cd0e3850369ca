package gate

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/agreement"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/gittest"
	"github.com/prfaq/git-prfaq/rule"
)

// TestMain isolates git from the machine (see gittest.Isolate).
func TestMain(m *testing.M) {
	gittest.Isolate(nil)
	os.Exit(m.Run())
}

func TestSeverity(t *testing.T) {
	weak := change.Change{Effect: change.Weakened}
	tests := []struct {
		name       string
		c          func(change.Change) change.Change
		configured rule.Severity
		at         stage
		want       rule.Severity
	}{
		{"unacknowledged in a range", nil, rule.Error, inRange, rule.Error},
		{"unacknowledged in a commit message", nil, rule.Error, atMessage, rule.Error},
		{"before the message is written", nil, rule.Error, atPending, rule.Warning},
		{"a draft's", func(c change.Change) change.Change { c.Draft = true; return c }, rule.Error, inRange, rule.Warning},
		{"acknowledged", func(c change.Change) change.Change { c.Acknowledged = "why"; return c }, rule.Error, inRange, ""},
		{"improved", func(c change.Change) change.Change { c.Effect = change.Improved; return c }, rule.Error, inRange, ""},
		{"configured a warning", nil, rule.Warning, inRange, rule.Warning},
		{"off in a range", nil, rule.Off, inRange, ""},
		{"off before the message", nil, rule.Off, atPending, ""},
		{"off for a draft", func(c change.Change) change.Change { c.Draft = true; return c }, rule.Off, atMessage, ""},
	}
	for _, tt := range tests {
		cfg := config.Default()
		cfg.Severity[rule.MetricWeakened] = tt.configured
		c := weak
		if tt.c != nil {
			c = tt.c(c)
		}
		if got := severity(cfg, c, tt.at); got != tt.want {
			t.Errorf("%s: severity = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestAgreement runs the agreement table through the gate's own entry
// points: Range (pre-push, pre-receive, check --range, the Action), and
// Staged and CommitMsg on a merge in progress (pre-merge-commit,
// commit-msg).
func TestAgreement(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	for _, s := range agreement.Scenarios() {
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			dir, env := scenarioRepo(t, s)
			ctx := context.Background()
			g := openGate(t, dir)
			main := gittest.Git(t, dir, env, "rev-parse", "main")
			r, err := g.Range(ctx, main, "change", "")
			if err != nil {
				t.Fatal(err)
			}
			judge(t, s, "Range", r, false)

			gittest.Git(t, dir, env, "checkout", "-q", "main")
			if out, err := tryGit(dir, env, "merge", "--no-ff", "--no-commit", "--no-verify", "change"); err != nil {
				t.Fatalf("merge --no-commit: %v\n%s", err, out)
			}
			g = openGate(t, dir)
			staged, err := g.Staged(ctx)
			if err != nil {
				t.Fatal(err)
			}
			judge(t, s, "Staged (pre-merge-commit)", staged, true)
			msg, err := g.CommitMsg(ctx, []byte("Merge change\n"))
			if err != nil {
				t.Fatal(err)
			}
			judge(t, s, "CommitMsg (commit-msg on the merge)", msg, false)
		})
	}
}

// judge asserts a report's verdict: refused means an error finding of
// metric-weakened; before the message is written there are only warnings,
// one for each weakening the merged commits did not acknowledge.
func judge(t *testing.T, s agreement.Scenario, entry string, r *Report, pending bool) {
	t.Helper()
	errors, warnings := 0, 0
	for _, f := range r.Findings {
		if f.Rule != rule.MetricWeakened && f.Rule != rule.ConfigWeakened {
			t.Errorf("%s: unexpected finding %+v", entry, f)
			continue
		}
		switch f.Severity {
		case rule.Error:
			errors++
		case rule.Warning:
			warnings++
		}
	}
	if s.Silent && errors+warnings > 0 {
		t.Errorf("%s: metric-weakened is off, yet %d findings", entry, errors+warnings)
	}
	blocked := errors > 0
	if pending {
		blocked = warnings > 0 && (!anyDraft(r.Changes) || s.ConfigOnly)
	}
	if blocked != s.Blocked {
		t.Errorf("%s: blocked = %v, want %v; findings %+v", entry, blocked, s.Blocked, r.Findings)
	}
}

func anyDraft(cs []change.Change) bool {
	for _, c := range cs {
		if c.Draft {
			return true
		}
	}
	return false
}

func scenarioRepo(t *testing.T, s agreement.Scenario) (string, []string) {
	t.Helper()
	env := os.Environ() // isolated by TestMain
	dir := t.TempDir()
	agreement.Build(t, dir, env, s)
	return dir, env
}

func openGate(t *testing.T, dir string) *Gate {
	t.Helper()
	repo, err := gitcmd.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(repo.Root)
	if err != nil {
		t.Fatal(err)
	}
	return &Gate{Repo: repo, Cfg: cfg, Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}
}

func tryGit(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestTrailerCommits: a commit declaring an initiative in a trailer must
// bring a PRFAQ itself, the root commit of a range from the beginning of
// history included.
func TestTrailerCommits(t *testing.T) {
	dir := t.TempDir()
	env := os.Environ()
	gittest.Git(t, dir, env, "init", "-q", "-b", "main")
	gittest.WriteFile(t, filepath.Join(dir, "README.md"), "x\n")
	gittest.Git(t, dir, env, "add", "-A")
	gittest.Git(t, dir, env, "commit", "-q", "-m", "Start\n\nInitiative: pay")
	gittest.WriteFile(t, filepath.Join(dir, "services/pay/PRFAQ.md"), agreement.Render(agreement.Start))
	gittest.Git(t, dir, env, "add", "-A")
	gittest.Git(t, dir, env, "commit", "-q", "-m", "Pay\n\nInitiative: pay")
	gittest.WriteFile(t, filepath.Join(dir, "README.md"), "y\n")
	gittest.Git(t, dir, env, "commit", "-q", "-a", "-m", "Ship\n\nInitiative: ship")
	root := gittest.Git(t, dir, env, "rev-list", "--max-parents=0", "HEAD")
	tip := gittest.Git(t, dir, env, "rev-parse", "HEAD")

	g := openGate(t, dir)
	fs, err := g.trailerCommits(context.Background(), "", "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Commit)
	}
	if want := []string{tip, root}; !slices.Equal(got, want) {
		t.Errorf("trailerCommits = %v, want the root and the tip %v", got, want)
	}
}

// TestServerPolicy: a server's policy is the .prfaq.toml on its policy
// ref; an empty repository takes the defaults; a policy ref that names no
// commit while other refs exist, or a policy that does not parse, is an
// error, never the defaults.
func TestServerPolicy(t *testing.T) {
	ctx := context.Background()
	env := os.Environ()
	work := t.TempDir()
	gittest.Git(t, work, env, "init", "-q", "-b", "main")
	gittest.WriteFile(t, filepath.Join(work, ".prfaq.toml"), "[press_release]\nmax_words = 300\n")
	gittest.Git(t, work, env, "add", "-A")
	gittest.Git(t, work, env, "commit", "-q", "-m", "Policy")
	gittest.WriteFile(t, filepath.Join(work, ".prfaq.toml"), "[press_release\n")
	gittest.Git(t, work, env, "commit", "-q", "-a", "-m", "Broken policy")
	gittest.Git(t, work, env, "branch", "broken")
	gittest.Git(t, work, env, "reset", "-q", "--hard", "HEAD~1")

	server := func(t *testing.T, head string, push ...string) *gitcmd.Repo {
		dir := filepath.Join(t.TempDir(), "server.git")
		gittest.Git(t, work, env, "init", "-q", "--bare", "-b", head, dir)
		for _, ref := range push {
			gittest.Git(t, work, env, "push", "-q", dir, ref)
		}
		repo, err := gitcmd.Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		return repo
	}
	t.Run("the policy ref's file", func(t *testing.T) {
		cfg, err := ServerPolicy(ctx, server(t, "main", "main"))
		if err != nil || cfg.PressRelease.MaxWords != 300 {
			t.Fatalf("ServerPolicy = %+v, %v; want max_words 300", cfg, err)
		}
	})
	t.Run("an empty repository", func(t *testing.T) {
		cfg, err := ServerPolicy(ctx, server(t, "main"))
		if err != nil || cfg.PressRelease.MaxWords != 800 {
			t.Fatalf("ServerPolicy = %v; want the defaults", err)
		}
	})
	t.Run("HEAD names a branch that does not exist", func(t *testing.T) {
		_, err := ServerPolicy(ctx, server(t, "master", "main"))
		if err == nil || !strings.Contains(err.Error(), "git config prfaq.policyRef refs/heads/main") {
			t.Fatalf("ServerPolicy error = %v; want one saying to set prfaq.policyRef", err)
		}
	})
	t.Run("prfaq.policyRef names the branch", func(t *testing.T) {
		repo := server(t, "master", "main")
		gittest.Git(t, repo.GitDir, env, "config", PolicyRefKey, "refs/heads/main")
		cfg, err := ServerPolicy(ctx, repo)
		if err != nil || cfg.PressRelease.MaxWords != 300 {
			t.Fatalf("ServerPolicy = %v; want main's policy", err)
		}
	})
	t.Run("a policy that does not parse", func(t *testing.T) {
		repo := server(t, "main", "broken:main")
		_, err := ServerPolicy(ctx, repo)
		if err == nil || !strings.Contains(err.Error(), ".prfaq.toml") {
			t.Fatalf("ServerPolicy error = %v; want one naming .prfaq.toml", err)
		}
	})
}

// TestConfigFromTheBeginning: a range with no base (a brand-new remote)
// creates its configuration: it is checked with the defaults, and its own
// .prfaq.toml is not compared with them.
func TestConfigFromTheBeginning(t *testing.T) {
	var s agreement.Scenario
	for _, sc := range agreement.Scenarios() {
		if sc.Name == "config-loosened" {
			s = sc
		}
	}
	dir, _ := scenarioRepo(t, s)
	r, err := openGate(t, dir).Range(context.Background(), "", "change", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Findings {
		if f.Rule == rule.ConfigWeakened {
			t.Errorf("a range from the beginning of history: %+v", f)
		}
	}
}
