// Package notice writes the privacy notice of a register (Art. 13 and 14
// GDPR) in English, Dutch, French or German, as HTML or Markdown ([Write]),
// and reads a published notice against its register to list what the
// register says that the notice does not ([Check]).
//
// Like the writers of package export, Write writes what it is given: it
// does not check the register and never reads the clock (the date of the
// supervisory authority is an input, [At]).
package notice
