package ghcomment_test

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/internal/ghcomment"
	"github.com/prfaq/git-prfaq/internal/ghcomment/ghfake"
)

const (
	repo  = "acme/ledger"
	token = "t0ken"
	pr    = 7
)

var now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// client is a Client of the fake that records its waits instead of
// sleeping.
func client(s *ghfake.Server, slept *[]time.Duration) *ghcomment.Client {
	return &ghcomment.Client{
		APIURL: s.URL, Repo: repo, Token: token, HTTP: s.Client(),
		Now: func() time.Time { return now },
		Sleep: func(_ context.Context, d time.Duration) error {
			*slept = append(*slept, d)
			return nil
		},
	}
}

func marker(t *testing.T) string {
	t.Helper()
	m, err := ghcomment.Marker("check")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const (
	failing = "## git-prfaq\n\n❌ **Failed**: 1 PRFAQ checked, 1 error.\n"
	passing = "## git-prfaq\n\n✅ **Passed**: 1 PRFAQ checked, no findings.\n"
)

func TestCreateThenUpdate(t *testing.T) {
	s := ghfake.New(t, repo, token)
	var slept []time.Duration
	c := client(s, &slept)
	m := marker(t)
	s.Add(pr, "LGTM")

	// Three runs: fail (create), fail again (update), pass (update).
	for i, run := range []struct {
		report string
		failed bool
		want   ghcomment.Action
	}{
		{failing, true, ghcomment.Created},
		{failing + "\nagain\n", true, ghcomment.Updated},
		{passing, false, ghcomment.Updated},
	} {
		res, err := c.Upsert(context.Background(), pr, m, ghcomment.Body(m, run.report), ghcomment.OnFailure, run.failed)
		if err != nil {
			t.Fatalf("run %d: %v", i+1, err)
		}
		if res.Action != run.want {
			t.Errorf("run %d: %s, want %s", i+1, res.Action, run.want)
		}
		cs := s.Comments(pr)
		if len(cs) != 2 {
			t.Fatalf("run %d: %d comments, want 2 (LGTM and ours): %+v", i+1, len(cs), cs)
		}
		if want := m + "\n" + run.report; cs[1].Body != want {
			t.Errorf("run %d: comment is %q, want %q", i+1, cs[1].Body, want)
		}
	}
	if len(slept) != 0 {
		t.Errorf("waited %v with no error to wait for", slept)
	}
}

func TestOnFailurePassingPostsNothing(t *testing.T) {
	s := ghfake.New(t, repo, token)
	var slept []time.Duration
	m := marker(t)
	res, err := client(s, &slept).Upsert(context.Background(), pr, m, ghcomment.Body(m, passing), ghcomment.OnFailure, false)
	if err != nil || res.Action != ghcomment.Skipped {
		t.Fatalf("got %v, %v; want skipped", res.Action, err)
	}
	if cs := s.Comments(pr); len(cs) != 0 {
		t.Errorf("posted %+v", cs)
	}
	res, err = client(s, &slept).Upsert(context.Background(), pr, m, ghcomment.Body(m, passing), ghcomment.Always, false)
	if err != nil || res.Action != ghcomment.Created {
		t.Fatalf("always: got %v, %v; want created", res.Action, err)
	}
}

func TestNeverTouchesNothing(t *testing.T) {
	s := ghfake.New(t, repo, token)
	var slept []time.Duration
	m := marker(t)
	s.Add(pr, m+"\nold")
	res, err := client(s, &slept).Upsert(context.Background(), pr, m, ghcomment.Body(m, failing), ghcomment.Never, true)
	if err != nil || res.Action != ghcomment.Skipped {
		t.Fatalf("got %v, %v", res.Action, err)
	}
	if len(s.Log()) != 0 {
		t.Errorf("never made requests: %q", s.Log())
	}
}

func TestMarkerOnPage2(t *testing.T) {
	s := ghfake.New(t, repo, token)
	s.PageSize = 2
	var slept []time.Duration
	m := marker(t)
	for i := 0; i < 3; i++ {
		s.Add(pr, "chatter")
	}
	id := s.Add(pr, m+"\nold report")
	s.Add(pr, "more chatter")

	res, err := client(s, &slept).Upsert(context.Background(), pr, m, ghcomment.Body(m, failing), ghcomment.OnFailure, true)
	if err != nil {
		t.Fatal(err)
	}
	if res.Action != ghcomment.Updated || res.Comment.ID != id {
		t.Fatalf("got %s of %d, want an update of %d", res.Action, res.Comment.ID, id)
	}
	cs := s.Comments(pr)
	if len(cs) != 5 || cs[3].Body != m+"\n"+failing {
		t.Errorf("comments: %+v", cs)
	}
	log := strings.Join(s.Log(), "\n")
	if !strings.Contains(log, "page=2") || strings.Contains(log, "page=3") || strings.Contains(log, "POST") {
		t.Errorf("want pages 1 and 2 read, then a PATCH:\n%s", log)
	}
}

func TestForbiddenOnFork(t *testing.T) {
	for _, status := range []int{http.StatusForbidden, http.StatusNotFound} {
		s := ghfake.New(t, repo, token)
		var slept []time.Duration
		m := marker(t)
		s.Fail(ghfake.Fault{Method: http.MethodPost, Status: status, Message: "Resource not accessible by integration"})
		_, err := client(s, &slept).Upsert(context.Background(), pr, m, ghcomment.Body(m, failing), ghcomment.OnFailure, true)
		if !ghcomment.Denied(err) {
			t.Errorf("%d: got %v, want a denial", status, err)
		}
		if len(slept) != 0 {
			t.Errorf("%d: retried a denial (waited %v)", status, slept)
		}
	}
}

func TestRetry5xx(t *testing.T) {
	s := ghfake.New(t, repo, token)
	var slept []time.Duration
	m := marker(t)
	s.Fail(ghfake.Fault{Method: http.MethodGet, Status: 502}, ghfake.Fault{Method: http.MethodGet, Status: 503})
	res, err := client(s, &slept).Upsert(context.Background(), pr, m, ghcomment.Body(m, failing), ghcomment.OnFailure, true)
	if err != nil || res.Action != ghcomment.Created {
		t.Fatalf("got %v, %v", res.Action, err)
	}
	if want := []time.Duration{time.Second, 2 * time.Second}; !equal(slept, want) {
		t.Errorf("waited %v, want %v", slept, want)
	}
}

// A POST answered with a 502 that GitHub stored all the same: the retry
// finds it and updates it rather than posting a second comment.
func TestRetriedPostNeverDuplicates(t *testing.T) {
	s := ghfake.New(t, repo, token)
	var slept []time.Duration
	m := marker(t)
	s.Fail(ghfake.Fault{Method: http.MethodPost, Status: 502, Commit: true})
	res, err := client(s, &slept).Upsert(context.Background(), pr, m, ghcomment.Body(m, failing), ghcomment.OnFailure, true)
	if err != nil || res.Action != ghcomment.Updated {
		t.Fatalf("got %v, %v; want updated", res.Action, err)
	}
	if cs := s.Comments(pr); len(cs) != 1 {
		t.Errorf("%d comments, want 1: %+v", len(cs), cs)
	}
}

func TestGiveUp5xx(t *testing.T) {
	s := ghfake.New(t, repo, token)
	var slept []time.Duration
	m := marker(t)
	for i := 0; i < 5; i++ {
		s.Fail(ghfake.Fault{Status: 500})
	}
	_, err := client(s, &slept).Upsert(context.Background(), pr, m, ghcomment.Body(m, failing), ghcomment.Always, true)
	if err == nil || !strings.Contains(err.Error(), "gave up after 5 tries") || ghcomment.Denied(err) {
		t.Fatalf("got %v", err)
	}
	if want := []time.Duration{1 * time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second}; !equal(slept, want) {
		t.Errorf("waited %v, want %v", slept, want)
	}
}

func TestRateLimit(t *testing.T) {
	reset := now.Add(30 * time.Second).Unix()
	for _, tc := range []struct {
		name  string
		fault ghfake.Fault
		wait  time.Duration
	}{
		{"429 Retry-After", ghfake.Fault{Status: 429, Header: map[string]string{"Retry-After": "7"}}, 7 * time.Second},
		{"403 Retry-After", ghfake.Fault{Status: 403, Header: map[string]string{"Retry-After": "5"}, Message: "secondary rate limit"}, 5 * time.Second},
		{"403 reset", ghfake.Fault{Status: 403, Header: map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": itoa(reset)}}, 30 * time.Second},
		{"429 bare", ghfake.Fault{Status: 429}, time.Second},
		{"Retry-After date", ghfake.Fault{Status: 429, Header: map[string]string{"Retry-After": now.Add(9 * time.Second).Format(http.TimeFormat)}}, 9 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := ghfake.New(t, repo, token)
			var slept []time.Duration
			m := marker(t)
			s.Fail(tc.fault)
			res, err := client(s, &slept).Upsert(context.Background(), pr, m, ghcomment.Body(m, failing), ghcomment.OnFailure, true)
			if err != nil || res.Action != ghcomment.Created {
				t.Fatalf("got %v, %v", res.Action, err)
			}
			if want := []time.Duration{tc.wait}; !equal(slept, want) {
				t.Errorf("waited %v, want %v", slept, want)
			}
		})
	}
}

// A limit that resets later than MaxDelay fails at once, saying so.
func TestRateLimitTooLong(t *testing.T) {
	s := ghfake.New(t, repo, token)
	var slept []time.Duration
	m := marker(t)
	s.Fail(ghfake.Fault{Status: 403, Header: map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": itoa(now.Add(time.Hour).Unix())}})
	_, err := client(s, &slept).Upsert(context.Background(), pr, m, ghcomment.Body(m, failing), ghcomment.OnFailure, true)
	if err == nil || !strings.Contains(err.Error(), "rate limited for 1h0m0s") || ghcomment.Denied(err) {
		t.Fatalf("got %v", err)
	}
	if len(slept) != 0 {
		t.Errorf("waited %v", slept)
	}
}

func TestNextPageOtherHost(t *testing.T) {
	s := ghfake.New(t, repo, token)
	s.PageSize = 1
	s.Add(pr, "a")
	s.Add(pr, "b")
	m := marker(t)
	var slept []time.Duration
	c := client(s, &slept)
	// The fake's links are on its own host: followed.
	if _, ok, err := c.Find(context.Background(), pr, m); err != nil || ok {
		t.Fatalf("got %v, %v", ok, err)
	}
	// Seen from another API URL, the same links are refused: the token
	// would go to them.
	c.APIURL = strings.Replace(s.URL, "127.0.0.1", "localhost", 1)
	if _, _, err := c.Find(context.Background(), pr, m); err == nil || !strings.Contains(err.Error(), "is not on") {
		t.Fatalf("followed a next page on another host: %v", err)
	}
}

func TestBody(t *testing.T) {
	m := marker(t)
	b := ghcomment.Body(m, "x <!-- git-prfaq:check --> y\n")
	if strings.Count(b, m) != 1 || !strings.HasPrefix(b, m+"\n") || !strings.Contains(b, "&lt;!-- git-prfaq:check -->") {
		t.Errorf("Body = %q", b)
	}
	long := strings.Repeat("| a row of a long report |\n", 5000)
	b = ghcomment.Body(m, long)
	if n := len([]rune(b)); n > ghcomment.MaxBody {
		t.Errorf("body is %d characters", n)
	}
	if !strings.Contains(b, "|\n\n… (the report is cut here") {
		t.Errorf("not cut at a line: %q", b[len(b)-200:])
	}
	for _, bad := range []string{"", "a -->", "a\nb", "-x", strings.Repeat("a", 65)} {
		if _, err := ghcomment.Marker(bad); err == nil {
			t.Errorf("Marker(%q) accepted", bad)
		}
	}
}

func TestPullRequest(t *testing.T) {
	for _, tc := range []struct {
		name, payload string
		n             int
		ok, err       bool
	}{
		{"pull_request", `{"number":7,"pull_request":{"number":7}}`, 7, true, false},
		{"pull_request_target", `{"pull_request":{"number":9}}`, 9, true, false},
		{"push", `{"after":"x"}`, 0, false, false},
		{"pull_request", `{}`, 0, false, true},
		{"pull_request", `{`, 0, false, true},
	} {
		n, ok, err := ghcomment.PullRequest(tc.name, strings.NewReader(tc.payload))
		if n != tc.n || ok != tc.ok || (err != nil) != tc.err {
			t.Errorf("%s %s: got %d, %v, %v", tc.name, tc.payload, n, ok, err)
		}
	}
}

func equal(a, b []time.Duration) bool { return slices.Equal(a, b) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
