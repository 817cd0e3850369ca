package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/internal/ghcomment/ghfake"
)

// TestComment runs `git prfaq comment` against the fake API: the event
// decides the pull request, a fork's 403 is a warning with exit 0, and
// another event is a note. (t.Setenv: not parallel.)
func TestComment(t *testing.T) {
	dir := t.TempDir()
	rep := filepath.Join(dir, "report.md")
	os.WriteFile(rep, []byte("## git-prfaq\n\n❌ **Failed**: 1 PRFAQ checked, 1 error.\n"), 0o644)
	pr := filepath.Join(dir, "pr.json")
	os.WriteFile(pr, []byte(`{"number":7,"pull_request":{"number":7}}`), 0o644)
	s := ghfake.New(t, "acme/ledger", "t0ken")
	t.Setenv("GITHUB_API_URL", s.URL)
	t.Setenv("GITHUB_REPOSITORY", "acme/ledger")
	t.Setenv("GITHUB_TOKEN", "t0ken")
	t.Setenv("GITHUB_ACTIONS", "true")
	t.Setenv("GITHUB_EVENT_PATH", pr)

	comment := func(args ...string) (int, string) {
		var out, errOut bytes.Buffer
		code := run(context.Background(), append([]string{"comment", "--report", rep}, args...), strings.NewReader(""), &out, &errOut)
		return code, out.String() + errOut.String()
	}

	t.Setenv("GITHUB_EVENT_NAME", "push")
	if code, out := comment("--failed"); code != 0 || !strings.Contains(out, "not a pull_request") {
		t.Errorf("push: exit %d\n%s", code, out)
	}

	t.Setenv("GITHUB_EVENT_NAME", "pull_request")
	s.Fail(ghfake.Fault{Method: http.MethodPost, Status: 403, Message: "Resource not accessible by integration"})
	code, out := comment("--failed")
	if code != 0 || !strings.HasPrefix(out, "::warning title=git-prfaq::could not comment on pull request #7") {
		t.Errorf("403: exit %d\n%s", code, out)
	}

	if code, out := comment("--failed"); code != 0 || !strings.Contains(out, "created the comment on pull request #7") {
		t.Errorf("create: exit %d\n%s", code, out)
	}
	if code, out := comment(); code != 0 || !strings.Contains(out, "updated the comment") {
		t.Errorf("update: exit %d\n%s", code, out)
	}
	if cs := s.Comments(7); len(cs) != 1 || !strings.HasPrefix(cs[0].Body, "<!-- git-prfaq:check -->\n## git-prfaq") {
		t.Errorf("comments: %+v", cs)
	}

	for _, bad := range [][]string{{"--marker", "a -->"}, {"--when", "sometimes"}, {"--report", ""}} {
		if code, out := comment(bad...); code != 2 {
			t.Errorf("%q: exit %d\n%s", bad, code, out)
		}
	}
}
