// Package ropa models the record of processing activities that Art. 30 GDPR
// requires of every controller and processor, loads it from JSON or YAML,
// writes it as canonical JSON, checks it, and says what changed between two
// versions.
//
// A [Register] holds the controller and its group entities, the DPO and the
// representative, the security measures, the inventory of systems and
// processors, the named events of retention terms, the processing activities
// as controller (Art. 30(1)) and the categories of processing as processor
// (Art. 30(2)). Each field's comment names the article it records.
//
// [Decode], [Read] and [Load] read a document strictly: an unknown field, a
// value of the wrong type, an unknown enumeration value, a duplicate key or a
// missing schema is a [*LoadError] that lists every [Problem] with its line,
// column and [Path]. YAML is read as YAML 1.2 and decoded through the same
// JSON struct tags as JSON, so that both formats behave alike and every value
// stays as it was written. Beside the register they return its [Source]: the
// positions live there, never in the register.
//
// [Check] checks a register as of a date and returns a [Report] of
// [Finding]s in a fixed order, each with a stable rule id, a severity, the
// article it rests on, the typed [Path] of the element, a message key with its
// arguments, and the message in English or, with [WithLanguage] or
// [Report.Translated], in Dutch, French or German. [Report.Locate] places the
// findings in the document the register was read from, checking each element
// against what the document held. Waivers in the register silence findings
// and are reported with their reason. [Rules] is the catalogue; a rule is a
// declared [Rule] whose Run receives a [Pass], and [NewChecker] with
// [WithRules] adds rules of one's own in the same shape. A [Checker] holds no
// state between checks and is safe for concurrent use.
//
// The structure of a register is declared by the validate tags of the model,
// in the syntax of github.com/go-playground/validator/v10, which one shared
// validator runs once per check; [Validate] is that structural half alone.
// [Diff] compares two versions.
package ropa
