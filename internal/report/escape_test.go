package report

import "testing"

func TestEscapeLine(t *testing.T) {
	for in, want := range map[string]string{
		"services/pay/PRFAQ.md: ok":            "services/pay/PRFAQ.md: ok",
		"x\n::error::pwned/PRFAQ.md":           `x\x0a::error::pwned/PRFAQ.md`,
		"cr\r::warning::x":                     `cr\x0d::warning::x`,
		"\x1b[2Jclear":                         `\x1b[2Jclear`,
		"see ##[add-mask]secret, ###[a], #[b]": `see ##\x5badd-mask]secret, ###\x5ba], #[b]`,
		"tab\tstays":                           "tab\tstays",
	} {
		if got := EscapeLine(in); got != want {
			t.Errorf("EscapeLine(%q) = %q, want %q", in, got, want)
		}
	}
}
