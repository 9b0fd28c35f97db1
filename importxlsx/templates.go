package importxlsx

import (
	"fmt"

	"github.com/openropa/registry/lang"
)

func readICO(wb *workbook, l lang.Lang) (*Result, error)  { return nil, fmt.Errorf("ico: not yet") }
func readCNIL(wb *workbook, l lang.Lang) (*Result, error) { return nil, fmt.Errorf("cnil: not yet") }
