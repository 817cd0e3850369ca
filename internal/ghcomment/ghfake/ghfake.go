// Package ghfake is a fake of the part of GitHub's REST API that
// ghcomment uses (a pull request's issue comments: list with Link
// pagination, create, update), for tests. Faults queued with Fail are
// answered before the real handling, one request each.
package ghfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Comment is one stored issue comment.
type Comment struct {
	ID   int64  `json:"id"`
	Body string `json:"body"`
	User string `json:"-"`
}

// Fault is a response given instead of handling a request.
type Fault struct {
	Method  string            // only requests with this method ("" any)
	Status  int               // HTTP status
	Header  map[string]string // e.g. Retry-After
	Message string
	Commit  bool // handle the request anyway (a POST stored, then a 502)
}

// Server is the fake API; URL is GITHUB_API_URL.
type Server struct {
	*httptest.Server
	Repo     string // OWNER/NAME it serves
	Token    string // the token requests must carry
	PageSize int    // comments per page (GitHub: per_page, up to 100)

	mu       sync.Mutex
	comments map[int][]*Comment // by pull request
	nextID   int64
	faults   []Fault
	Requests []string // "METHOD PATH?QUERY", in order
}

// New starts a server for repo with the token it accepts; it stops when
// the test ends.
func New(t testing.TB, repo, token string) *Server {
	s := &Server{Repo: repo, Token: token, PageSize: 100, comments: map[int][]*Comment{}, nextID: 1000}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Add stores a comment on pull request pr, as another user or an earlier
// run would have posted it, and returns its id.
func (s *Server) Add(pr int, body string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	s.comments[pr] = append(s.comments[pr], &Comment{ID: s.nextID, Body: body})
	return s.nextID
}

// Comments are pull request pr's comments, oldest first.
func (s *Server) Comments(pr int) []Comment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var cs []Comment
	for _, c := range s.comments[pr] {
		cs = append(cs, *c)
	}
	return cs
}

// Fail queues faults, answered in order, one request each.
func (s *Server) Fail(fs ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, fs...)
}

// Log is the requests served so far.
func (s *Server) Log() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.Requests...)
}

var (
	listPath  = regexp.MustCompile(`^/repos/([^/]+/[^/]+)/issues/([0-9]+)/comments$`)
	patchPath = regexp.MustCompile(`^/repos/([^/]+/[^/]+)/issues/comments/([0-9]+)$`)
)

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Requests = append(s.Requests, r.Method+" "+r.URL.RequestURI())
	w.Header().Set("Content-Type", "application/json")
	if r.Header.Get("Authorization") != "Bearer "+s.Token {
		writeError(w, http.StatusUnauthorized, "Bad credentials")
		return
	}
	var fault *Fault
	if len(s.faults) > 0 && (s.faults[0].Method == "" || s.faults[0].Method == r.Method) {
		f := s.faults[0]
		s.faults = s.faults[1:]
		fault = &f
		if !f.Commit {
			respond(w, f)
			return
		}
	}
	status, v := s.handle(w, r)
	if fault != nil {
		respond(w, *fault)
		return
	}
	if status >= 400 {
		writeError(w, status, fmt.Sprint(v))
		return
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func respond(w http.ResponseWriter, f Fault) {
	for k, v := range f.Header {
		w.Header().Set(k, v)
	}
	writeError(w, f.Status, f.Message)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"message": msg})
}

type out struct {
	ID      int64  `json:"id"`
	Body    string `json:"body"`
	HTMLURL string `json:"html_url"`
}

func (s *Server) view(c *Comment) out {
	return out{c.ID, c.Body, fmt.Sprintf("https://github.com/%s/pull/comment-%d", s.Repo, c.ID)}
}

// handle serves a request without faults: the status and the JSON value,
// or an error message for a status of 400 or more.
func (s *Server) handle(w http.ResponseWriter, r *http.Request) (int, any) {
	if m := listPath.FindStringSubmatch(r.URL.Path); m != nil && m[1] == s.Repo {
		pr, _ := strconv.Atoi(m[2])
		switch r.Method {
		case http.MethodGet:
			return s.list(w, r, pr)
		case http.MethodPost:
			body, err := readBody(r)
			if err != nil {
				return http.StatusUnprocessableEntity, err
			}
			s.nextID++
			c := &Comment{ID: s.nextID, Body: body}
			s.comments[pr] = append(s.comments[pr], c)
			return http.StatusCreated, s.view(c)
		}
	}
	if m := patchPath.FindStringSubmatch(r.URL.Path); m != nil && m[1] == s.Repo && r.Method == http.MethodPatch {
		id, _ := strconv.ParseInt(m[2], 10, 64)
		body, err := readBody(r)
		if err != nil {
			return http.StatusUnprocessableEntity, err
		}
		for _, cs := range s.comments {
			for _, c := range cs {
				if c.ID == id {
					c.Body = body
					return http.StatusOK, s.view(c)
				}
			}
		}
	}
	return http.StatusNotFound, "Not Found"
}

func (s *Server) list(w http.ResponseWriter, r *http.Request, pr int) (int, any) {
	per := s.PageSize
	if n, err := strconv.Atoi(r.URL.Query().Get("per_page")); err == nil && n > 0 && n < per {
		per = n
	}
	page := 1
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && n > 0 {
		page = n
	}
	cs := s.comments[pr]
	lo := min((page-1)*per, len(cs))
	hi := min(lo+per, len(cs))
	views := []out{}
	for _, c := range cs[lo:hi] {
		views = append(views, s.view(c))
	}
	if hi < len(cs) {
		u := *r.URL
		q := u.Query()
		q.Set("page", strconv.Itoa(page+1))
		u.RawQuery = q.Encode()
		last := (len(cs) + per - 1) / per
		q.Set("page", strconv.Itoa(last))
		lastQ := q.Encode()
		w.Header().Set("Link", fmt.Sprintf(`<%s%s>; rel="next", <%s%s?%s>; rel="last"`, s.URL, u.RequestURI(), s.URL, u.Path, lastQ))
	}
	return http.StatusOK, views
}

func readBody(r *http.Request) (string, error) {
	var in struct {
		Body *string `json:"body"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Body == nil {
		return "", fmt.Errorf("body is missing")
	}
	if strings.TrimSpace(*in.Body) == "" {
		return "", fmt.Errorf("body is empty")
	}
	return *in.Body, nil
}
