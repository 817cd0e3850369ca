package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/prfaq/git-prfaq/internal/safefile"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// maxFileBytes bounds .prfaq.toml; a real one is a few kilobytes (the
// commented template is 9). MaxFileBytes is the same for callers that
// read the file from git and can refuse it before reading it.
const maxFileBytes = 64 << 10

// MaxFileBytes is the largest .prfaq.toml Parse reads.
const MaxFileBytes = maxFileBytes

// FileError is a problem with a configuration file (it is not called Error
// because rule.Error is the severity). Error() is one line:
// "FILE:LINE: KEY: MSG", without ":LINE" when the line is unknown (0) and
// without "KEY: " when Key is empty.
type FileError struct {
	File string // as given to Parse; FileName for Load
	Line int    // counted from 1; 0 when the problem has no line
	// Key is the dotted key whose value is wrong, e.g. "documents.globs[1]"
	// (indexes count from 0). It is empty for syntax errors, for an unknown
	// key (named in Msg) and for problems with the file itself.
	Key string
	Msg string // what is wrong and how to fix it
}

func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(e.Line))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Load reads FileName in the repository root. A missing file is no error:
// the result is Default(). A symbolic link (followed, it would read any
// file and quote its lines in errors), a named pipe (opened, it would hang)
// or anything else but a regular file is refused, never opened for
// reading. Every error is a *FileError.
func Load(root string) (*Config, error) {
	c, _, err := LoadFile(root)
	return c, err
}

// LoadFile is Load, also returning the file's bytes (nil when there is
// none), for Effective to say which line set each value.
func LoadFile(root string) (*Config, []byte, error) {
	tooBig := &FileError{File: FileName, Msg: fmt.Sprintf("larger than %d bytes; a configuration this big is surely not one", maxFileBytes)}
	data, err := safefile.ReadFile(root, FileName, func(size int64) error {
		if size > maxFileBytes {
			return tooBig
		}
		return nil
	}, maxFileBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Default(), nil, nil
	case err == tooBig:
		return nil, nil, tooBig
	case errors.Is(err, safefile.ErrSymlink):
		return nil, nil, &FileError{File: FileName, Msg: "is a symbolic link, which git-prfaq does not follow: make it a regular file (git prfaq init --force writes a fresh one, keeping the link as " + FileName + ".bak)"}
	case errors.Is(err, safefile.ErrNotRegular):
		return nil, nil, &FileError{File: FileName, Msg: oneLine(err.Error()) + "; make it a regular file or remove it"}
	case err != nil:
		return nil, nil, &FileError{File: FileName, Msg: "cannot read: " + oneLine(err.Error()) + "; fix its permissions or remove it"}
	}
	c, err := Parse(FileName, data)
	return c, data, err
}

// Parse reads a .prfaq.toml held in data, merges it over the defaults and
// validates it. name is the file name used in errors. Every error is a
// *FileError; when the file has several problems, the one on the earliest
// line is reported.
func Parse(name string, data []byte) (*Config, error) {
	if len(data) > maxFileBytes {
		return nil, &FileError{File: name, Msg: fmt.Sprintf("larger than %d bytes; a configuration this big is surely not one", maxFileBytes)}
	}
	if !utf8.Valid(data) {
		return nil, &FileError{File: name, Line: invalidUTF8Line(data), Msg: "not UTF-8 text; save the file as UTF-8"}
	}
	if err := guardDepth(name, data); err != nil {
		return nil, err
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return nil, syntaxError(name, data, err)
	}
	d := &decoder{file: name, lines: scanKeyLines(string(data))}
	c := Default()
	d.config(c, raw)
	if err := d.first(); err != nil {
		return nil, err
	}
	return c, nil
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}

func syntaxError(name string, data []byte, err error) *FileError {
	var pe toml.ParseError
	var ppe *toml.ParseError
	switch {
	case errors.As(err, &pe):
	case errors.As(err, &ppe) && ppe != nil:
		pe = *ppe
	default:
		return &FileError{File: name, Msg: "invalid TOML: " + oneLine(err.Error())}
	}
	// The toml package counts a newline that ends a bad line as part of
	// the next line ("[documents" then Enter is reported on line 2); the
	// byte offset of the error says which line the user must fix. Offsets
	// are counted after a UTF-8 byte-order mark, which toml skips.
	line := pe.Position.Line
	body := bytes.TrimPrefix(data, []byte("\ufeff"))
	if start := pe.Position.Start; start >= 0 && start <= len(body) && line > 0 {
		line = 1 + bytes.Count(body[:start], []byte("\n"))
	}
	msg := pe.Message
	if msg == "" {
		msg = pe.Error()
	}
	return &FileError{File: name, Line: line, Msg: "invalid TOML: " + oneLine(msg) + " (TOML syntax: https://toml.io)"}
}

// oneLine keeps a message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// decoder walks the decoded TOML against the schema, filling a Config and
// collecting errors with their lines.
type decoder struct {
	file  string
	lines keyLines
	errs  []*FileError
}

// first returns the error on the earliest line (errors without a line come
// last), or nil.
func (d *decoder) first() error {
	if len(d.errs) == 0 {
		return nil
	}
	sort.SliceStable(d.errs, func(i, j int) bool {
		li, lj := d.errs[i].Line, d.errs[j].Line
		if li == 0 {
			li = math.MaxInt
		}
		if lj == 0 {
			lj = math.MaxInt
		}
		return li < lj
	})
	return d.errs[0]
}

// fail records an error about the value at path.
func (d *decoder) fail(path []string, format string, args ...any) {
	d.errs = append(d.errs, &FileError{File: d.file, Line: d.lines.lineOf(path), Key: display(path), Msg: fmt.Sprintf(format, args...)})
}

// display writes a path as the user would: documents.globs[1],
// sections[0].name, severity."odd key".
func display(path []string) string {
	var b strings.Builder
	for _, seg := range path {
		if n, ok := isIndex(seg); ok {
			fmt.Fprintf(&b, "[%d]", n)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		bare := seg != ""
		for j := 0; j < len(seg); j++ {
			if !isBareKeyByte(seg[j]) {
				bare = false
				break
			}
		}
		if bare {
			b.WriteString(seg)
		} else {
			b.WriteString(strconv.Quote(seg))
		}
	}
	return b.String()
}

func with(path []string, segs ...string) []string {
	return append(append(make([]string, 0, len(path)+len(segs)), path...), segs...)
}

// describe names a decoded TOML value's type and shows it, for "got ...".
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return "string " + quoteShort(v)
	case int64:
		return "integer " + strconv.FormatInt(v, 10)
	case float64:
		return "float " + strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return "boolean " + strconv.FormatBool(v)
	case time.Time:
		return "date-time " + v.Format(time.RFC3339)
	case []any:
		return "an array"
	case []map[string]any:
		return "an array of tables"
	case map[string]any:
		return "a table"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("%T", v)
}

func quoteShort(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		return strconv.Quote(string(r[:max])) + "…"
	}
	return strconv.Quote(s)
}

// table checks that v is a table and reports its unknown keys. known lists
// the keys in schema order, for the message.
func (d *decoder) table(path []string, v any, known ...string) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		d.fail(path, "want a table, got %s", describe(v))
		return nil, false
	}
	d.unknownKeys(path, m, known)
	return m, true
}

func (d *decoder) unknownKeys(path []string, m map[string]any, known []string) {
	for _, k := range sortedKeys(m) {
		if contains(known, k) {
			continue
		}
		p := with(path, k)
		d.errs = append(d.errs, &FileError{File: d.file, Line: d.lines.lineOf(p),
			Msg: fmt.Sprintf("unknown key %q (known keys: %s)", display(p), strings.Join(known, ", "))})
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (d *decoder) str(path []string, v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		d.fail(path, "want a string, got %s", describe(v))
	}
	return s, ok
}

func (d *decoder) boolean(path []string, v any) (bool, bool) {
	b, ok := v.(bool)
	if !ok {
		d.fail(path, "want true or false, got %s", describe(v))
	}
	return b, ok
}

// integer checks for an integer in [min, math.MaxInt].
func (d *decoder) integer(path []string, v any, min int64, why string) (int64, bool) {
	n, ok := v.(int64)
	if !ok {
		if f, isFloat := v.(float64); isFloat && f == math.Trunc(f) && math.Abs(f) < 1e18 {
			d.fail(path, "want an integer, got %s; write %d", describe(v), int64(f))
		} else {
			d.fail(path, "want an integer, got %s", describe(v))
		}
		return 0, false
	}
	if n < min || int64(int(n)) != n {
		d.fail(path, "want %s, got %d", why, n)
		return 0, false
	}
	return n, true
}

// strings reads an array of non-empty strings.
func (d *decoder) strings(path []string, v any) ([]string, bool) {
	arr, ok := v.([]any)
	if !ok {
		if s, isStr := v.(string); isStr {
			d.fail(path, "want an array of strings, got %s; write [%s]", describe(v), strconv.Quote(s))
		} else {
			d.fail(path, "want an array of strings, got %s", describe(v))
		}
		return nil, false
	}
	out := make([]string, 0, len(arr))
	ok = true
	for i, e := range arr {
		p := with(path, index(i))
		s, isStr := d.str(p, e)
		switch {
		case !isStr:
			ok = false
		case strings.TrimSpace(s) == "":
			d.fail(p, "empty string; remove it or write a value")
			ok = false
		default:
			out = append(out, s)
		}
	}
	return out, ok
}

func (d *decoder) globs(path []string, v any) ([]string, bool) {
	list, ok := d.strings(path, v)
	if !ok {
		return nil, false
	}
	for i, g := range list {
		if msg := checkGlob(g); msg != "" {
			d.fail(with(path, index(i)), "%s", msg)
			ok = false
		}
	}
	return list, ok
}

var trailerName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`) })

func (d *decoder) trailer(path []string, v any) (string, bool) {
	s, ok := d.str(path, v)
	if !ok {
		return "", false
	}
	if !trailerName().MatchString(s) {
		d.fail(path, "invalid trailer name %s: use letters, digits and \"-\" only, without the colon, e.g. \"PRFAQ-Ack\"", quoteShort(s))
		return "", false
	}
	return s, true
}

// Keys of each table, in schema (and template) order.
var (
	topKeys          = []string{"documents", "press_release", "sections", "metrics", "placeholders", "initiatives", "acknowledgement", "hooks", "baseline", "severity"}
	documentsKeys    = []string{"globs", "max_bytes"}
	pressReleaseKeys = []string{"headline_max_words", "max_words"}
	sectionKeys      = []string{"name", "aliases", "kind", "part", "required", "min_words"}
	metricsKeys      = []string{"absent_baseline", "allow_absent_baseline", "columns"}
	placeholderKeys  = []string{"patterns", "template_sentences"}
	initiativeKeys   = []string{"roots", "trailer", "branches"}
	ackKeys          = []string{"trailer", "labels"}
	hooksKeys        = []string{"fail_on"}
	baselineKeys     = []string{"file"}
)

func fieldNames() []string {
	out := make([]string, len(prfaq.Fields))
	for i, f := range prfaq.Fields {
		out[i] = string(f)
	}
	return out
}

func (d *decoder) config(c *Config, raw map[string]any) {
	d.unknownKeys(nil, raw, topKeys)
	if v, ok := raw["documents"]; ok {
		d.documents(c, v)
	}
	if v, ok := raw["press_release"]; ok {
		d.pressRelease(c, v)
	}
	if v, ok := raw["sections"]; ok {
		d.sections(c, v)
	}
	if v, ok := raw["metrics"]; ok {
		d.metrics(c, v)
	}
	if v, ok := raw["placeholders"]; ok {
		d.placeholders(c, v)
	}
	if v, ok := raw["initiatives"]; ok {
		d.initiatives(c, v)
	}
	if v, ok := raw["acknowledgement"]; ok {
		d.acknowledgement(c, v)
	}
	if v, ok := raw["hooks"]; ok {
		d.hooks(c, v)
	}
	if v, ok := raw["baseline"]; ok {
		d.baseline(c, v)
	}
	if v, ok := raw["severity"]; ok {
		d.severity(c, v)
	}
	if strings.EqualFold(c.Initiatives.Trailer, c.Acknowledgement.Trailer) {
		p := []string{"acknowledgement", "trailer"}
		if _, set := d.lines[pathKey(p)]; !set {
			p = []string{"initiatives", "trailer"}
		}
		d.fail(p, "the acknowledgement trailer and initiatives.trailer are both %q; give them different names", c.Acknowledgement.Trailer)
	}
}

func (d *decoder) documents(c *Config, v any) {
	path := []string{"documents"}
	m, ok := d.table(path, v, documentsKeys...)
	if !ok {
		return
	}
	if v, ok := m["globs"]; ok {
		p := with(path, "globs")
		if g, ok := d.globs(p, v); ok {
			if len(g) == 0 {
				d.fail(p, "empty: no file would be a PRFAQ document; list at least one glob, or remove the key for the default")
			} else {
				c.Documents.Globs = g
			}
		}
	}
	if v, ok := m["max_bytes"]; ok {
		if n, ok := d.integer(with(path, "max_bytes"), v, 1, "a number of bytes above 0"); ok {
			c.Documents.MaxBytes = n
		}
	}
}

func (d *decoder) pressRelease(c *Config, v any) {
	path := []string{"press_release"}
	m, ok := d.table(path, v, pressReleaseKeys...)
	if !ok {
		return
	}
	const why = "a number of words above 0 (to switch the rule off, set its severity to \"off\")"
	if v, ok := m["headline_max_words"]; ok {
		if n, ok := d.integer(with(path, "headline_max_words"), v, 1, why); ok {
			c.PressRelease.HeadlineMaxWords = int(n)
		}
	}
	if v, ok := m["max_words"]; ok {
		if n, ok := d.integer(with(path, "max_words"), v, 1, why); ok {
			c.PressRelease.MaxWords = int(n)
		}
	}
}

// headingKey is how section names and aliases are compared: as the parser
// matches headings, case-insensitively after trimming blanks and a trailing
// colon.
func headingKey(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, ":"))
	return strings.ToLower(s)
}

// tables returns the entries of an array of tables, written either as
// [[name]] headers or as an array of inline tables.
func (d *decoder) tables(path []string, v any) ([]any, bool) {
	switch v := v.(type) {
	case []map[string]any:
		out := make([]any, len(v))
		for i, m := range v {
			out[i] = m
		}
		return out, true
	case []any:
		return v, true
	}
	if _, isTable := v.(map[string]any); isTable {
		d.fail(path, "want [[sections]] tables, got a table; write each header with two brackets: [[sections]]")
		return nil, false
	}
	d.fail(path, "want [[sections]] tables, got %s", describe(v))
	return nil, false
}

func (d *decoder) sections(c *Config, v any) {
	path := []string{"sections"}
	entries, ok := d.tables(path, v)
	if !ok {
		return
	}
	if len(entries) == 0 {
		d.fail(path, "empty: list the sections as [[sections]] tables, or remove the key for the default list")
		return
	}
	type owner struct {
		where string
		name  string
	}
	seen := map[string]owner{}
	claim := func(p []string, heading, section string) bool {
		k := headingKey(heading)
		if k == "" {
			d.fail(p, "empty heading; write the heading text, or remove it")
			return false
		}
		if o, dup := seen[k]; dup {
			d.fail(p, "heading %s is already used by %s (%q); each name and alias may appear once, compared case-insensitively", quoteShort(heading), o.where, o.name)
			return false
		}
		seen[k] = owner{where: display(p[:2]), name: section}
		return true
	}
	var out []Section
	metricsAt := ""
	valid := true
	for i, e := range entries {
		p := with(path, index(i))
		m, ok := d.table(p, e, sectionKeys...)
		if !ok {
			valid = false
			continue
		}
		s := Section{Aliases: []string{}, Kind: prfaq.KindProse, Required: true}
		nv, hasName := m["name"]
		if !hasName {
			d.fail(p, "missing name; add name = \"<the section's heading>\"")
			valid = false
		} else if name, ok := d.str(with(p, "name"), nv); !ok {
			valid = false
		} else if strings.TrimSpace(name) == "" {
			d.fail(with(p, "name"), "empty; write the section's heading")
			valid = false
		} else {
			s.Name = strings.TrimSpace(name)
			valid = claim(with(p, "name"), s.Name, s.Name) && valid
		}
		if av, ok := m["aliases"]; ok {
			ap := with(p, "aliases")
			if list, ok := d.strings(ap, av); ok {
				for j, a := range list {
					a = strings.TrimSpace(a)
					if claim(with(ap, index(j)), a, s.Name) {
						s.Aliases = append(s.Aliases, a)
					} else {
						valid = false
					}
				}
			} else {
				valid = false
			}
		}
		if kv, ok := m["kind"]; ok {
			kp := with(p, "kind")
			if k, ok := d.str(kp, kv); !ok {
				valid = false
			} else {
				switch kind := prfaq.SectionKind(k); kind {
				case prfaq.KindProse, prfaq.KindFAQ:
					s.Kind = kind
				case prfaq.KindMetrics:
					s.Kind = kind
					if metricsAt != "" {
						d.fail(kp, "a second \"metrics\" section; only one section holds the success-metrics table (already %s)", metricsAt)
						valid = false
					}
					metricsAt = display(p)
					if s.Name != "" {
						metricsAt += fmt.Sprintf(" %q", s.Name)
					}
				default:
					d.fail(kp, "want \"prose\", \"faq\" or \"metrics\", got %s", quoteShort(k))
					valid = false
				}
			}
		}
		if pv, ok := m["part"]; ok {
			if part, ok := d.part(with(p, "part"), pv, s.Kind); ok {
				s.Part, s.PartSet = part, true
			} else {
				valid = false
			}
		}
		if rv, ok := m["required"]; ok {
			if b, ok := d.boolean(with(p, "required"), rv); ok {
				s.Required = b
			} else {
				valid = false
			}
		}
		if mv, ok := m["min_words"]; ok {
			if n, ok := d.integer(with(p, "min_words"), mv, 0, "a number of words, 0 or more"); ok {
				s.MinWords = int(n)
			} else {
				valid = false
			}
		}
		out = append(out, s)
	}
	if !valid {
		return
	}
	if metricsAt == "" {
		d.fail(path, "no section has kind = \"metrics\"; add one for the success-metrics table")
		return
	}
	if !d.uniqueParts(path, out) {
		return
	}
	inferParts(out)
	c.Sections = out
}

// part reads a section's part: one of prfaq.Parts, of the section's kind,
// or "none" for a section found by its heading only.
func (d *decoder) part(p []string, v any, kind prfaq.SectionKind) (prfaq.Part, bool) {
	s, ok := d.str(p, v)
	if !ok {
		return "", false
	}
	if s == "none" {
		return "", true
	}
	var names []string
	for _, part := range prfaq.Parts() {
		names = append(names, string(part))
		if string(part) == s {
			if part.Kind() != kind {
				d.fail(p, "part %q is held by a section of kind %q, not %q; set kind = %q or choose another part", s, part.Kind(), kind, part.Kind())
				return "", false
			}
			return part, true
		}
	}
	d.fail(p, "want one of %s or \"none\", got %s", strings.Join(names, ", "), quoteShort(s))
	return "", false
}

// uniqueParts refuses two sections that set the same part.
func (d *decoder) uniqueParts(path []string, ss []Section) bool {
	seen := map[prfaq.Part]string{}
	ok := true
	for i, s := range ss {
		if !s.PartSet || s.Part == "" {
			continue
		}
		if other, dup := seen[s.Part]; dup {
			d.fail(with(with(path, index(i)), "part"), "part %q is already held by %q; each part belongs to one section", s.Part, other)
			ok = false
		}
		seen[s.Part] = s.Name
	}
	return ok
}

// inferParts gives a section without a part key the part its name or an
// alias means ("Häufige Fragen" is the FAQ), when that part is of the
// section's kind and no other section has it: a configuration written
// before parts existed still reads every shape.
func inferParts(ss []Section) {
	taken := map[prfaq.Part]bool{}
	for _, s := range ss {
		if s.Part != "" {
			taken[s.Part] = true
		}
	}
	for i := range ss {
		s := &ss[i]
		if s.PartSet {
			continue
		}
		for _, name := range append([]string{s.Name}, s.Aliases...) {
			part := prfaq.PartOf(name)
			if part == "" || part.Kind() != s.Kind || taken[part] {
				continue
			}
			s.Part, taken[part] = part, true
			break
		}
	}
}

func (d *decoder) metrics(c *Config, v any) {
	path := []string{"metrics"}
	m, ok := d.table(path, v, metricsKeys...)
	if !ok {
		return
	}
	if v, ok := m["absent_baseline"]; ok {
		if list, ok := d.strings(with(path, "absent_baseline"), v); ok {
			c.Metrics.AbsentBaseline = list
		}
	}
	if v, ok := m["allow_absent_baseline"]; ok {
		if b, ok := d.boolean(with(path, "allow_absent_baseline"), v); ok {
			c.Metrics.AllowAbsentBaseline = b
		}
	}
	if v, ok := m["columns"]; ok {
		d.columns(c, v)
	}
}

func (d *decoder) columns(c *Config, v any) {
	path := []string{"metrics", "columns"}
	m, ok := d.table(path, v, fieldNames()...)
	if !ok {
		return
	}
	for _, f := range prfaq.Fields {
		v, ok := m[string(f)]
		if !ok {
			continue
		}
		p := with(path, string(f))
		list, ok := d.strings(p, v)
		if !ok {
			continue
		}
		if len(list) == 0 {
			d.fail(p, "empty: the %s column could never be found; list at least one header name, or remove the key for the default", f)
			continue
		}
		c.Metrics.Columns[f] = list
	}
	// A header name may mean one field only.
	seen := map[string]prfaq.Field{}
	for _, f := range prfaq.Fields {
		for j, h := range c.Metrics.Columns[f] {
			k := strings.ToLower(strings.TrimSpace(h))
			if prev, dup := seen[k]; dup {
				p := with(path, string(f), index(j))
				if _, given := m[string(f)]; !given {
					p = with(path, string(prev))
				}
				d.fail(p, "header %s would mean both %s and %s; keep it under one field", quoteShort(h), prev, f)
				continue
			}
			seen[k] = f
		}
	}
}

func (d *decoder) placeholders(c *Config, v any) {
	path := []string{"placeholders"}
	m, ok := d.table(path, v, placeholderKeys...)
	if !ok {
		return
	}
	if v, ok := m["patterns"]; ok {
		p := with(path, "patterns")
		if list, ok := d.strings(p, v); ok {
			var res []*regexp.Regexp
			for i, pat := range list {
				re, err := regexp.Compile(pat)
				if err != nil {
					d.fail(with(p, index(i)), "invalid regular expression %s: %s (Go RE2 syntax: https://golang.org/s/re2syntax)", quoteShort(pat), regexpProblem(err))
					ok = false
					continue
				}
				if re.MatchString("") {
					d.fail(with(p, index(i)), "%s matches empty text, so it would flag every document; make it match at least one character", quoteShort(pat))
					ok = false
					continue
				}
				res = append(res, re)
			}
			if ok {
				c.Placeholders.Patterns = list
				c.placeholderREs = res
				if slices.Equal(list, defaultPatterns()) {
					c.placeholderREs = nil // the defaults, as Default keeps them
				}
			}
		}
	}
	if v, ok := m["template_sentences"]; ok {
		if b, ok := d.boolean(with(path, "template_sentences"), v); ok {
			c.Placeholders.TemplateSentences = b
		}
	}
}

// regexpProblem is the part of a regexp error that says what is wrong,
// e.g. "missing closing )".
func regexpProblem(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		return se.Code.String()
	}
	return oneLine(strings.TrimPrefix(err.Error(), "error parsing regexp: "))
}

func (d *decoder) initiatives(c *Config, v any) {
	path := []string{"initiatives"}
	m, ok := d.table(path, v, initiativeKeys...)
	if !ok {
		return
	}
	if v, ok := m["roots"]; ok {
		if g, ok := d.globs(with(path, "roots"), v); ok {
			c.Initiatives.Roots = g
		}
	}
	if v, ok := m["trailer"]; ok {
		if t, ok := d.trailer(with(path, "trailer"), v); ok {
			c.Initiatives.Trailer = t
		}
	}
	if v, ok := m["branches"]; ok {
		if g, ok := d.globs(with(path, "branches"), v); ok {
			c.Initiatives.Branches = g
		}
	}
}

func (d *decoder) acknowledgement(c *Config, v any) {
	path := []string{"acknowledgement"}
	m, ok := d.table(path, v, ackKeys...)
	if !ok {
		return
	}
	if v, ok := m["trailer"]; ok {
		if t, ok := d.trailer(with(path, "trailer"), v); ok {
			c.Acknowledgement.Trailer = t
		}
	}
	if v, ok := m["labels"]; ok {
		if list, ok := d.strings(with(path, "labels"), v); ok {
			c.Acknowledgement.Labels = list
		}
	}
}

func (d *decoder) hooks(c *Config, v any) {
	path := []string{"hooks"}
	m, ok := d.table(path, v, hooksKeys...)
	if !ok {
		return
	}
	if v, ok := m["fail_on"]; ok {
		p := with(path, "fail_on")
		s, ok := v.(string)
		if !ok || !FailOn(s).Valid() {
			d.fail(p, "want \"error\", \"warning\" or \"never\", got %s", describeSeverity(v))
			return
		}
		c.Hooks.FailOn = FailOn(s)
	}
}

func (d *decoder) baseline(c *Config, v any) {
	path := []string{"baseline"}
	m, ok := d.table(path, v, baselineKeys...)
	if !ok {
		return
	}
	if v, ok := m["file"]; ok {
		p := with(path, "file")
		s, ok := d.str(p, v)
		if !ok {
			return
		}
		if s != "" && (strings.HasPrefix(s, "/") || strings.Contains(s, "\\") || slices.Contains(strings.Split(s, "/"), "..") || slices.Contains(strings.Split(s, "/"), "") || strings.ContainsFunc(s, unicode.IsControl)) {
			d.fail(p, "want a slash path inside the repository, from its root, such as \".prfaq-baseline.json\", got %q", s)
			return
		}
		c.Baseline.File = s
	}
}

func (d *decoder) severity(c *Config, v any) {
	path := []string{"severity"}
	m, ok := v.(map[string]any)
	if !ok {
		d.fail(path, "want a table, got %s", describe(v))
		return
	}
	rules := rule.IDs()
	for _, k := range sortedKeys(m) {
		sv := m[k]
		p := with(path, k)
		if !contains(rules, k) {
			d.errs = append(d.errs, &FileError{File: d.file, Line: d.lines.lineOf(p), Key: "severity",
				Msg: fmt.Sprintf("unknown rule %s (known: %s)", quoteShort(k), strings.Join(rules, ", "))})
			continue
		}
		s, ok := sv.(string)
		if !ok || !rule.Severity(s).Valid() {
			d.fail(p, "want \"error\", \"warning\" or \"off\", got %s", describeSeverity(sv))
			continue
		}
		c.Severity[k] = rule.Severity(s)
	}
}

func describeSeverity(v any) string {
	if s, ok := v.(string); ok {
		return quoteShort(s)
	}
	return describe(v)
}
