package check

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// Input is one document to check.
type Input struct {
	File  string // slash path relative to the repository root
	Doc   *prfaq.Document
	Today time.Time
}

// Checker applies one configuration's rules. It prepares what every
// document needs (the section list, compiled placeholder patterns, the
// template's sentences) once, so checking hundreds of documents repeats
// none of it. The patterns and sentences are prepared by the first
// Static: a run whose results all come from the result cache (a warm
// list, check --all) only finishes them (Finish), and compiling the
// patterns was a millisecond of its start.
type Checker struct {
	cfg    *config.Config
	spec   prfaq.Spec
	policy Policy

	prepared  sync.Once
	patterns  []pattern
	sentences []string // lower-cased template sentences; nil when off
	// anchors[i] is a short part of sentences[i] that starts with its
	// rarest byte: a document without it cannot hold the sentence, and
	// strings.Contains skips ahead by that first byte, so ruling a
	// sentence out costs a fraction of searching for all of it.
	anchors []string
}

// New prepares a Checker for cfg.
func New(cfg *config.Config) *Checker {
	return &Checker{cfg: cfg, spec: cfg.Spec(), policy: PolicyOf(cfg)}
}

// prepare compiles the placeholder patterns and lists the template's
// sentences, once.
func (k *Checker) prepare() {
	k.prepared.Do(func() {
		k.patterns = newPatterns(k.cfg.PlaceholderPatterns())
		if k.cfg.Placeholders.TemplateSentences {
			for _, s := range prfaq.TemplateSentences() {
				lower := strings.ToLower(s)
				k.sentences, k.anchors = append(k.sentences, lower), append(k.anchors, anchor(lower))
			}
		}
	})
}

// Document checks one PRFAQ with cfg; Checker.Document is the same for
// many documents.
func Document(in Input, cfg *config.Config) []rule.Finding {
	return New(cfg).Document(in)
}

// Document runs every document rule over one parsed PRFAQ. A draft reports
// its findings as warnings, except that it must parse. It is Static, then
// Finish: the same findings a cached Static gives.
func (k *Checker) Document(in Input) []rule.Finding {
	return k.Finish(in.File, k.Static(in.File, in.Doc), in.Today)
}

// Static is what checking a document yields that does not depend on the
// date, so that a result cache can keep it (see docs/performance.md, "The
// result cache"): the findings of every rule but metric-overdue, before
// suppression, and what metric-overdue and the suppressions need to run
// again on any day without the document.
type Static struct {
	Status       prfaq.Status        // normalised; "" when unset or invalid
	Findings     []rule.Finding      // unsorted, unsuppressed
	Deadlines    []Deadline          // the measurable metrics' due dates
	Suppressions []prfaq.Suppression // the document's prfaq-ignore comments
}

// Deadline is a measurable metric's due date and what metric-overdue
// reports once it has passed.
type Deadline struct {
	Metric  string
	Due     time.Time // the end of the By period
	DueText string    // By as written
	Pos     prfaq.Pos // where the finding points
	// Missing: the row has no Actual; the message counts the days late.
	Missing bool
	// Message is the finding's message when the Actual is there but wrong
	// (not a quantity, another unit); "" when it needs no finding.
	Message string
}

// Static runs every rule that does not depend on the date over one parsed
// PRFAQ.
func (k *Checker) Static(file string, doc *prfaq.Document) Static {
	c := &checker{Checker: k, in: Input{File: file, Doc: doc}, doc: doc, st: doc.Status(), claimed: map[int]bool{}}
	c.patterns, c.sentences = k.present(doc)
	c.frontMatter()
	c.headline()
	c.pressRelease()
	c.sections()
	c.faq() // before placeholders: it claims answers that are only template text
	c.placeholders()
	c.metrics()
	c.claims()
	return Static{Status: c.st, Findings: c.out, Deadlines: c.deadlines, Suppressions: doc.Suppressions}
}

// Finish adds to a document's Static findings those that depend on today
// (metric-overdue), applies its suppressions and sorts them. It never
// changes s.
func (k *Checker) Finish(file string, s Static, today time.Time) []rule.Finding {
	c := &checker{Checker: k, in: Input{File: file, Today: today}, st: s.Status}
	c.out = append(make([]rule.Finding, 0, len(s.Findings)+len(s.Deadlines)), s.Findings...)
	for _, d := range s.Deadlines {
		c.overdue(d)
	}
	c.suppress(s.Suppressions) // last: it judges the findings of every rule above
	rule.Sort(c.out)
	return c.out
}

// FinishCounts is Finish for a caller that only counts findings (list):
// each finding keeps only its rule, severity and whether it is
// suppressed, so no message is formatted and nothing is sorted; counted
// by rule.Count and rule.CountSuppressed they are Finish's.
func (k *Checker) FinishCounts(file string, s Static, today time.Time) []rule.Finding {
	c := &checker{Checker: k, in: Input{File: file, Today: today}, st: s.Status, countsOnly: true}
	// Room for the metrics due, not every deadline: at 10,000 PRFAQs
	// most of this slice would be allocated for nothing.
	due := 0
	for _, d := range s.Deadlines {
		if !today.IsZero() && d.Due.Before(today) {
			due++
		}
	}
	c.out = make([]rule.Finding, len(s.Findings), len(s.Findings)+due)
	for i, f := range s.Findings {
		c.out[i] = rule.Finding{Rule: f.Rule, Severity: f.Severity, Line: f.Line} // Line: for the suppressions
	}
	for _, d := range s.Deadlines {
		c.overdue(d)
	}
	c.suppress(s.Suppressions)
	for i, f := range c.out {
		c.out[i] = rule.Finding{Rule: f.Rule, Severity: f.Severity, Suppressed: f.Suppressed}
	}
	return c.out
}

// checker is the state of checking one document.
type checker struct {
	*Checker
	in  Input
	doc *prfaq.Document // nil in Finish
	st  prfaq.Status    // the document's, normalised
	out []rule.Finding
	// countsOnly: no finding needs its message (FinishCounts).
	countsOnly bool
	// deadlines are the measurable metrics' due dates, for Finish.
	deadlines []Deadline
	// patterns and sentences are the placeholder patterns and template
	// sentences that can occur in this document at all: most documents
	// have none, and then no line is searched for them.
	patterns  []pattern
	sentences []string
	// claimed lines hold template text another rule reported (an answer
	// that is only "TODO"): the placeholder rule skips them.
	claimed map[int]bool
	// assessed holds each metric row read as quantities, once.
	assessed map[*prfaq.Metric]Assessment
}

// present keeps the placeholder patterns whose literal, and the template
// sentences, that occur somewhere in the document.
func (k *Checker) present(d *prfaq.Document) ([]pattern, []string) {
	k.prepare()
	var b strings.Builder
	for _, l := range d.Lines {
		b.WriteString(l.Prose)
		b.WriteByte('\n')
	}
	text := b.String()
	lower := strings.ToLower(text)
	var ps []pattern
	for _, p := range k.patterns {
		if p.mayMatch(text, lower) {
			ps = append(ps, p)
		}
	}
	var ss []string
	for i, s := range k.sentences {
		if strings.Contains(lower, k.anchors[i]) && strings.Contains(lower, s) {
			ss = append(ss, s)
		}
	}
	return ps, ss
}

// anchor is the part of s, at most 16 bytes, that starts at its rarest
// byte in English prose (by letter frequency; punctuation other than
// ",", "." and spaces counts as rare).
func anchor(s string) string {
	const byFrequency = " etaoinshrdlcumwfgypbvkjxqz" // most frequent first
	rarity := func(b byte) int {
		if i := strings.IndexByte(byFrequency, b); i >= 0 {
			return i
		}
		if b == ',' || b == '.' {
			return 5
		}
		return 20
	}
	best := 0
	for i := 1; i < len(s); i++ {
		if rarity(s[i]) > rarity(s[best]) {
			best = i
		}
	}
	return s[best:min(len(s), best+16)]
}

// status is the document's lifecycle state, normalised; "" when unset.
func (c *checker) status() prfaq.Status { return c.st }

// report adds a finding at the configured severity, lowered to a warning
// for a draft (parse failures stay errors) and for recommended things. It
// reports whether a finding was added (a rule may be off), so that the
// caller can set its fields on c.last().
func (c *checker) report(id string, pos prfaq.Pos, format string, args ...any) bool {
	return c.reportAt(id, c.cfg.SeverityOf(id), pos, format, args...)
}

func (c *checker) warn(id string, pos prfaq.Pos, format string, args ...any) bool {
	sev := c.cfg.SeverityOf(id)
	if sev == rule.Error {
		sev = rule.Warning
	}
	return c.reportAt(id, sev, pos, format, args...)
}

// last is the finding added last.
func (c *checker) last() *rule.Finding {
	return &c.out[len(c.out)-1]
}

func (c *checker) reportAt(id string, sev rule.Severity, pos prfaq.Pos, format string, args ...any) bool {
	if sev == rule.Off || sev == "" {
		return false
	}
	if sev == rule.Error && c.status() == prfaq.Draft && id != rule.FrontmatterInvalid {
		sev = rule.Warning
	}
	var msg string
	if !c.countsOnly {
		msg = fmt.Sprintf(format, args...)
	}
	c.out = append(c.out, rule.Finding{
		Rule: id, Severity: sev, File: c.in.File,
		Line: max(pos.Line, 1), Column: max(pos.Column, 1),
		Message: msg,
	})
	return true
}

func (c *checker) frontMatter() {
	fm := c.doc.FrontMatter
	if fm.Err != nil {
		c.report(rule.FrontmatterInvalid, fm.Err.Pos, "%s", fm.Err.Msg)
		return
	}
	if !fm.Present || fm.Status == "" {
		return // no status: every rule applies at its configured severity
	}
	if fm.Status.Valid() {
		return
	}
	var names []string
	for _, s := range prfaq.Statuses() {
		names = append(names, string(s))
	}
	c.report(rule.StatusInvalid, fm.StatusPos, "status %q is not a lifecycle state: use one of %s", fm.Status, strings.Join(names, ", "))
}

func (c *checker) headline() {
	h := c.doc.Headline
	if h == nil {
		c.headlineMissing()
		return
	}
	limit := c.cfg.PressRelease.HeadlineMaxWords
	if n := prfaq.Words(h.Text); limit > 0 && n > limit {
		c.report(rule.HeadlineTooLong, h.Pos, "headline has %d words, more than %d: cut it to one line a reader takes in at a glance", n, limit)
	}
}

func (c *checker) pressRelease() {
	if limit := c.cfg.PressRelease.MaxWords; limit > 0 && c.doc.PressRelease.Words > limit {
		c.report(rule.PressReleaseTooLong, c.doc.PressRelease.Pos, "press release has %d words, more than %d: cut it to fit a printed page and a half, and move detail to the FAQ", c.doc.PressRelease.Words, limit)
	}
}

// headlineMissing says why there is no headline: the line in its place
// only names the product, the document has a title but no announcement
// under it, or nothing at all.
func (c *checker) headlineMissing() {
	const example = "Example Corp launches X to help Y do Z"
	d := c.doc
	for _, l := range d.Labels {
		if l.Level == 1 && !l.Pseudo && (d.Title == nil || d.Title.Pos != l.Pos) {
			c.report(rule.HeadlineMissing, l.Pos, "the H1 %q labels a part, it is not a headline: write the announcement as the headline, e.g. # %s", l.Text, example)
			return
		}
	}
	switch {
	case d.Name != nil:
		c.report(rule.HeadlineMissing, d.Name.Pos, "%q names the product but announces nothing: write the headline as an announcement, e.g. %s", d.Name.Text, example)
	case d.Title != nil:
		c.report(rule.HeadlineMissing, d.Title.Pos, "%q is the document's title, not a headline: add the announcement under it, e.g. ## %s", d.Title.Text, example)
	default:
		c.report(rule.HeadlineMissing, prfaq.Pos{Line: 1, Column: 1}, "no headline: open the press release with the announcement, e.g. # %s", example)
	}
}
