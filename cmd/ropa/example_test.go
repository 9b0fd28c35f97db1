package main

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// Checking a register read from standard input, as
// `git show HEAD:register.yaml | ropa check --at 2026-11-21 -` does.
func Example() {
	register := "schema: openropa/v1\norganisation: {name: Example NV, email: privacy@example.be, employees: 300}\n"
	status := run([]string{"check", "--at", "2026-11-21", "-"}, env{
		stdin: strings.NewReader(register), stdout: os.Stdout, stderr: os.Stdout, now: time.Now,
	})
	fmt.Println("exit status", status)
	// Output:
	// <stdin>:2:72: info art-30-5-exemption [Art. 30(5) GDPR] organisation.employees with 300 employees the organisation cannot rely on the exemption of Art. 30(5): the record is required
	// <stdin>: 0 errors, 0 warnings, 1 info (checked as of 2026-11-21)
	// exit status 0
}
