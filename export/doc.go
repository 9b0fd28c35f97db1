// Package export writes registers of package ropa in the forms they are
// handed over in: XLSX workbooks for supervisory authorities and DPOs
// (Art. 30(4) GDPR), canonical JSON and a JSON report with the findings of a
// check for tools, and the JSON Schema of the format for editors.
//
// [WriteXLSX] writes a generic workbook (a cover sheet and one sheet per part
// of Art. 30, with the findings) or one in the layout of a supervisory
// authority ([GBA], [ICO], [CNIL]), with headings and labels in English, Dutch,
// French or German ([WithLang]). Every value is written as text, the cell limit
// of Excel is an error rather than a silent cut, and the big sheets are
// streamed. [WriteJSON], [WriteReport] and [Schema] serve tools.
package export
