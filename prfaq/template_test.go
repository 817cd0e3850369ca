package prfaq

import "testing"

// Owners come from git config: whatever they hold, the template's front
// matter stays valid TOML and gives the owner back unchanged.
func TestTemplateOwnerEscaped(t *testing.T) {
	t.Parallel()
	for _, owner := range []string{
		`CORP\jdoe <jdoe@corp.example>`,
		`Jo "JJ" O'Neil`,
		`trailing backslash \`,
		"tab\tand newline\nand \x01 and \x7f",
		`\u0041 stays literal`,
		`"""`,
	} {
		d := mustParse(t, string(Template("Example launches a thing", owner)))
		if fm := d.FrontMatter; fm.Err != nil || fm.Owner != owner {
			t.Errorf("owner %q: front matter %+v", owner, fm)
		}
	}
}
