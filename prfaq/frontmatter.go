package prfaq

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// splitFrontMatter reads a +++ TOML block at the start of src. It returns
// the front matter and src with the block's bytes blanked (newlines kept),
// so the Markdown parser sees the same line numbers.
func splitFrontMatter(src []byte) (FrontMatter, []byte) {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	switch strings.TrimRight(string(first), " \t") {
	case "+++":
		return readTOMLFrontMatter(src)
	case "---":
		return rejectYAMLFrontMatter(src)
	}
	return FrontMatter{}, src
}

func readTOMLFrontMatter(src []byte) (FrontMatter, []byte) {
	fm := FrontMatter{Present: true, Pos: Pos{1, 1}, StatusPos: Pos{1, 1}}
	end, closeLine := closingFence(src, "+++")
	if end < 0 {
		fm.Err = &FrontMatterError{Pos: Pos{1, 1}, Msg: "front matter opened with +++ on line 1 is never closed: add a +++ line after it"}
		return fm, src
	}
	fm.EndLine = closeLine
	body := src[bytes.IndexByte(src, '\n')+1 : lineStart(src, closeLine)]
	if fm.Err = guardFrontMatter(body); fm.Err != nil {
		return fm, blank(src, end)
	}
	var fields map[string]any
	_, err := toml.Decode(string(body), &fields)
	if err != nil {
		fm.Err = tomlError(err)
		return fm, blank(src, end)
	}
	fm.Fields = fields
	fm.Err = readKnownFields(&fm, fields, body)
	return fm, blank(src, end)
}

// readKnownFields takes status and owner out of the decoded table.
func readKnownFields(fm *FrontMatter, fields map[string]any, body []byte) *FrontMatterError {
	for _, key := range []string{"status", "owner"} {
		v, ok := fields[key]
		if !ok {
			continue
		}
		s, isString := v.(string)
		line := 1 + keyLine(body, key)
		if !isString {
			return &FrontMatterError{Pos: Pos{line, 1}, Msg: fmt.Sprintf("front matter %q must be a string, like %s = \"draft\"", key, key)}
		}
		if key == "status" {
			fm.Status = Status(s)
			fm.StatusPos = Pos{line, 1}
		} else {
			fm.Owner = s
		}
	}
	return nil
}

func rejectYAMLFrontMatter(src []byte) (FrontMatter, []byte) {
	end, _ := closingFence(src, "---")
	if end < 0 || !looksLikeYAML(src[:end]) {
		return FrontMatter{}, src // a thematic break, not front matter
	}
	fm := FrontMatter{Present: true, Pos: Pos{1, 1}, StatusPos: Pos{1, 1}}
	fm.Err = &FrontMatterError{Pos: Pos{1, 1}, Msg: "YAML front matter (---) is not read: write it as TOML between +++ lines, e.g. status = \"draft\""}
	return fm, blank(src, end)
}

func looksLikeYAML(block []byte) bool {
	for _, l := range strings.Split(string(block), "\n")[1:] {
		k, _, ok := strings.Cut(l, ":")
		if ok && k != "" && !strings.ContainsAny(k, " \t#") {
			return true
		}
	}
	return false
}

// closingFence finds the line that closes a fence opened on line 1. It
// returns the offset just past that line and its 1-based number, or -1.
func closingFence(src []byte, fence string) (int, int) {
	off := bytes.IndexByte(src, '\n') + 1
	if off == 0 {
		return -1, 0
	}
	for line := 2; off < len(src); line++ {
		next := bytes.IndexByte(src[off:], '\n')
		end := len(src)
		if next >= 0 {
			end = off + next
		}
		if strings.TrimRight(string(src[off:end]), " \t") == fence {
			if next >= 0 {
				end++
			}
			return end, line
		}
		if next < 0 {
			break
		}
		off = end + 1
	}
	return -1, 0
}

func lineStart(src []byte, line int) int {
	off := 0
	for n := 1; n < line; n++ {
		off += bytes.IndexByte(src[off:], '\n') + 1
	}
	return off
}

// blank replaces everything before end with newlines only.
func blank(src []byte, end int) []byte {
	out := make([]byte, len(src))
	copy(out, src)
	for i := 0; i < end; i++ {
		if out[i] != '\n' {
			out[i] = ' '
		}
	}
	return out
}

func tomlError(err error) *FrontMatterError {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		// +1: the block starts on the line after the opening +++.
		return &FrontMatterError{Pos: Pos{pe.Position.Line + 1, max(pe.Position.Col, 1)}, Msg: "front matter is not valid TOML: " + pe.Message}
	}
	return &FrontMatterError{Pos: Pos{2, 1}, Msg: "front matter is not valid TOML: " + err.Error()}
}

// keyLine finds the 1-based line of a top-level key in a TOML body (the
// toml package does not expose key positions); 1 when it cannot tell.
func keyLine(body []byte, key string) int {
	for i, l := range strings.Split(string(body), "\n") {
		k, _, ok := strings.Cut(l, "=")
		if ok && strings.Trim(strings.TrimSpace(k), `"'`) == key {
			return i + 1
		}
		if strings.HasPrefix(strings.TrimSpace(l), "[") {
			break // keys after a table header are not top-level
		}
	}
	return 1
}
