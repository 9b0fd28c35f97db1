package notice

import (
	"html/template"
	"strings"
)

// page is the HTML of a notice. html/template escapes every text by its
// context, and refuses a link that is not http(s) or mailto.
var page = template.Must(template.New("notice").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #bbb; padding: .4rem .6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef2f5; }
td p { margin: 0 0 .3rem; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{.Intro}}</p>
{{range .Sections}}<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{range .Blocks}}{{if .Heading}}<h3>{{.Heading}}</h3>
{{end}}{{if .Text}}<p>{{.Text}}</p>
{{end}}{{if .Items}}<ul>
{{range .Items}}<li>{{if .Label}}<strong>{{.Label}}</strong>{{if .Text}}: {{end}}{{end}}{{if .Link}}<a href="{{.Link}}">{{.Text}}</a>{{else}}{{.Text}}{{end}}</li>
{{end}}</ul>
{{end}}{{with .Table}}<table>
<thead><tr>{{range .Head}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td>{{if .Strong}}<p><strong>{{.Strong}}</strong></p>{{end}}{{range .Lines}}<p>{{.}}</p>{{end}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{end}}</section>
{{end}}</body>
</html>
`))

func writeHTML(b *strings.Builder, d document) error { return page.Execute(b, d) }

// writeMarkdown writes a notice as CommonMark with a GitHub table for each
// table. Every text of the register is escaped: the characters Markdown
// gives a meaning to are backslash-escaped, and a line break within a table
// cell is written as <br>.
func writeMarkdown(b *strings.Builder, d document) {
	b.WriteString("# " + mdText(d.Title) + "\n\n" + mdText(d.Intro) + "\n")
	for _, s := range d.Sections {
		b.WriteString("\n## " + mdText(s.Title) + "\n")
		for _, bl := range s.Blocks {
			if bl.Heading != "" {
				b.WriteString("\n### " + mdText(bl.Heading) + "\n")
			}
			if bl.Text != "" {
				b.WriteString("\n" + mdText(bl.Text) + "\n")
			}
			if len(bl.Items) > 0 {
				b.WriteString("\n")
				for _, it := range bl.Items {
					b.WriteString("- ")
					if it.Label != "" {
						b.WriteString("**" + mdText(it.Label) + "**")
						if it.Text != "" {
							b.WriteString(": ")
						}
					}
					b.WriteString(strings.ReplaceAll(mdText(it.Text), "\n", "\n  ") + "\n")
				}
			}
			if t := bl.Table; t != nil {
				writeMarkdownTable(b, t)
			}
		}
	}
}

func writeMarkdownTable(b *strings.Builder, t *table) {
	b.WriteString("\n|")
	for _, h := range t.Head {
		b.WriteString(" " + mdCell(h) + " |")
	}
	b.WriteString("\n|")
	for range t.Head {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, row := range t.Rows {
		b.WriteString("|")
		for _, c := range row {
			var parts []string
			if c.Strong != "" {
				parts = append(parts, "**"+mdCell(c.Strong)+"**")
			}
			for _, line := range c.Lines {
				parts = append(parts, mdCell(line))
			}
			b.WriteString(" " + strings.Join(parts, "<br>") + " |")
		}
		b.WriteString("\n")
	}
}

// mdSpecial are the characters escaped wherever they stand: those that
// start emphasis, links, code, HTML, entities, strikethrough and table
// cells.
const mdSpecial = "\\`*_[]<>|~&!"

// mdText escapes a text for Markdown outside a table. A line that would
// start a heading, a list, a quote or a thematic break has its first
// character escaped.
func mdText(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = mdLine(line)
	}
	return strings.Join(lines, "\n")
}

// mdCell escapes a text for a table cell, where a line break is <br>.
func mdCell(s string) string { return strings.ReplaceAll(mdText(s), "\n", "<br>") }

func mdLine(line string) string {
	var b strings.Builder
	trimmed := strings.TrimLeft(line, " \t")
	b.WriteString(line[:len(line)-len(trimmed)])
	if trimmed != "" && strings.IndexByte("#>-+=", trimmed[0]) >= 0 {
		b.WriteByte('\\') // a heading, quote, list, thematic break or setext underline
	}
	digits := len(trimmed) - len(strings.TrimLeft(trimmed, "0123456789"))
	for i, r := range trimmed {
		if strings.ContainsRune(mdSpecial, r) || digits > 0 && i == digits && (r == '.' || r == ')') {
			b.WriteByte('\\') // the second case: an ordered list, "1." or "1)"
		}
		b.WriteRune(r)
	}
	return b.String()
}
