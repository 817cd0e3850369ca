package prfaq

import (
	_ "embed"
	"regexp"
	"strings"
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
	r := strings.NewReplacer("{{title}}", title, "{{owner}}", strings.ReplaceAll(owner, `"`, `\"`))
	return []byte(r.Replace(template))
}

var marker = regexp.MustCompile(`<[^<>\n]+>`)

// TemplateSentences are the template's guidance texts, without their angle
// brackets: a writer who deletes the brackets but keeps the words has still
// not written the section.
func TemplateSentences() []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range marker.FindAllString(template, -1) {
		s := strings.Trim(m, "<>")
		if len(strings.Fields(s)) >= 3 && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
