// Package action holds the tests of the GitHub Action: action.yml at the
// repository root, whose logic is the script run.sh in this directory, and
// the example workflow in examples/. It has no Go code of its own.
package action
