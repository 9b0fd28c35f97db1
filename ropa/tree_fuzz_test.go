package ropa

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkSyntaxError fails unless err is nil or a *syntaxError with a line
// and a column.
func checkSyntaxError(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	se, ok := err.(*syntaxError)
	if !ok {
		t.Fatalf("%T, not *syntaxError: %v", err, err)
	}
	if se.line < 1 || se.col < 1 {
		t.Fatalf("error without a line and column: %d:%d: %s", se.line, se.col, se.msg)
	}
}

// FuzzParseJSON holds the JSON parser to encoding/json: what one accepts
// the other does, except the characters a register refuses, and every
// error has a line and a column; the nodes of a document it accepts are
// counted exactly before it is parsed.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,-0.5e3,true,false,null,"x\u00e9\ud83d\ude00\n"]}`, `[`, `{"a" 1}`, `"\ud800"`, "\ufeff[]", `[1.]`, "\"\x00\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := parseJSON(data)
		checkSyntaxError(t, err)
		if err == nil && (len(tr.nodes) != jsonNodes(tr.data) || cap(tr.nodes) != len(tr.nodes)) {
			t.Fatalf("%d nodes counted, %d parsed, room for %d: %q", jsonNodes(tr.data), len(tr.nodes), cap(tr.nodes), data)
		}
		valid := json.Valid(data) || len(data) >= 3 && json.Valid(data[3:]) && string(data[:3]) == "\ufeff"
		if err == nil && !valid {
			t.Fatalf("parsed what encoding/json refuses: %q", data)
		}
		if err != nil && valid && !strings.Contains(err.Error(), "is not allowed in a register") && !strings.Contains(err.Error(), "nests deeper") {
			var v any
			if json.Unmarshal(data, &v) == nil && utf8.Valid(data) {
				t.Fatalf("refused what encoding/json accepts: %q: %v", data, err)
			}
		}
	})
}

// FuzzParseYAML checks that every YAML error has a line and a column.
func FuzzParseYAML(f *testing.F) {
	for _, s := range []string{"a: [1, 2\n", "a: &x [*x]\n", "a: !!bool yes\n", "a:\n\tb: 1\n", "a: \"\\q\"\n", "a: b: c\n", "- a\nb: 1\n", "a: *y\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := parseYAML(data)
		checkSyntaxError(t, err)
	})
}
