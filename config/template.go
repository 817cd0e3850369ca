package config

import _ "embed"

//go:embed template.toml
var template []byte

// Template returns the commented .prfaq.toml that `git prfaq init` writes.
// It shows every key with its default, commented out so that the file pins
// nothing: parsed as it is, it gives Default(). The tests prove that
// uncommenting every key gives Default() too, so it cannot drift from the
// defaults. The slice is fresh.
func Template() []byte {
	return append([]byte(nil), template...)
}
