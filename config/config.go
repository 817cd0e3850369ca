// Package config reads .prfaq.toml, the per-repository configuration of
// git-prfaq: which files are PRFAQ documents, which sections they hold, the
// limits and placeholder patterns the checker applies, what proposes a new
// initiative, how a weakening is acknowledged, and a severity per rule.
//
// Every key is optional; the defaults are compiled into the binary (Default)
// and documented in the commented file `git prfaq init` writes (Template).
// The configuration is data: nothing in it is ever executed. Glob patterns
// are matched, regular expressions are compiled with Go's RE2 engine (linear
// time, no back-references), and trailer and label names are compared as
// text.
package config

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// FileName is the configuration file, at the repository root.
const FileName = ".prfaq.toml"

// Config is a parsed, validated .prfaq.toml merged over the defaults. Get one
// from Default, Load or Parse; the exported fields may be read freely. A
// Config is safe for concurrent use as long as nobody writes to it.
type Config struct {
	Documents       Documents
	PressRelease    PressRelease
	Sections        []Section
	Metrics         Metrics
	Placeholders    Placeholders
	Initiatives     Initiatives
	Acknowledgement Acknowledgement
	Hooks           Hooks
	Baseline        Baseline
	// Severity holds one entry for every rule id (rule.IDs).
	Severity map[string]rule.Severity

	// placeholderREs are Placeholders.Patterns compiled, in the same order.
	placeholderREs []*regexp.Regexp
}

// Documents is the [documents] table.
type Documents struct {
	// Globs name the PRFAQ documents: doublestar patterns over slash paths
	// relative to the repository root (*, ?, [class], {a,b}, ** for any
	// number of directories). Matching is case-sensitive. {a,b}
	// alternatives are expanded first, as a shell does (at most 64 per glob).
	Globs []string
	// MaxBytes: a document larger than this is refused (see CheckSize).
	MaxBytes int64
}

// PressRelease is the [press_release] table. Both limits are at least 1;
// a rule is switched off through Severity, not with a zero limit.
type PressRelease struct {
	HeadlineMaxWords int
	MaxWords         int
}

// Section is one [[sections]] entry.
type Section struct {
	Name    string
	Aliases []string
	Kind    prfaq.SectionKind
	// Part is the component of a PRFAQ the section holds (see
	// prfaq.Part), found by heading, bold label or prose; "" for a
	// section found by its heading only. Set by the part key, else
	// inferred from the name and aliases.
	Part     prfaq.Part
	PartSet  bool // the part key was given (possibly "none")
	Required bool // false: recommended, a warning when missing
	MinWords int  // 0: any non-empty text
}

// Metrics is the [metrics] table.
type Metrics struct {
	// AbsentBaseline are the Baseline words meaning "does not exist yet",
	// compared case-insensitively after trimming.
	AbsentBaseline []string
	// AllowAbsentBaseline: whether such a Baseline is measurable (the Target
	// must then be a quantity).
	AllowAbsentBaseline bool
	// Columns holds, for every field of prfaq.Fields, the table header names
	// meaning it, compared case-insensitively after trimming.
	Columns map[prfaq.Field][]string
}

// Placeholders is the [placeholders] table.
type Placeholders struct {
	// Patterns are Go (RE2) regular expressions. They are case-sensitive
	// unless they say otherwise, e.g. with a leading (?i): the defaults flag
	// TODO but not "todo" in prose, and "lorem ipsum" in any case.
	Patterns []string
	// TemplateSentences: also flag the exact sentences of git-prfaq's own
	// template (prfaq.TemplateSentences).
	TemplateSentences bool
}

// Initiatives is the [initiatives] table: what proposes a new initiative.
type Initiatives struct {
	// Roots are doublestar globs matching initiative directories: a newly
	// added directory matching one (e.g. "services/*" matches
	// services/payments) proposes an initiative.
	Roots []string
	// Trailer is the commit trailer declaring an initiative
	// ("Initiative: <name>"); git compares trailer names case-insensitively.
	Trailer string
	// Branches are doublestar globs over branch names without "refs/heads/"
	// (e.g. "initiative/*").
	Branches []string
}

// Acknowledgement is the [acknowledgement] table: how a weakening of the
// success criteria is acknowledged.
type Acknowledgement struct {
	// Trailer is the commit trailer ("PRFAQ-Ack: <reason>").
	Trailer string
	// Labels are pull-request labels that also acknowledge (GitHub Action);
	// compared case-insensitively, as GitHub does.
	Labels []string
}

// Hooks is the [hooks] table: what the git hooks refuse.
type Hooks struct {
	// FailOn is the least severity of finding that makes a hook refuse
	// the change: FailOnError (the default), FailOnWarning, or
	// FailOnNever (findings are shown, nothing is refused; a document
	// that cannot be read still is). A range (pre-push, pre-receive)
	// takes it from the policy it is checked with, never the change.
	FailOn FailOn
}

// Baseline is the [baseline] table: the baseline of known findings.
type Baseline struct {
	// File is the baseline file (git prfaq check --write-baseline), a
	// slash path from the repository root; "" for none. Its findings are
	// counted, not reported, by check and the hooks. A range reads it as
	// committed at its base, never the change's own.
	File string
}

// FailOn says which findings fail a check or refuse a change: `check
// --fail-on` and hooks.fail_on.
type FailOn string

// The values of FailOn, in order of strictness.
const (
	FailOnNever   FailOn = "never"
	FailOnError   FailOn = "error"
	FailOnWarning FailOn = "warning"
)

// FailOns lists the valid values, the default first.
func FailOns() []FailOn { return []FailOn{FailOnError, FailOnWarning, FailOnNever} }

// Valid reports whether f is one of FailOns.
func (f FailOn) Valid() bool { return slices.Contains(FailOns(), f) }

// Fails reports whether findings counted as errors and warnings fail
// under f. An invalid or empty f counts as FailOnError.
func (f FailOn) Fails(errors, warnings int) bool {
	switch f {
	case FailOnNever:
		return false
	case FailOnWarning:
		return errors > 0 || warnings > 0
	}
	return errors > 0
}

// strictness orders fail levels: never, error, warning.
func (f FailOn) strictness() int {
	switch f {
	case FailOnNever:
		return 0
	case FailOnWarning:
		return 2
	}
	return 1
}

// Default returns the built-in configuration. Each call returns a fresh
// value, so a caller changing it changes nothing else.
func Default() *Config {
	c := &Config{
		Documents: Documents{
			Globs:    []string{"**/PRFAQ.md", "docs/prfaq/*.md"},
			MaxBytes: 1 << 20,
		},
		PressRelease: PressRelease{HeadlineMaxWords: 20, MaxWords: 800},
		Sections:     defaultSections(),
		Metrics: Metrics{
			AbsentBaseline:      []string{"n/a", "none", "new", "-"},
			AllowAbsentBaseline: true,
			Columns:             defaultColumns(),
		},
		Placeholders: Placeholders{
			Patterns:          defaultPatterns(),
			TemplateSentences: true,
		},
		Initiatives: Initiatives{
			Roots:    []string{},
			Trailer:  "Initiative",
			Branches: []string{},
		},
		Acknowledgement: Acknowledgement{
			Trailer: "PRFAQ-Ack",
			Labels:  []string{"prfaq-ack"},
		},
		Hooks:    Hooks{FailOn: FailOnError},
		Severity: defaultSeverity(),
	}
	// The default patterns are compiled when first asked for (see
	// PlaceholderPatterns): a hook run with no PRFAQ staged never is.
	return c
}

// defaultREs are defaultPatterns compiled, once, on first use.
var defaultREs = sync.OnceValue(func() []*regexp.Regexp {
	var res []*regexp.Regexp
	for _, p := range defaultPatterns() {
		res = append(res, regexp.MustCompile(p))
	}
	return res
})

func defaultSections() []Section {
	prose := func(name string, part prfaq.Part, required bool, minWords int, aliases ...string) Section {
		return Section{Name: name, Aliases: append([]string{}, aliases...), Kind: prfaq.KindProse, Part: part, PartSet: true, Required: required, MinWords: minWords}
	}
	return []Section{
		prose("Subheading", prfaq.PartSubheading, true, 0),
		prose("Summary", prfaq.PartSummary, true, 25),
		prose("Problem", prfaq.PartProblem, true, 15),
		prose("Solution", prfaq.PartSolution, true, 15),
		prose("Leader Quote", prfaq.PartLeaderQuote, false, 0, "Quote from a Leader", "Company Quote", "Executive Quote"),
		prose("How to Get Started", prfaq.PartGettingStarted, true, 0, "Getting Started"),
		prose("Customer Quote", prfaq.PartCustomerQuote, false, 0, "Quote from a Customer", "Testimonial"),
		prose("Call to Action", prfaq.PartCallToAction, true, 0, "CTA"),
		{Name: "External FAQ", Kind: prfaq.KindFAQ, Part: prfaq.PartExternalFAQ, PartSet: true, Required: true, Aliases: []string{
			"FAQ (External)", "Customer FAQ", "External FAQs", "FAQ", "FAQs", "Frequently Asked Questions", "Public FAQ"}},
		{Name: "Internal FAQ", Kind: prfaq.KindFAQ, Part: prfaq.PartInternalFAQ, PartSet: true, Required: true, Aliases: []string{
			"FAQ (Internal)", "Stakeholder FAQ", "Internal FAQs"}},
		{Name: "Success Metrics", Kind: prfaq.KindMetrics, Part: prfaq.PartMetrics, PartSet: true, Required: true, Aliases: []string{
			"Metrics", "Success Criteria", "Goals", "KPIs", "Success Measures"}},
	}
}

func defaultColumns() map[prfaq.Field][]string {
	return map[prfaq.Field][]string{
		prfaq.FieldMetric:   {"Metric", "KPI", "Measure", "Name"},
		prfaq.FieldBaseline: {"Baseline", "Current", "Today", "From"},
		prfaq.FieldTarget:   {"Target", "Goal", "To"},
		prfaq.FieldBy:       {"By", "Deadline", "Due", "When", "Date", "Target date"},
		prfaq.FieldSource:   {"Source", "Measured by", "Data source", "Measurement"},
		prfaq.FieldActual:   {"Actual", "Result", "Achieved"},
	}
}

func defaultPatterns() []string {
	return []string{
		`<[A-Z][^<>\n]{0,200}(?:<[^<>\n]{0,200}>[^<>\n]{0,200})?>`,
		`<[0-9][0-9.,]*\s?[%A-Za-z]{0,8}>`,
		`</[A-Z][A-Za-z_-]{1,40}>`,
		`\[(?:[A-Z][^\[\]\n]{1,200}|[a-z][a-z-]*[ /][^\[\]\n]{1,200}|[a-z][a-z-]{3,})\]`,
		`\((?:add|insert|enter|fill in) (?:your |the |a )?[^()\n]{1,60}\)`,
		`(?:^|[^\p{L}\p{N}\s])\s*(<[a-z]+(?: [a-z]+){0,4}>)`,
		`\bTODO\b`,
		`\bTBD\b`,
		`\bFIXME\b`,
		`\bXXX\b`,
		`\b(?:WHO|WHAT|WHEN|WHERE|WHICH|HOW MUCH|HOW MANY)\?`,
		`(?i)\(\s*(?:to be (?:determined|decided|defined|confirmed|announced)|tbd|tba|tbc)\b[^()\n]{0,200}\)`,
		`(?:^|[^\p{L}\p{N}.])((?:[nN]|X{1,3})\s?%)`,
		`(?:^|[^\p{L}\p{N}])([nN]\s?\p{Han})`,
		`(\$\s?X{1,3})\b`,
		`(?i)lorem ipsum`,
	}
}

func defaultSeverity() map[string]rule.Severity {
	m := make(map[string]rule.Severity)
	for _, id := range rule.IDs() {
		m[id] = rule.DefaultSeverity(id)
	}
	return m
}

// Spec returns the parser's view of the configuration: the sections and the
// metric column names. The result shares nothing with c.
func (c *Config) Spec() prfaq.Spec {
	s := prfaq.Spec{
		Sections: make([]prfaq.SectionSpec, 0, len(c.Sections)),
		Columns:  make(map[prfaq.Field][]string, len(c.Metrics.Columns)),
	}
	for _, sec := range c.Sections {
		s.Sections = append(s.Sections, prfaq.SectionSpec{
			Name:     sec.Name,
			Aliases:  append([]string{}, sec.Aliases...),
			Kind:     sec.Kind,
			Part:     sec.Part,
			Required: sec.Required,
			MinWords: sec.MinWords,
		})
	}
	for f, names := range c.Metrics.Columns {
		s.Columns[f] = append([]string{}, names...)
	}
	return s
}

// PlaceholderPatterns returns placeholders.patterns compiled (once, by Parse
// or, for the defaults, on first use), in order. The slice is fresh; the
// expressions are safe for concurrent use.
func (c *Config) PlaceholderPatterns() []*regexp.Regexp {
	if c.placeholderREs == nil && slices.Equal(c.Placeholders.Patterns, defaultPatterns()) {
		return append([]*regexp.Regexp(nil), defaultREs()...) // compiled on first use
	}
	if c.compiledCurrent() {
		return append([]*regexp.Regexp(nil), c.placeholderREs...)
	}
	// A Config built or changed by hand: compile now, skipping what does
	// not compile (Parse would have refused it).
	var out []*regexp.Regexp
	for _, p := range c.Placeholders.Patterns {
		if re, err := regexp.Compile(p); err == nil {
			out = append(out, re)
		}
	}
	return out
}

func (c *Config) compiledCurrent() bool {
	if c.placeholderREs == nil && slices.Equal(c.Placeholders.Patterns, defaultPatterns()) {
		return true // the defaults, compiled on first use
	}
	if len(c.placeholderREs) != len(c.Placeholders.Patterns) {
		return false
	}
	for i, re := range c.placeholderREs {
		if re.String() != c.Placeholders.Patterns[i] {
			return false
		}
	}
	return true
}

// SeverityOf returns the configured severity of a rule. An id that is not
// a rule (a caller's bug) counts as rule.Error, so it cannot pass
// silently.
func (c *Config) SeverityOf(id string) rule.Severity {
	if s, ok := c.Severity[id]; ok && s.Valid() {
		return s
	}
	return rule.DefaultSeverity(id)
}

// cleanPath turns a caller's path into the form globs are matched against:
// slash-separated, relative, without "./" or a trailing slash.
func cleanPath(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	return strings.TrimSuffix(p, "/")
}

// matchGlob is compileGlob(g).match(name) without compiling a glob that
// has no braces: IsDocument runs several times per PRFAQ in a list of
// 10,000, and compiling allocated each time.
func matchGlob(g, name string) bool {
	if !strings.ContainsRune(g, '{') {
		return doublestar.MatchUnvalidated(g, name)
	}
	return compileGlob(g).match(name)
}

// matchAny reports whether name matches one of the globs. {a,b}
// alternatives are expanded first, as a shell does, and each alternative is
// matched: that is what git, which has no braces, is given by
// DocumentPathspecs, so the two always agree.
func matchAny(globs []string, name string) bool {
	for _, g := range globs {
		if strings.HasSuffix(name, literalTail(g)) && matchGlob(g, name) {
			return true
		}
	}
	return false
}

// compiledGlob is a glob with its literal tail and brace alternatives
// worked out, for matching many names.
type compiledGlob struct {
	head, tail []byte
	alts       []string
	// anyDir is a glob "**/" followed by its tail ("**/PRFAQ.md"): it
	// matches the tail itself and any path ending with "/" and the tail,
	// which is all matching has to check.
	anyDir bool
}

func compileGlob(g string) compiledGlob {
	c := compiledGlob{head: []byte(literalHead(g)), tail: []byte(literalTail(g)), alts: []string{g}}
	c.anyDir = len(c.tail) > 0 && g == "**/"+string(c.tail)
	if strings.ContainsRune(g, '{') {
		if a, err := expandBraces(g); err == nil {
			c.alts = a
		}
	}
	return c
}

// matchBytes is match for a cleaned name given as bytes: the literal
// head and tail are compared first, and the name is made a string (for
// doublestar) only when both fit.
func (c compiledGlob) matchBytes(name []byte) bool {
	if !bytes.HasSuffix(name, c.tail) || !bytes.HasPrefix(name, c.head) {
		return false
	}
	if c.anyDir {
		return len(name) == len(c.tail) || name[len(name)-len(c.tail)-1] == '/'
	}
	return c.match(string(name))
}

func (c compiledGlob) match(name string) bool {
	for _, a := range c.alts {
		if doublestar.MatchUnvalidated(a, name) {
			return true
		}
	}
	return false
}

// literalHead is the start of glob before the last slash that comes
// before its first wildcard, brace or escape ("docs/prfaq" of
// "docs/prfaq/*.md"; the whole of a glob without any): every name the
// glob matches starts with it. (Not up to the wildcard: "a/**" matches
// "a".) As with literalTail, a head that is not valid UTF-8, or holds
// U+FFFD, is not compared.
func literalHead(glob string) string {
	head := glob
	if i := strings.IndexAny(glob, "*?[]{},\\"); i >= 0 {
		head = glob[:max(strings.LastIndexByte(glob[:i], '/'), 0)]
	}
	if !utf8.ValidString(head) || strings.ContainsRune(head, utf8.RuneError) {
		return ""
	}
	return head
}

// literalTail is the end of glob after its last wildcard, brace, escape
// or slash ("PRFAQ.md" of "**/PRFAQ.md"): every name the glob matches ends
// with it, so a name that does not is rejected without matching. Matching
// compares runes, and any invalid byte reads as U+FFFD: a tail that is not
// valid UTF-8, or holds U+FFFD, is not compared.
func literalTail(glob string) string {
	tail := glob[strings.LastIndexAny(glob, "*?[]{},\\/")+1:]
	if !utf8.ValidString(tail) || strings.ContainsRune(tail, utf8.RuneError) {
		return ""
	}
	return tail
}

// DocumentFilter is IsDocument for many paths given as bytes (a whole
// index, read in place): each glob's literal head and tail are worked out
// once, and a path that does not start and end with them is rejected
// without being copied; most are rejected by their last byte alone. The
// filter does not keep the bytes it is given.
func (c *Config) DocumentFilter() func(path []byte) bool {
	globs := make([]compiledGlob, 0, len(c.Documents.Globs))
	var ends [256]bool // the last bytes of the globs' tails: a document's path ends with one
	for _, g := range c.Documents.Globs {
		cg := compileGlob(g)
		globs = append(globs, cg)
		if len(cg.tail) == 0 { // a path may end with anything
			for i := range ends {
				ends[i] = true
			}
		} else {
			ends[cg.tail[len(cg.tail)-1]] = true
		}
	}
	return func(path []byte) bool {
		// IsDocument cleans a path first: "\\" reads as "/", a leading
		// "./" and a trailing "/" go. An index has none of them, and
		// cleaning changes the last byte only when it is "/" or "\\".
		if len(path) == 0 || path[len(path)-1] == '/' || path[len(path)-1] == '\\' {
			return c.IsDocument(string(path))
		}
		if !ends[path[len(path)-1]] {
			return false
		}
		if bytes.IndexByte(path, '\\') >= 0 {
			return c.IsDocument(string(path))
		}
		name := path
		for bytes.HasPrefix(name, []byte("./")) {
			name = name[2:]
		}
		for _, g := range globs {
			if g.matchBytes(name) {
				return true
			}
		}
		return false
	}
}

// IsDocument reports whether path, slash-separated and relative to the
// repository root, is a PRFAQ document by documents.globs.
func (c *Config) IsDocument(path string) bool {
	return matchAny(c.Documents.Globs, cleanPath(path))
}

// DocumentPathspecs returns git pathspecs selecting the files documents.globs
// select, for `git ls-files`, `git diff --name-only` and the like, e.g.
// ":(top,glob)**/PRFAQ.md". They are anchored at the repository root (top),
// so they work from any directory. Brace alternatives, which git does not
// know, are expanded; a glob without wildcards is written so that git does
// not also match files below a directory of that name.
func (c *Config) DocumentPathspecs() []string {
	var out []string
	seen := map[string]bool{}
	for _, g := range c.Documents.Globs {
		alts, err := expandBraces(g)
		if err != nil {
			alts = []string{g}
		}
		for _, a := range alts {
			ps := pathspec(a)
			if !seen[ps] {
				seen[ps] = true
				out = append(out, ps)
			}
		}
	}
	return out
}

// DocumentPrefilter returns pathspecs selecting at least the documents:
// each glob written without glob magic, where git's wildcards also match
// "/" and "**" becomes "*". git matches these 20–30% faster than glob magic
// on a large tree, so the hot paths (hooks, ranges) ask git with them and
// keep only what IsDocument accepts.
func (c *Config) DocumentPrefilter() []string {
	var out []string
	seen := map[string]bool{}
	for _, ps := range c.DocumentPathspecs() {
		loose := ":(top)" + looseGlob(strings.TrimPrefix(ps, ":(top,glob)"))
		if !seen[loose] {
			seen[loose] = true
			out = append(out, loose)
		}
	}
	return out
}

// looseGlob turns a glob into a superset pattern for a pathspec without
// glob magic: "**/x" matches x at any depth once "*" may cross "/".
func looseGlob(g string) string {
	g = strings.ReplaceAll(g, "**/", "*")
	g = strings.ReplaceAll(g, "/**", "*")
	return strings.ReplaceAll(g, "**", "*")
}

// CheckSize returns nil when a document of size bytes is within
// documents.max_bytes, else an error naming the file, the size and the limit.
func (c *Config) CheckSize(path string, size int64) error {
	if size <= c.Documents.MaxBytes {
		return nil
	}
	return fmt.Errorf("%s: %d bytes is larger than documents.max_bytes = %d in %s: shorten the document or raise the limit",
		path, size, c.Documents.MaxBytes, FileName)
}

// IsInitiativeRoot reports whether dir (slash path relative to the
// repository root) matches initiatives.roots, that is whether adding that
// directory proposes a new initiative.
func (c *Config) IsInitiativeRoot(dir string) bool {
	dir = cleanPath(dir)
	return dir != "" && dir != "." && matchAny(c.Initiatives.Roots, dir)
}

// InitiativeDir returns the initiative directory a file lies in: its
// shallowest ancestor directory matching initiatives.roots. For roots
// ["services/*"], "services/payments/api/main.go" is in "services/payments".
func (c *Config) InitiativeDir(file string) (dir string, ok bool) {
	file = cleanPath(file)
	for i := 0; i < len(file); i++ {
		if file[i] == '/' && c.IsInitiativeRoot(file[:i]) {
			return file[:i], true
		}
	}
	return "", false
}

// InitiativeBranch reports whether a branch (with or without "refs/heads/")
// matches initiatives.branches.
func (c *Config) InitiativeBranch(branch string) bool {
	branch = strings.TrimPrefix(branch, "refs/heads/")
	return branch != "" && matchAny(c.Initiatives.Branches, branch)
}

// Fingerprint identifies the effective configuration: two configurations
// with the same fingerprint check every document alike. The result cache
// keys on it (docs/performance.md).
func (c *Config) Fingerprint() string {
	data, err := json.Marshal(c) // maps marshal with sorted keys
	if err != nil {
		return "" // cannot happen for this struct; "" keys no cache
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
