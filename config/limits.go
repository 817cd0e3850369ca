package config

import "github.com/prfaq/git-prfaq/internal/tomlguard"

// guardDepth refuses a configuration whose keys or values nest deeper than
// tomlguard.MaxDepth before the TOML decoder sees it: the decoder's time
// and memory grow with the square of the depth (a 20 KB file of one dotted
// key took 0.8 GB), and no real configuration is more than three deep.
func guardDepth(name string, data []byte) *FileError {
	if err := tomlguard.Check(data, tomlguard.MaxDepth); err != nil {
		return &FileError{File: name, Line: err.Line, Msg: err.Msg}
	}
	return nil
}
