// Command ropa checks records of processing activities (Art. 30 GDPR) kept
// as YAML or JSON registers, and exports them.
//
// Usage:
//
//	ropa check [--at YYYY-MM-DD] [--format text|json] [--input yaml|json] FILE...
//	ropa export --format xlsx|json|report [--layout generic|gba|ico|cnil] [--lang en|nl|fr|de] [--at YYYY-MM-DD] [--input yaml|json] -o OUT FILE
//	ropa rules [--format text|json]
//	ropa schema
//	ropa help [COMMAND]
//
// check loads and checks each register as of a date (today by default). It
// exits 0 when no finding is an error, 1 when one is, and 2 when a file
// cannot be loaded or the arguments are wrong. rules prints the catalogue of
// rules; schema prints the JSON Schema of the register format. export writes
// a register as an XLSX workbook (in the generic layout or one of a
// supervisory authority; the gba layout in Dutch or French only), as
// canonical JSON, or as a JSON report with the findings of its check; it
// exits 0 when the export is written and 2 when it is not.
//
// A FILE of - reads standard input. The format of a register is the one its
// extension names (.json, .yaml, .yml); without one, as for - or /dev/fd/63,
// it is JSON when the first character other than white space is "{" and
// YAML otherwise; --input yaml or --input json forces it. Messages name
// standard input <stdin>.
//
// -o - writes to standard output, and only once the export is whole. An
// output file is replaced only when the whole export succeeded, and keeps
// its mode, owner and group (a new file gets 0666 less the umask); a
// symbolic link is followed and stays a link; a device or FIFO is written
// through, and /dev/stdout or /dev/fd/N the descriptor already open; a
// read-only file or one with several hard links is refused. On SIGINT or
// SIGTERM the temporary file is removed.
//
// ropa -h, ropa help and ropa COMMAND -h (or --help) print the usage on
// standard output and exit 0; wrong arguments print what is wrong and the
// usage on standard error and exit 2. Everything the command does is a call
// of the library.
package main

import (
	"os"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, now: time.Now}))
}
