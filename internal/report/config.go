package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/prfaq/git-prfaq/config"
)

// This file writes what `git prfaq config` prints: the effective
// configuration, each value with where it came from.

// ConfigSource is what a configuration was read from.
type ConfigSource struct {
	// File names the .prfaq.toml in sources: ".prfaq.toml", or
	// "REV:.prfaq.toml" for one committed at a revision.
	File string
	// Exists: the file was there (else every value is a default).
	Exists bool
	// Rev is the commit it was read at ("" for the work tree).
	Rev string
}

// ConfigTOML writes the settings as a .prfaq.toml that gives the same
// configuration, each value followed by a comment saying where it came
// from (default, or FILE:LINE).
func ConfigTOML(w io.Writer, settings []config.Setting, src ConfigSource) error {
	var b strings.Builder
	switch {
	case src.Rev != "":
		fmt.Fprintf(&b, "# The policy committed at %s: what a range from it is checked with.\n", src.Rev)
	default:
		b.WriteString("# The effective configuration of this work tree.\n")
	}
	if src.Exists {
		fmt.Fprintf(&b, "# %s over the defaults; each value says where it came from.\n", src.File)
	} else {
		fmt.Fprintf(&b, "# No %s: every value is a default.\n", src.File)
	}
	table, index := "", -1
	for _, s := range settings {
		switch {
		case s.Index >= 0 && s.Index != index:
			fmt.Fprintf(&b, "\n[[sections]]\n")
		case s.Index < 0 && s.Table != table:
			fmt.Fprintf(&b, "\n[%s]\n", s.Table)
		}
		table, index = s.Table, s.Index
		fmt.Fprintf(&b, "%s = %s # %s\n", s.Name, tomlValue(s.Value), textLine(s.Source(src.File)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// tomlValue writes a setting's value as TOML.
func tomlValue(v any) string {
	switch v := v.(type) {
	case string:
		return tomlString(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case bool:
		return strconv.FormatBool(v)
	case []string:
		parts := make([]string, len(v))
		for i, s := range v {
			parts[i] = tomlString(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return tomlString(fmt.Sprint(v))
}

// tomlString is a TOML basic string: what TOML escapes, escaped, and
// every other control character as \uXXXX, so that nothing printed can
// move the terminal or end the line.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ConfigJSON writes the settings as JSON:
// {"file", "exists", "rev", "settings": [{"key", "value", "source"}]}, the
// settings in the template's order. The keys are part of the CLI.
func ConfigJSON(w io.Writer, settings []config.Setting, src ConfigSource) error {
	type setting struct {
		Key    string `json:"key"`
		Value  any    `json:"value"`
		Source string `json:"source"`
	}
	out := struct {
		File     string    `json:"file"`
		Exists   bool      `json:"exists"`
		Rev      string    `json:"rev,omitempty"`
		Settings []setting `json:"settings"`
	}{File: src.File, Exists: src.Exists, Rev: src.Rev, Settings: []setting{}}
	for _, s := range settings {
		out.Settings = append(out.Settings, setting{Key: s.Key, Value: s.Value, Source: s.Source(src.File)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
