//go:build tools

// Package pin keeps in go.mod the version of a dependency that the module
// pins before its first import: github.com/xuri/excelize/v2 at v2.11.0 (the
// later v2.11.1 needs a version of github.com/xuri/efp that the module proxy
// does not serve). It is never built.
package pin

import _ "github.com/xuri/excelize/v2"
