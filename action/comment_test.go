package action

import (
	"net/http"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/internal/ghcomment/ghfake"
)

// TestCheckComment runs `run.sh check` three times on one pull request
// against a fake GitHub API: a failing run creates the comment, a second
// failing run updates it, a passing run updates it to say it passes. A
// fork's read-only token gets a warning, and the step's status is the
// check's; comment: never and other events post nothing.
func TestCheckComment(t *testing.T) {
	t.Parallel()
	o := readOrigin(t)
	api := ghfake.New(t, "acme/ledger", "t0ken")
	apiEnv := []string{"GITHUB_API_URL=" + api.URL, "GITHUB_REPOSITORY=acme/ledger", "INPUT_TOKEN=t0ken"}

	check := func(head string, event string, extra ...string) result {
		t.Helper()
		ws := o.clone(t, branchOf(o, head), 0)
		git(t, ws, baseEnv(t), "checkout", "-q", "--detach", head)
		r := newRunner(t, ws)
		r.event(event, prEvent(o.mainTip, head))
		return r.run(ws, "check", append(append([]string{}, apiEnv...), extra...)...)
	}
	comments := func() []ghfake.Comment { return api.Comments(7) }

	// The fork: the token may not comment.
	api.Fail(ghfake.Fault{Method: http.MethodPost, Status: 403, Message: "Resource not accessible by integration"})
	res := check(o.weak, "pull_request")
	if res.code != 1 || !strings.Contains(res.stdout, "::warning title=git-prfaq::could not comment on pull request #7") {
		t.Fatalf("fork: want exit 1 and a warning, got %s", res)
	}
	if len(comments()) != 0 {
		t.Fatalf("fork: comments %+v", comments())
	}

	for i, run := range []struct {
		head, verdict, did string
		code               int
	}{
		{o.weak, "❌ **Failed**", "created", 1},
		{o.weak, "❌ **Failed**", "updated", 1},
		{o.clean, "✅ **Passed**", "updated", 0},
	} {
		res := check(run.head, "pull_request")
		if res.code != run.code || !strings.Contains(res.stdout, run.did+" the comment on pull request #7") {
			t.Fatalf("run %d: want exit %d and %s, got %s", i+1, run.code, run.did, res)
		}
		cs := comments()
		if len(cs) != 1 {
			t.Fatalf("run %d: %d comments, want 1: %+v", i+1, len(cs), cs)
		}
		if !strings.HasPrefix(cs[0].Body, "<!-- git-prfaq:check -->\n## git-prfaq\n") || !strings.Contains(cs[0].Body, run.verdict) {
			t.Errorf("run %d: comment is\n%s", i+1, cs[0].Body)
		}
	}

	n := len(api.Log())
	if res := check(o.weak, "pull_request", "INPUT_COMMENT=never"); res.code != 1 {
		t.Errorf("never: %s", res)
	}
	check(o.weak, "merge_group") // a payload without merge_group: exit 2, no request either way
	if got := api.Log(); len(got) != n {
		t.Errorf("comment: never or another event made requests: %q", got[n:])
	}
	if res := check(o.weak, "pull_request", "INPUT_COMMENT=sometimes"); res.code != 2 || !strings.Contains(res.stdout, "is not on-failure, always or never") {
		t.Errorf("a bad comment input: %s", res)
	}
}
