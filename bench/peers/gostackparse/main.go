// Command gostackparse parses a goroutine dump with github.com/DataDog/gostackparse
// and prints the number of goroutines read: the peer gdump's bench compares
// itself with (parse only, no grouping, no output beyond the count).
package main

import (
	"fmt"
	"os"

	"github.com/DataDog/gostackparse"

	"gdump/bench/peers/internal/dumpfile"
)

func main() {
	f := dumpfile.Open("gostackparse")
	defer f.Close()
	goroutines, errs := gostackparse.Parse(f)
	fmt.Println(len(goroutines))
	if len(errs) > 0 {
		fmt.Fprintf(os.Stderr, "%d parse errors, first: %v\n", len(errs), errs[0])
	}
}
