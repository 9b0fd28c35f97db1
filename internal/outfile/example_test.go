package outfile_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/openropa/registry/internal/outfile"
)

// A workbook is replaced only once its new content is whole, and keeps its
// mode.
func Example() {
	dir, err := os.MkdirTemp("", "outfile-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "register.json")
	os.WriteFile(path, []byte("last week's export"), 0o600)

	err = outfile.Write(path, func(w io.Writer) error {
		_, err := io.WriteString(w, `{"schema":"openropa/v1"}`)
		return err
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := os.ReadFile(path)
	fi, _ := os.Stat(path)
	fmt.Println(string(b), fi.Mode())

	err = outfile.Write(path, func(w io.Writer) error {
		io.WriteString(w, "half an export")
		return fmt.Errorf("the export failed")
	})
	b, _ = os.ReadFile(path)
	fmt.Println(err, "-", string(b))
	// Output:
	// {"schema":"openropa/v1"} -rw-------
	// the export failed - {"schema":"openropa/v1"}
}
