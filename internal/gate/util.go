package gate

import (
	"strings"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/scan"
)

// rootPathspecs selects the files under initiatives.roots.
func rootPathspecs(cfg *config.Config) []string {
	var out []string
	for _, r := range cfg.Initiatives.Roots {
		out = append(out, ":(top,glob)"+strings.TrimSuffix(r, "/")+"/**")
	}
	return out
}

func paths(files []scan.File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Path
	}
	return out
}

func fileOf(files []scan.File, path string) scan.File {
	for _, f := range files {
		if f.Path == path {
			return f
		}
	}
	return scan.File{}
}

// values returns the values of the trailers named key, in order (trailer
// keys compare case-insensitively, as git's do).
func values(ts []gitcmd.Trailer, key string) []string {
	var out []string
	for _, t := range ts {
		if strings.EqualFold(t.Key, key) && strings.TrimSpace(t.Value) != "" {
			out = append(out, strings.TrimSpace(t.Value))
		}
	}
	return out
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

func equalFold(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), b) }
