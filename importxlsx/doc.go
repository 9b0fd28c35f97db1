// Package importxlsx brings a register of processing activities in from a
// spreadsheet: the generic workbook that export.WriteXLSX writes, in
// English, Dutch, French or German; the GBA workbook it writes in Dutch or
// French (Layout GBA; see readGBA: its columns and the lines of its
// further-information column read into their fields, the words learnt
// from a workbook export writes, as for the generic workbook; each
// purpose gets the row's lawful bases and conditions, which the layout
// gives for the row; retention terms read with retention.Parse); and the ICO's documentation template
// for controllers as a DPO fills it (Layout ICO; see readICO's columns:
// one activity to a row of the sheet Template, its columns A-AD known by
// their headings wherever the heading row is; merged cells count for each
// cell they cover; blank rows are skipped; several values to a cell are
// split at line breaks and semicolons, except in a workbook of ropa export,
// known by its further-information column, whose cells are read as the
// export words them, a value to a line; the id of an activity is its
// business function and first purpose in lower-case words joined by
// hyphens, "hr-payroll", or gets "-row-N" when that is empty or taken;
// columns with no place in the model go to the activity's notes with
// their heading and cell; above the headings, a table of the organisation,
// its DPO and representative under Name, Address, Email and Telephone, as
// ropa export writes it, is read, any other cell kept in the register's
// notes), and the CNIL's model register
// (registre-traitement-simplifie) as a DPO fills it (Layout CNIL; see
// readCNIL: the contact blocks and the list of the sheet
// 2_-_Liste_des_traitements, and every sheet whose column A holds the
// labels of the fiche de registre, whatever its name, its fields found by
// their labels wherever rows were inserted or removed; fiches matched to
// the list's rows by N° / RÉF, then by name; the words of the model's
// drop-down lists read as kinds of persons and recipients, technical
// measures and Chapter V mechanisms, "Privacy shield" as the ended
// mechanism; the drop-down placeholder read as an empty cell).
//
// Read returns the register, in the openropa/v1 model (ropa.Marshal and
// ropa.MarshalYAML write it), and the import problems: every cell that could
// not be mapped or parsed, named by sheet and cell ('Purposes and bases'!D3).
// Nothing is dropped silently: each problem is also appended to the notes of
// the activity whose row it is in, or to the register's notes. Result.Cell
// and Result.Locate give the cell an element (or a finding) comes from.
//
// The reader knows the generic workbook's sheets and columns by their names
// and headings in the workbook's language, learnt from export.WriteXLSX
// itself: a column the exporter adds is reported, with its cells, until the
// reader maps it. Free text in the basis and retention columns is read with
// lawfulbasis.ParseBases and retention.Parse, keeping the original words.
//
// The generic workbook reads back exactly: export, import and export again
// give the same canonical JSON. What its cells word together for people
// (a party's name, address and contacts in one cell, an owner, the grounds
// of automated decisions, a retention term's extension) it also holds field
// by field: every party and contact on the Parties sheet, a row each,
// named by its path (entities[0], activities[3].dpo), and the others in
// columns of their own. Those are read; a worded cell that says otherwise
// than them is a problem at the cell. A workbook without them (written
// before it had them) is read from its worded cells.
//
// Sheets are read in one pass each with a scanner of their XML over the
// zip entry, shared strings resolved once; only a cell that is not plain
// text (a number, a date, a boolean, text under a number format) is asked
// of excelize, which formats it as Excel shows it.
//
// # Bounds
//
// An XLSX file is a zip archive of XML. Before excelize opens it, Read
// checks it with archive/zip against Limits (DefaultLimits unless
// WithLimits says): at most 256 MiB of file and 10,000 entries; each entry
// declaring at most 512 MiB uncompressed, 2 GiB in all, and a compression
// ratio of at most 1000 for entries over 1 MiB (archive/zip refuses an entry
// longer than it declares); no document type declaration (and so no XML
// entity) in the first 4 KiB of any XML part; no link to an external
// workbook. excelize then opens it with UnzipSizeLimit set to the total and
// UnzipXMLSizeLimit to at most 64 MiB (larger parts go to temporary files).
// Reading stops with an error past 1,048,576 rows or 16,384 columns in a
// sheet, 20 million non-empty cells, shared strings of more than the entry
// size, or a tag of more than 1 MiB. A file that is not a workbook at all
// gives ErrNotWorkbook; a file over a limit ErrLimit; refused content
// ErrUnsafe.
package importxlsx
