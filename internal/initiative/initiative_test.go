package initiative

import (
	"reflect"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/rule"
)

func testConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.Parse(".prfaq.toml", []byte("[initiatives]\nroots = [\"services/*\", \"apps/*/features/*\"]\nbranches = [\"initiative/*\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestCandidates(t *testing.T) {
	cfg := testConfig(t)
	got := Candidates(cfg, []string{
		"services/pay/main.go", "services/pay/api/x.go", "services/ship/README.md",
		"src/lib.go", "services/README.md", "apps/web/features/search/index.ts",
	})
	want := []string{"apps/web/features/search", "services/pay", "services/ship"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Candidates = %q, want %q", got, want)
	}
}

func TestUncovered(t *testing.T) {
	tests := []struct {
		name string
		dirs []string
		docs []string
		want []string
	}{
		{"document inside", []string{"services/pay"}, []string{"services/pay/PRFAQ.md"}, nil},
		{"document named after it", []string{"services/pay"}, []string{"docs/prfaq/Pay.md"}, nil},
		{"prefix is not inside", []string{"services/pay"}, []string{"services/payments/PRFAQ.md"}, []string{"services/pay"}},
		{"no documents", []string{"services/a", "services/b"}, nil, []string{"services/a", "services/b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Uncovered(tt.dirs, tt.docs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Uncovered = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFindings(t *testing.T) {
	cfg := testConfig(t)
	d := DirFindings(cfg, []string{"services/pay"})[0]
	if d.Rule != rule.InitiativeWithoutPRFAQ || d.Severity != rule.Error || d.File != "services/pay" || d.Line != 0 ||
		!strings.Contains(d.Message, "git prfaq new services/pay") {
		t.Errorf("dir finding = %+v", d)
	}
	tr := TrailerFinding(cfg, "0123456789abcdef0123", "Payments")
	if tr.Commit != "0123456789abcdef0123" || !strings.Contains(tr.Message, "commit 0123456789ab declares Initiative: Payments") {
		t.Errorf("trailer finding = %+v", tr)
	}
	if tr := TrailerFinding(cfg, "", "X"); !strings.HasPrefix(tr.Message, "this commit declares") {
		t.Errorf("commit-msg trailer finding = %+v", tr)
	}
	b := BranchFinding(cfg, "refs/heads/initiative/ship")
	if b.Ref != "initiative/ship" || b.Location() != "branch initiative/ship" {
		t.Errorf("branch finding = %+v", b)
	}
	off, err := config.Parse(".prfaq.toml", []byte("[severity]\ninitiative-without-prfaq = \"off\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if fs := Keep(DirFindings(off, []string{"x"})); len(fs) != 0 {
		t.Errorf("severity off kept %+v", fs)
	}
}
