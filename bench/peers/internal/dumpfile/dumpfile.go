// Package dumpfile opens the one dump file a peer is given on its command line.
package dumpfile

import (
	"fmt"
	"os"
)

// Open opens os.Args[1], or exits with a usage line (status 2) or the error (status 1).
func Open(name string) *os.File {
	if len(os.Args) != 2 {
		fmt.Fprintf(os.Stderr, "usage: %s DUMP\n", name)
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return f
}
