// Package ropa models the record of processing activities that Art. 30 GDPR
// requires of every controller and processor, loads it from JSON or YAML,
// writes it as canonical JSON, and checks it.
//
// A [Register] holds the controller and its group entities, the DPO and the
// representative, the security measures, the processing activities as
// controller (Art. 30(1)) and the categories of processing as processor (Art.
// 30(2)). Each field's comment names the article it records.
//
// [Decode], [Read] and [Load] read a document strictly: an unknown field, a
// value of the wrong type, an unknown enumeration value, a duplicate key or a
// missing schema is a [*LoadError] that lists every [Problem] with its line,
// column and JSON path. YAML is read as YAML 1.2 and decoded through the same
// JSON struct tags as JSON, so that both formats behave alike and every value
// stays as it was written.
//
// [Check] checks a register as of a date and returns a [Report] of
// [Finding]s in a fixed order, each with a stable rule id, a severity, the
// article it rests on, the JSON path of the element, its line and column
// where the register was read from a file, and a message that names the fix.
// Waivers in the register silence findings and are reported with their
// reason. [Rules] is the catalogue; [NewChecker] with [WithRule] adds rules of
// one's own. A [Checker] is safe for concurrent use.
//
// The structure of a register is declared by the validate tags of the model
// (the syntax of github.com/go-playground/validator/v10). [Validate] has
// validator/v10 interpret them on every call; a [Checker] runs them as a plan
// compiled once from the same tags, held by tests and fuzzing to the same
// findings.
package ropa
