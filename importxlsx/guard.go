package importxlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits bound what Read accepts, so that a hostile or broken file fails
// with an error in bounded time and memory. The zero value of a field means
// its default (DefaultLimits).
type Limits struct {
	// FileSize is the largest file accepted, in bytes.
	FileSize int64
	// Entries is the largest number of entries in the zip archive.
	Entries int
	// EntrySize is the largest declared uncompressed size of one entry.
	EntrySize int64
	// TotalSize is the largest sum of the declared uncompressed sizes.
	TotalSize int64
	// Ratio is the largest ratio of an entry's uncompressed to its
	// compressed size, for entries over a mebibyte.
	Ratio int64
	// Rows is the largest number of rows read from one sheet.
	Rows int
	// Columns is the largest number of columns read from one row.
	Columns int
	// Cells is the largest number of non-empty cells read from the workbook.
	Cells int
}

// DefaultLimits are the limits Read applies unless told otherwise: 256 MiB
// of file, 10,000 zip entries, 512 MiB uncompressed per entry and 2 GiB in
// all, a compression ratio of at most 1000 for entries over 1 MiB,
// 1,048,576 rows (Excel's own limit) and 16,384 columns a sheet (Excel's),
// and 20 million non-empty cells.
var DefaultLimits = Limits{
	FileSize:  256 << 20,
	Entries:   10000,
	EntrySize: 512 << 20,
	TotalSize: 2 << 30,
	Ratio:     1000,
	Rows:      1 << 20,
	Columns:   1 << 14,
	Cells:     20_000_000,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	orDefault(&d.FileSize, l.FileSize)
	orDefault(&d.Entries, l.Entries)
	orDefault(&d.EntrySize, l.EntrySize)
	orDefault(&d.TotalSize, l.TotalSize)
	orDefault(&d.Ratio, l.Ratio)
	orDefault(&d.Rows, l.Rows)
	orDefault(&d.Columns, l.Columns)
	orDefault(&d.Cells, l.Cells)
	return d
}

// orDefault sets *d to v where v is given (positive).
func orDefault[T int | int64](d *T, v T) {
	if v > 0 {
		*d = v
	}
}

// ErrNotWorkbook is the error (wrapped) of a file that is not an XLSX
// workbook.
var ErrNotWorkbook = errors.New("not an XLSX workbook")

// ErrLimit is the error (wrapped) of a file over one of the Limits.
var ErrLimit = errors.New("over the import limits")

// ErrUnsafe is the error (wrapped) of a workbook with content Read refuses:
// a document type declaration (entity definitions) in its XML, or links to
// external workbooks.
var ErrUnsafe = errors.New("unsafe workbook content")

// prologSize is how much of each XML entry is read to look for a document
// type declaration, which can only stand before the root element.
const prologSize = 4096

// inspect checks the zip archive before excelize opens it: its size, its
// entries' declared sizes, their sum and ratio, that it holds a workbook,
// that no XML part declares a document type and that it links to no
// external workbook.
func inspect(r io.ReaderAt, size int64, lim Limits) error {
	if size > lim.FileSize {
		return fmt.Errorf("%w: the file is %d bytes, more than the %d accepted", ErrLimit, size, lim.FileSize)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		hint := ""
		if size >= 8 {
			head := make([]byte, 8)
			if _, err := r.ReadAt(head, 0); err == nil && bytes.Equal(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) {
				hint = " (an OLE compound file: an encrypted workbook or an old .xls; save it unencrypted as .xlsx)"
			}
		}
		return fmt.Errorf("%w: not a zip archive%s: %v", ErrNotWorkbook, hint, err)
	}
	if len(zr.File) > lim.Entries {
		return fmt.Errorf("%w: the archive has %d entries, more than the %d accepted", ErrLimit, len(zr.File), lim.Entries)
	}
	var total uint64
	workbook := false
	for _, f := range zr.File {
		name := f.Name
		if f.UncompressedSize64 > uint64(lim.EntrySize) {
			return fmt.Errorf("%w: entry %s declares %d bytes uncompressed, more than the %d accepted for one entry", ErrLimit, name, f.UncompressedSize64, lim.EntrySize)
		}
		total += f.UncompressedSize64
		if total > uint64(lim.TotalSize) {
			return fmt.Errorf("%w: the entries declare more than %d bytes uncompressed in all", ErrLimit, lim.TotalSize)
		}
		if f.UncompressedSize64 > 1<<20 && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > uint64(lim.Ratio) {
			return fmt.Errorf("%w: entry %s compresses %d bytes into %d, a ratio over %d (a zip bomb?)", ErrLimit, name, f.UncompressedSize64, f.CompressedSize64, lim.Ratio)
		}
		lower := strings.ToLower(name)
		if lower == "xl/workbook.xml" {
			workbook = true
		}
		if strings.HasPrefix(lower, "xl/externallinks/") {
			return fmt.Errorf("%w: the workbook links to an external workbook (%s); save a copy without external links", ErrUnsafe, name)
		}
		if strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, ".rels") {
			if err := checkProlog(f); err != nil {
				return err
			}
		}
	}
	if !workbook {
		return fmt.Errorf("%w: the zip archive has no xl/workbook.xml", ErrNotWorkbook)
	}
	return nil
}

// checkProlog refuses an XML entry whose prolog declares a document type:
// entity definitions (the "billion laughs") have no place in a workbook.
func checkProlog(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: entry %s: %v", ErrNotWorkbook, f.Name, err)
	}
	defer rc.Close()
	head, err := io.ReadAll(io.LimitReader(rc, prologSize))
	if err != nil {
		return fmt.Errorf("%w: entry %s cannot be read: %v", ErrNotWorkbook, f.Name, err)
	}
	if bytes.Contains(head, []byte("<!DOCTYPE")) || bytes.Contains(head, []byte("<!ENTITY")) {
		return fmt.Errorf("%w: entry %s declares a document type (XML entities are refused)", ErrUnsafe, f.Name)
	}
	return nil
}
