package config

import (
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

func fuzzSeeds(f *testing.F) {
	f.Add(Template())
	f.Add(uncomment(Template()))
	for _, s := range []string{
		"",
		"[documents]\nglobs = ['docs/{a,b}/*.md']\nmax_bytes = 10\n",
		"[[sections]]\nname = 'Ziele'\nkind = 'metrics'\n[[sections]]\nname = 'FAQ'\nkind = 'faq'\n",
		"sections = [{name = 'M', kind = 'metrics', aliases = ['m2']}]\n",
		"[severity]\nplaceholder = 'off'\nmetric-weak = 'x'\n",
		"[placeholders]\npatterns = ['(', 'x*', '\\bTODO\\b']\n",
		"a = \"\"\"\nb\n\"\"\"\n[t]\nc = [1,\n2]\n",
		"[metrics.columns]\nby = ['Goal']\n",
		"documents = { globs = [\n'x'], max_bytes = -1 }\n",
		"\ufeff[initiatives]\r\nroots = ['services/*']\r\ntrailer = 'A'\r\n[acknowledgement]\r\ntrailer = 'a'\r\n",
	} {
		f.Add([]byte(s))
	}
}

// FuzzParse: Parse never panics, every error is a one-line *FileError with a
// line inside the file, and every accepted configuration is coherent.
func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(".prfaq.toml", data)
		if err != nil {
			fe, ok := err.(*FileError)
			if !ok {
				t.Fatalf("error %T is not a *FileError: %v", err, err)
			}
			if c != nil {
				t.Fatal("a config came with the error")
			}
			msg := err.Error()
			if strings.ContainsAny(msg, "\n\r") || !strings.HasPrefix(msg, ".prfaq.toml") {
				t.Fatalf("bad message %q", msg)
			}
			if n := strings.Count(string(data), "\n") + 1; fe.Line < 0 || fe.Line > n {
				t.Fatalf("line %d outside the file's %d lines: %q", fe.Line, n, msg)
			}
			return
		}
		metrics := 0
		for _, s := range c.Sections {
			if strings.TrimSpace(s.Name) == "" {
				t.Fatal("a section without a name")
			}
			switch s.Kind {
			case prfaq.KindMetrics:
				metrics++
			case prfaq.KindProse, prfaq.KindFAQ:
			default:
				t.Fatalf("kind %q", s.Kind)
			}
			if s.MinWords < 0 {
				t.Fatal("negative min_words")
			}
		}
		if metrics != 1 {
			t.Fatalf("%d metrics sections", metrics)
		}
		if c.Documents.MaxBytes <= 0 || c.PressRelease.MaxWords <= 0 || c.PressRelease.HeadlineMaxWords <= 0 || len(c.Documents.Globs) == 0 {
			t.Fatalf("bad limits %+v %+v", c.Documents, c.PressRelease)
		}
		for _, id := range rule.IDs() {
			if !c.SeverityOf(id).Valid() || !c.Severity[id].Valid() {
				t.Fatalf("severity of %s: %q", id, c.Severity[id])
			}
		}
		if len(c.Severity) != len(rule.IDs()) {
			t.Fatal("extra severities")
		}
		if len(c.PlaceholderPatterns()) != len(c.Placeholders.Patterns) || !c.compiledCurrent() {
			t.Fatal("patterns not compiled")
		}
		for _, re := range c.PlaceholderPatterns() {
			if re.MatchString("") {
				t.Fatalf("pattern %q matches empty text", re)
			}
		}
		spec := c.Spec()
		if len(spec.Sections) != len(c.Sections) || len(spec.Columns) != len(prfaq.Fields) {
			t.Fatal("spec incomplete")
		}
		if len(c.DocumentPathspecs()) == 0 {
			t.Fatal("no pathspecs")
		}
		for _, path := range []string{"PRFAQ.md", "docs/prfaq/x.md", "a/b", ""} {
			c.IsDocument(path)
			c.IsInitiativeRoot(path)
			c.InitiativeDir(path)
			c.InitiativeBranch(path)
		}
		if c.Initiatives.Trailer == "" || strings.EqualFold(c.Initiatives.Trailer, c.Acknowledgement.Trailer) {
			t.Fatal("bad trailers")
		}
	})
}

// FuzzKeyLines: the line scanner never panics or hangs, and where the toml
// package records an unambiguous position for a key, the two agree.
func FuzzKeyLines(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		src := string(data)
		lines := scanKeyLines(src)
		n := strings.Count(src, "\n") + 1
		for k, l := range lines {
			if l < 1 || l > n {
				t.Fatalf("key %q at line %d of %d", k, l, n)
			}
		}
		checkAgainstLibrary(t, src)
	})
}
