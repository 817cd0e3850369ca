//go:build !unix

package safefile

func mkfifo(string) error { return nil }
