package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
)

// Statuses is the lifecycle FORMAT.md defines, in order.
func Statuses() []string {
	return []string{"draft", "review", "approved", "launched", "cancelled"}
}

// Input is one document to check.
type Input struct {
	File  string // slash path relative to the repository root
	Doc   *prfaq.Document
	Today time.Time
}

// Checker applies one configuration's rules. New prepares what every
// document needs (the section list, compiled placeholder patterns, the
// template's sentences) once, so checking hundreds of documents repeats
// none of it.
type Checker struct {
	cfg       *config.Config
	spec      prfaq.Spec
	patterns  []pattern
	sentences []string // lower-cased template sentences; nil when off
	policy    Policy
}

// New prepares a Checker for cfg.
func New(cfg *config.Config) *Checker {
	k := &Checker{cfg: cfg, spec: cfg.Spec(), patterns: newPatterns(cfg.PlaceholderPatterns()), policy: PolicyOf(cfg)}
	if cfg.Placeholders.TemplateSentences {
		for _, s := range prfaq.TemplateSentences() {
			k.sentences = append(k.sentences, strings.ToLower(s))
		}
	}
	return k
}

// Document checks one PRFAQ with cfg; Checker.Document is the same for
// many documents.
func Document(in Input, cfg *config.Config) []Finding {
	return New(cfg).Document(in)
}

// Document runs every document rule over one parsed PRFAQ. A draft reports
// its findings as warnings, except that it must parse.
func (k *Checker) Document(in Input) []Finding {
	c := &checker{Checker: k, in: in, doc: in.Doc}
	c.patterns, c.sentences = k.present(in.Doc)
	c.frontMatter()
	c.headline()
	c.pressRelease()
	c.sections()
	c.placeholders()
	c.faq()
	c.metrics()
	Sort(c.out)
	return c.out
}

// checker is the state of checking one document.
type checker struct {
	*Checker
	in  Input
	doc *prfaq.Document
	out []Finding
	// patterns and sentences are the placeholder patterns and template
	// sentences that can occur in this document at all: most documents
	// have none, and then no line is searched for them.
	patterns  []pattern
	sentences []string
}

// present keeps the placeholder patterns whose literal, and the template
// sentences, that occur somewhere in the document.
func (k *Checker) present(d *prfaq.Document) ([]pattern, []string) {
	var b strings.Builder
	for _, l := range d.Lines {
		b.WriteString(l.Text)
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
	for _, s := range k.sentences {
		if strings.Contains(lower, s) {
			ss = append(ss, s)
		}
	}
	return ps, ss
}

// status is the document's lifecycle state, lower-cased; "" when unset.
func (c *checker) status() string {
	return strings.ToLower(strings.TrimSpace(c.doc.FrontMatter.Status))
}

// report adds a finding at the configured severity, lowered to a warning
// for a draft (parse failures stay errors) and for recommended things.
func (c *checker) report(rule string, pos prfaq.Pos, format string, args ...any) {
	c.reportAt(rule, c.cfg.SeverityOf(rule), pos, format, args...)
}

func (c *checker) warn(rule string, pos prfaq.Pos, format string, args ...any) {
	sev := c.cfg.SeverityOf(rule)
	if sev == config.Error {
		sev = config.Warning
	}
	c.reportAt(rule, sev, pos, format, args...)
}

func (c *checker) reportAt(rule string, sev config.Severity, pos prfaq.Pos, format string, args ...any) {
	if sev == config.Off || sev == "" {
		return
	}
	if sev == config.Error && c.status() == "draft" && rule != FrontmatterInvalid {
		sev = config.Warning
	}
	c.out = append(c.out, Finding{
		Rule: rule, Severity: sev, File: c.in.File,
		Line: max(pos.Line, 1), Column: max(pos.Column, 1),
		Message: fmt.Sprintf(format, args...),
	})
}

func (c *checker) frontMatter() {
	fm := c.doc.FrontMatter
	if fm.Err != nil {
		c.report(FrontmatterInvalid, fm.Err.Pos, "%s", fm.Err.Msg)
		return
	}
	if !fm.Present || fm.Status == "" {
		return // no status: every rule applies at its configured severity
	}
	for _, s := range Statuses() {
		if c.status() == s {
			return
		}
	}
	c.report(StatusInvalid, fm.StatusPos, "status %q is not a lifecycle state: use one of %s", fm.Status, strings.Join(Statuses(), ", "))
}

func (c *checker) headline() {
	h := c.doc.Headline
	if h == nil {
		c.headlineMissing()
		return
	}
	limit := c.cfg.PressRelease.HeadlineMaxWords
	if n := prfaq.Words(h.Text); limit > 0 && n > limit {
		c.report(HeadlineTooLong, h.Pos, "headline has %d words, more than %d: cut it to one line a reader takes in at a glance", n, limit)
	}
}

func (c *checker) pressRelease() {
	if limit := c.cfg.PressRelease.MaxWords; limit > 0 && c.doc.PressRelease.Words > limit {
		c.report(PressReleaseTooLong, c.doc.PressRelease.Pos, "press release has %d words, more than %d: cut it to fit a printed page and a half, and move detail to the FAQ", c.doc.PressRelease.Words, limit)
	}
}

func (c *checker) headlineMissing() {
	for _, l := range c.doc.Labels {
		if l.Level == 1 {
			c.report(HeadlineMissing, l.Pos, "the H1 %q labels a part, it is not a headline: write the headline as the document's one H1, e.g. # Example Corp launches X to help Y do Z", l.Text)
			return
		}
	}
	c.report(HeadlineMissing, prfaq.Pos{Line: 1, Column: 1}, "no headline: start the press release with one H1, e.g. # Example Corp launches X to help Y do Z")
}
