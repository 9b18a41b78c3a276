//go:build !unix

package store

import "os"

// processAlive reports whether process pid exists: on Windows, finding it
// opens a handle, which fails once it is gone.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}

// umask is nothing where files have no Unix modes.
func umask() os.FileMode { return 0 }
