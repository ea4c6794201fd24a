// Command panicparse reads a goroutine dump with github.com/maruel/panicparse/v2
// (ScanSnapshot, then Aggregate at the default similarity, AnyPointer) and
// prints the number of goroutines and of buckets: the peer that does what
// gdump's grouping does.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/maruel/panicparse/v2/stack"

	"gdump/bench/peers/internal/dumpfile"
)

func main() {
	f := dumpfile.Open("panicparse")
	defer f.Close()
	snap, _, err := stack.ScanSnapshot(f, io.Discard, stack.DefaultOpts())
	if err != nil && err != io.EOF {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if snap == nil {
		fmt.Println("0 0")
		return
	}
	buckets := snap.Aggregate(stack.AnyPointer)
	fmt.Println(len(snap.Goroutines), len(buckets.Buckets))
}
