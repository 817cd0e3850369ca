package prfaq

import (
	"fmt"

	"github.com/prfaq/git-prfaq/internal/tomlguard"
)

// MaxFrontMatterBytes bounds the TOML between the +++ lines: real front
// matter is a few lines, and the TOML decoder is not made for hostile
// input (see tomlguard).
const MaxFrontMatterBytes = 64 << 10

// guardFrontMatter refuses front matter too large or too deep to decode
// in bounded time and memory, before the decoder sees it.
func guardFrontMatter(body []byte) *FrontMatterError {
	if len(body) > MaxFrontMatterBytes {
		return &FrontMatterError{Pos: Pos{1, 1}, Msg: fmt.Sprintf("front matter is %d bytes, more than the %d a PRFAQ's front matter may have: keep it to a few lines (status, owner)", len(body), MaxFrontMatterBytes)}
	}
	if err := tomlguard.Check(body, tomlguard.MaxDepth); err != nil {
		// +1: the block starts on the line after the opening +++.
		return &FrontMatterError{Pos: Pos{err.Line + 1, 1}, Msg: "front matter not read: " + err.Msg}
	}
	return nil
}
