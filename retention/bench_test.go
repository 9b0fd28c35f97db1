package retention

import (
	"strings"
	"testing"
)

func BenchmarkParse(b *testing.B) {
	for _, tc := range []struct{ name, text string }{
		{"short", "Tot 3 jaar na moment van contactname. Chats worden na 7 dagen verwijderd"},
		{"long", strings.Repeat("1 maand en 2 dagen voor x, ", 200)},
		{"prose", strings.Repeat("de persoonsgegevens worden verwerkt voor doeleinden ", 100) + "3 jaar"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				_, _ = Parse(tc.text)
			}
		})
	}
}
