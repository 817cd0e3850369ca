package history

import (
	"reflect"
	"testing"

	"github.com/prfaq/git-prfaq/config"
)

func globsConfig(t *testing.T, globs string) *config.Config {
	t.Helper()
	cfg, err := config.Parse(config.FileName, []byte("[documents]\nglobs = "+globs+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestPlanPlainPathspecs: the walk over every PRFAQ asks git with plain
// pathspecs (no glob magic), a superset of the globs, and filters in Go.
func TestPlanPlainPathspecs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		globs string
		want  []string
	}{
		{`["**/PRFAQ.md"]`, []string{"*PRFAQ.md"}},
		{`["docs/**/PRFAQ.md"]`, []string{"docs/*PRFAQ.md"}},
		{`["*.prfaq.md"]`, []string{"*.prfaq.md"}},
		{`["docs/**/PRFAQ.md", "*.prfaq.md", "{a,b}/PRFAQ.md"]`, []string{"docs/*PRFAQ.md", "*.prfaq.md", "a/PRFAQ.m[d]", "b/PRFAQ.m[d]"}},
	} {
		walks, err := plan(nil, globsConfig(t, tc.globs), LogOptions{}, "HEAD")
		if err != nil {
			t.Fatal(err)
		}
		if len(walks) != 1 || !reflect.DeepEqual(walks[0].walk.pathspecs, tc.want) || walks[0].walk.keep == nil {
			t.Errorf("globs %s: walks %+v, want one with pathspecs %q and a filter", tc.globs, walks, tc.want)
		}
	}
}

// TestLogFiltersPlainPathspec: files the plain pathspecs match but the
// globs do not (a PRFAQ.md outside docs/, a *.prfaq.md below the root,
// xPRFAQ.md) have no history in the log; the documents do.
func TestLogFiltersPlainPathspec(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	all := map[string]string{
		"docs/PRFAQ.md": v18, "docs/deep/PRFAQ.md": v18, "top.prfaq.md": v18,
		"docs/xPRFAQ.md": v18, "other/docs/PRFAQ.md": v18, "sub/a.prfaq.md": v18, "PRFAQ.md": v18,
	}
	r.commit("create", all)
	raise := map[string]string{}
	for p := range all {
		raise[p] = v20
	}
	r.commit("raise", raise)
	cs, err := Log(t.Context(), r.open(), globsConfig(t, `["docs/**/PRFAQ.md", "*.prfaq.md"]`), LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, r.summary(cs), []string{
		"docs/PRFAQ.md: Conversion metric added (improved) [create]",
		"docs/deep/PRFAQ.md: Conversion metric added (improved) [create]",
		"top.prfaq.md: Conversion metric added (improved) [create]",
		"docs/PRFAQ.md: Conversion target 18% → 20% (improved) [raise]",
		"docs/deep/PRFAQ.md: Conversion target 18% → 20% (improved) [raise]",
		"top.prfaq.md: Conversion target 18% → 20% (improved) [raise]",
	})
}
