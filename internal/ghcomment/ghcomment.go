// Package ghcomment keeps one pull-request comment per marker up to date
// through GitHub's REST API: it finds the issue comment that carries a
// hidden marker (<!-- git-prfaq:NAME -->) and updates it in place, or
// creates it when there is none and the mode says to post. It never posts
// a second comment for a marker.
//
// Requests are retried on 5xx, on 429, and on 403 with GitHub's rate-limit
// headers (Retry-After, X-RateLimit-Remaining: 0 with X-RateLimit-Reset),
// with a bounded exponential backoff; the clock and the sleep are fields,
// so tests never sleep. Response bodies are read up to a bound.
package ghcomment

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Mode says when a comment is posted.
type Mode string

const (
	// OnFailure creates the comment only when the check failed, but
	// updates one that exists whatever the outcome, so that a later
	// passing run says so.
	OnFailure Mode = "on-failure"
	// Always creates or updates the comment on every run.
	Always Mode = "always"
	// Never leaves pull requests alone.
	Never Mode = "never"
)

// ParseMode reads a mode as the Action's comment input spells it.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(strings.ToLower(s)); m {
	case OnFailure, Always, Never:
		return m, nil
	}
	return "", fmt.Errorf("%q is not on-failure, always or never", s)
}

var markerName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`) })

// Marker is the hidden HTML comment that identifies the comment for name,
// which must be letters, digits, '.', '_' or '-' (so that it cannot end
// the HTML comment or hold a line break).
func Marker(name string) (string, error) {
	if !markerName().MatchString(name) {
		return "", fmt.Errorf("marker %q: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit", name)
	}
	return "<!-- git-prfaq:" + name + " -->", nil
}

// MaxBody is the longest comment body GitHub accepts, in characters.
const MaxBody = 65536

// Body is the comment for marker: the marker on the first line, then the
// report. Any "<!--" in the report is shown as text ("&lt;!--"), so the
// report can neither carry a marker nor hide what follows it; a report
// too long for a comment is cut at a line and says so.
func Body(marker, report string) string {
	report = strings.ReplaceAll(report, "<!--", "&lt;!--")
	report = strings.TrimRight(report, "\n")
	const cut = "\n\n… (the report is cut here: GitHub comments hold 65,536 characters; the job summary has all of it)"
	limit := MaxBody - utf8.RuneCountInString(marker) - 1 - utf8.RuneCountInString(cut) - 1
	if utf8.RuneCountInString(report) > limit {
		// Cut at a rune, then back to the last whole line.
		n, i := 0, 0
		for i = range report {
			if n == limit {
				break
			}
			n++
		}
		r := report[:i]
		if j := strings.LastIndexByte(r, '\n'); j > 0 {
			r = r[:j]
		}
		report = r + cut
	}
	return marker + "\n" + report + "\n"
}

// Client talks to one repository's API.
type Client struct {
	APIURL string // GITHUB_API_URL, e.g. https://api.github.com
	Repo   string // GITHUB_REPOSITORY, owner/name
	Token  string
	HTTP   *http.Client

	// Now and Sleep are time.Now and a context-aware time.Sleep unless
	// set (tests set both and never wait).
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error

	Attempts  int           // tries per request; 0 is 5
	BaseDelay time.Duration // first backoff; 0 is 1s, doubled each retry
	MaxDelay  time.Duration // longest wait between tries; 0 is 60s
}

var repoName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$`) })

// Validate checks the client's settings before any request.
func (c *Client) Validate() error {
	u, err := url.Parse(c.APIURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("GITHUB_API_URL %q is not an http(s) URL", c.APIURL)
	}
	if !repoName().MatchString(c.Repo) {
		return fmt.Errorf("GITHUB_REPOSITORY %q is not OWNER/NAME", c.Repo)
	}
	if c.Token == "" {
		return errors.New("GITHUB_TOKEN is empty")
	}
	return nil
}

// Response body bounds: a page of 100 comments of up to 65,536 characters
// each, JSON-escaped, fits in maxPage; an error message in maxError.
const (
	maxPage  = 32 << 20
	maxError = 4 << 10
	maxPages = 100
)

// APIError is a response GitHub did not answer with success.
type APIError struct {
	Method, URL string
	Status      int
	Message     string
	RateLimited bool          // 429, or 403 with rate-limit headers
	Wait        time.Duration // what the headers ask to wait, if anything
}

func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(e.Status)
	}
	return fmt.Sprintf("%s %s: %d %s", e.Method, e.URL, e.Status, msg)
}

// Denied reports whether err is GitHub refusing the token (403 or 404
// that is not a rate limit): a pull request from a fork gets a read-only
// token, and a token without pull-requests: write cannot comment.
func Denied(err error) bool {
	var e *APIError
	return errors.As(err, &e) && !e.RateLimited && (e.Status == http.StatusForbidden || e.Status == http.StatusNotFound)
}

func (e *APIError) retriable() bool { return e.Status >= 500 || e.RateLimited }

// Comment is the part of an issue comment this package reads.
type Comment struct {
	ID      int64  `json:"id"`
	Body    string `json:"body"`
	HTMLURL string `json:"html_url"`
}

// Action is what Upsert did.
type Action string

const (
	Created Action = "created"
	Updated Action = "updated"
	Skipped Action = "skipped" // nothing posted: the mode did not ask for a comment
)

// Result is Upsert's outcome.
type Result struct {
	Action  Action
	Comment Comment // the comment created or updated
}

// Upsert keeps the one comment for marker on pull request pr: it updates
// the comment that carries the marker with body, or creates one when
// there is none and mode asks for it (Always, or OnFailure when failed).
func (c *Client) Upsert(ctx context.Context, pr int, marker, body string, mode Mode, failed bool) (Result, error) {
	if mode == Never {
		return Result{Action: Skipped}, nil
	}
	if err := c.Validate(); err != nil {
		return Result{}, err
	}
	found, ok, err := c.Find(ctx, pr, marker)
	if err != nil {
		return Result{}, err
	}
	if ok {
		got, err := c.update(ctx, found.ID, body)
		return Result{Action: Updated, Comment: got}, err
	}
	if mode == OnFailure && !failed {
		return Result{Action: Skipped}, nil
	}
	return c.create(ctx, pr, marker, body)
}

// Find lists the pull request's issue comments, following the Link
// header's rel="next", and returns the first that carries marker.
func (c *Client) Find(ctx context.Context, pr int, marker string) (Comment, bool, error) {
	next := c.endpoint(fmt.Sprintf("issues/%d/comments", pr)) + "?per_page=100"
	for page := 0; next != ""; page++ {
		if page == maxPages {
			return Comment{}, false, fmt.Errorf("pull request %d has more than %d pages of comments: gave up looking for %s", pr, maxPages, marker)
		}
		var comments []Comment
		var link string
		err := c.retry(ctx, func(int) error {
			h, err := c.call(ctx, http.MethodGet, next, nil, &comments)
			link = h.Get("Link")
			return err
		})
		if err != nil {
			return Comment{}, false, err
		}
		for _, cm := range comments {
			if strings.Contains(cm.Body, marker) {
				return cm, true, nil
			}
		}
		if next, err = c.nextPage(link); err != nil {
			return Comment{}, false, err
		}
	}
	return Comment{}, false, nil
}

func (c *Client) update(ctx context.Context, id int64, body string) (Comment, error) {
	var got Comment
	err := c.retry(ctx, func(int) error {
		_, err := c.call(ctx, http.MethodPatch, c.endpoint(fmt.Sprintf("issues/comments/%d", id)), map[string]string{"body": body}, &got)
		return err
	})
	return got, err
}

// create posts the comment. A POST that failed with a 5xx or a dropped
// connection may have been stored all the same, so before posting again
// it looks for the marker once more and updates what it finds: never a
// second comment.
func (c *Client) create(ctx context.Context, pr int, marker, body string) (Result, error) {
	var res Result
	err := c.retry(ctx, func(try int) error {
		if try > 0 {
			// Find and update retry on their own: what they could not
			// do is not tried again here.
			found, ok, err := c.Find(ctx, pr, marker)
			if err != nil {
				return permanent{err}
			}
			if ok {
				got, err := c.update(ctx, found.ID, body)
				res = Result{Action: Updated, Comment: got}
				if err != nil {
					return permanent{err}
				}
				return nil
			}
		}
		res.Action = Created
		_, err := c.call(ctx, http.MethodPost, c.endpoint(fmt.Sprintf("issues/%d/comments", pr)), map[string]string{"body": body}, &res.Comment)
		return err
	})
	return res, err
}

func (c *Client) endpoint(path string) string {
	return strings.TrimRight(c.APIURL, "/") + "/repos/" + c.Repo + "/" + path
}

var nextLink = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<([^>]*)>\s*;[^,]*\brel="?next"?`) })

// nextPage is the rel="next" URL of a Link header, or "" on the last page.
// It must be on the API's host: the token is sent to it.
func (c *Client) nextPage(link string) (string, error) {
	m := nextLink().FindStringSubmatch(link)
	if m == nil {
		return "", nil
	}
	next, err := url.Parse(m[1])
	api, _ := url.Parse(c.APIURL)
	if err != nil || next.Scheme != api.Scheme || next.Host != api.Host {
		return "", fmt.Errorf("the next page of comments, %q, is not on %s", m[1], c.APIURL)
	}
	return next.String(), nil
}

// call makes one request and decodes a success's JSON into out.
func (c *Client) call(ctx context.Context, method, u string, in, out any) (http.Header, error) {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/vnd.github+json")
	req.Header.Set("Authorization", "Bearer "+c.Token)
	req.Header.Set("X-GitHub-Api-Version", "2022-11-28")
	req.Header.Set("User-Agent", "git-prfaq")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.Header, c.apiError(method, u, resp)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxPage+1))
	if err != nil {
		return resp.Header, err
	}
	if len(b) > maxPage {
		return resp.Header, permanent{fmt.Errorf("%s %s: the response is larger than %d bytes", method, u, maxPage)}
	}
	if err := json.Unmarshal(b, out); err != nil {
		return resp.Header, permanent{fmt.Errorf("%s %s: %v", method, u, err)}
	}
	return resp.Header, nil
}

func (c *Client) apiError(method, u string, resp *http.Response) *APIError {
	e := &APIError{Method: method, URL: u, Status: resp.StatusCode}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, maxError))
	var msg struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(b, &msg) == nil {
		e.Message = msg.Message
	}
	h := resp.Header
	if ra := h.Get("Retry-After"); ra != "" {
		if s, err := strconv.Atoi(strings.TrimSpace(ra)); err == nil && s >= 0 {
			e.Wait = time.Duration(s) * time.Second
		} else if t, err := http.ParseTime(ra); err == nil {
			e.Wait = max(t.Sub(c.now()), 0)
		}
		e.RateLimited = resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusTooManyRequests
	}
	if h.Get("X-RateLimit-Remaining") == "0" {
		if s, err := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64); err == nil && e.Wait == 0 {
			e.Wait = max(time.Unix(s, 0).Sub(c.now()), 0)
		}
		e.RateLimited = resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusTooManyRequests
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		e.RateLimited = true
	}
	return e
}

// permanent is an error that another try would not mend (a response that
// is not what GitHub sends, or what a nested retry already gave up on).
type permanent struct{ error }

func (p permanent) Unwrap() error { return p.error }

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retry runs f until it succeeds, fails for good, or has been tried
// Attempts times. It waits what a rate limit asks (Retry-After, or until
// X-RateLimit-Reset), else an exponential backoff, never longer than
// MaxDelay: a limit that resets later than that fails now, saying when.
func (c *Client) retry(ctx context.Context, f func(try int) error) error {
	attempts, delay, maxDelay := c.Attempts, c.BaseDelay, c.MaxDelay
	if attempts <= 0 {
		attempts = 5
	}
	if delay <= 0 {
		delay = time.Second
	}
	if maxDelay <= 0 {
		maxDelay = 60 * time.Second
	}
	for try := 0; ; try++ {
		err := f(try)
		if err == nil {
			return nil
		}
		var e *APIError
		var p permanent
		wait := delay << try
		switch {
		case ctx.Err() != nil, errors.As(err, &p):
			return err
		case errors.As(err, &e):
			if !e.retriable() {
				return err
			}
			if e.Wait > maxDelay {
				return fmt.Errorf("%w (rate limited for %s more, longer than the %s this waits)", err, e.Wait.Round(time.Second), maxDelay)
			}
			wait = max(wait, e.Wait)
		default:
			// A dropped connection or a timeout: worth another try.
		}
		if try+1 >= attempts {
			return fmt.Errorf("%w (gave up after %d tries)", err, attempts)
		}
		if err := c.sleep(ctx, min(wait, maxDelay)); err != nil {
			return err
		}
	}
}

// maxEvent bounds the event payload read: GitHub's are far smaller.
const maxEvent = 64 << 20

// PullRequest is the pull request number of an event payload, for the
// pull_request and pull_request_target events; ok is false for any other
// event.
func PullRequest(eventName string, payload io.Reader) (n int, ok bool, err error) {
	switch eventName {
	case "pull_request", "pull_request_target":
	default:
		return 0, false, nil
	}
	b, err := io.ReadAll(io.LimitReader(payload, maxEvent+1))
	if err != nil {
		return 0, false, err
	}
	if len(b) > maxEvent {
		return 0, false, fmt.Errorf("the event payload is larger than %d bytes", maxEvent)
	}
	var ev struct {
		Number      int `json:"number"`
		PullRequest struct {
			Number int `json:"number"`
		} `json:"pull_request"`
	}
	if err := json.Unmarshal(b, &ev); err != nil {
		return 0, false, fmt.Errorf("the event payload: %v", err)
	}
	n = ev.PullRequest.Number
	if n == 0 {
		n = ev.Number
	}
	if n <= 0 {
		return 0, false, fmt.Errorf("the %s payload has no pull_request.number", eventName)
	}
	return n, true, nil
}
