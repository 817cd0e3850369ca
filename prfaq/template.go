package prfaq

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
)

//go:embed template.md
var template string

// Template returns the skeleton `git prfaq new` writes. It fails the check
// until every marker is replaced: each is an angle-bracket placeholder.
func Template(title, owner string) []byte {
	if title == "" {
		title = "<Headline: Company launches product to help customers do something>"
	}
	if owner == "" {
		owner = "<Your Name <you@example.com>>"
	}
	r := strings.NewReplacer("{{title}}", title, "{{owner}}", tomlEscape(owner))
	return []byte(r.Replace(template))
}

// tomlEscape makes s the inside of a TOML basic string ("..."): a
// backslash (CORP\jdoe), a quote or a control character in a name from
// git config would otherwise end the string or make it invalid.
func tomlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var marker = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<[^<>\n]+>`) })

// TemplateSentences are the template's guidance texts, without their angle
// brackets: a writer who deletes the brackets but keeps the words has still
// not written the section.
func TemplateSentences() []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range marker().FindAllString(template, -1) {
		s := strings.Trim(m, "<>")
		if len(strings.Fields(s)) >= 3 && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
