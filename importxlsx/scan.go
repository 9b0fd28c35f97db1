package importxlsx

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// scanner reads the XML of a sheet as a stream of tags and text, faster
// than encoding/xml for the few elements a sheet's cells use: it keeps no
// names, no namespaces and no attributes but those asked for. It reads
// what encoding/xml reads: entities and character references resolved,
// line ends normalised to "\n", comments and processing instructions
// skipped, CDATA sections as text; a document type is refused before (see
// inspect).
type scanner struct {
	r    *bufio.Reader
	raw  []byte // the bytes of the current tag
	buf  []byte // the bytes of the current tag or text
	text []byte // the current text, decoded
}

func newScanner(r io.Reader) *scanner { return &scanner{r: bufio.NewReaderSize(r, 64<<10)} }

// tag is a tag: its local name (prefix dropped), whether it closes or is
// empty (<c/>), and its raw attributes.
type tag struct {
	name         []byte
	end, selfEnd bool
	attrs        []byte
}

// until reads up to and including delim into s.buf.
func (s *scanner) until(delim byte) error {
	s.buf = s.buf[:0]
	for {
		chunk, err := s.r.ReadSlice(delim)
		s.buf = append(s.buf, chunk...)
		if err == nil {
			return nil
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return err
		}
	}
}

// next reads the text before the next tag into s.text (decoded, if keep)
// and the tag. At the end of the input it returns io.EOF.
func (s *scanner) next(keep bool) (tag, error) {
	for {
		err := s.until('<')
		if keep {
			if e := s.decode(bytes.TrimSuffix(s.buf, []byte("<"))); e != nil {
				return tag{}, e
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) && len(bytes.TrimSpace(s.buf)) > 0 {
				return tag{}, io.ErrUnexpectedEOF
			}
			return tag{}, err
		}
		c, err := s.r.Peek(1)
		if err != nil {
			return tag{}, io.ErrUnexpectedEOF
		}
		switch c[0] {
		case '?':
			if err := s.skip("?>"); err != nil {
				return tag{}, err
			}
			continue
		case '!':
			head, _ := s.r.Peek(8)
			switch {
			case bytes.HasPrefix(head, []byte("!--")):
				if err := s.skip("-->"); err != nil {
					return tag{}, err
				}
			case bytes.HasPrefix(head, []byte("![CDATA[")):
				if _, err := s.r.Discard(8); err != nil {
					return tag{}, err
				}
				if err := s.skip("]]>"); err != nil {
					return tag{}, err
				}
				if keep {
					s.text = append(s.text, normalise(bytes.TrimSuffix(s.buf, []byte("]]>")))...)
				}
			default:
				return tag{}, errors.New("a declaration inside the document")
			}
			continue
		}
		return s.tag()
	}
}

// skip reads past the next occurrence of end, leaving what it read in s.buf.
func (s *scanner) skip(end string) error {
	var all []byte
	for {
		if err := s.until(end[len(end)-1]); err != nil {
			return io.ErrUnexpectedEOF
		}
		all = append(all, s.buf...)
		if len(all) > maxTag && end != "]]>" {
			return fmt.Errorf("a comment or processing instruction of more than %d bytes", maxTag)
		}
		if bytes.HasSuffix(all, []byte(end)) {
			s.buf = append(s.buf[:0], all...)
			return nil
		}
	}
}

// tag reads a tag after its "<".
func (s *scanner) tag() (tag, error) {
	raw := s.raw[:0]
	defer func() { s.raw = raw[:0] }()
	var quote byte
	for {
		if err := s.until('>'); err != nil {
			return tag{}, io.ErrUnexpectedEOF
		}
		raw = append(raw, s.buf...)
		if quote = openQuote(quote, s.buf); quote == 0 { // a ">" inside an attribute value does not end the tag
			break
		}
		if len(raw) > maxTag {
			return tag{}, fmt.Errorf("a tag of more than %d bytes", maxTag)
		}
	}
	raw = raw[:len(raw)-1]
	var t tag
	if len(raw) > 0 && raw[0] == '/' {
		t.end, raw = true, raw[1:]
	}
	if len(raw) > 0 && raw[len(raw)-1] == '/' {
		t.selfEnd, raw = true, raw[:len(raw)-1]
	}
	n := bytes.IndexAny(raw, " \t\r\n")
	if n < 0 {
		n = len(raw)
	}
	t.name, t.attrs = raw[:n], raw[n:]
	if i := bytes.IndexByte(t.name, ':'); i >= 0 {
		t.name = t.name[i+1:]
	}
	if len(t.name) == 0 {
		return tag{}, errors.New("a tag without a name")
	}
	return t, nil
}

// attr returns the decoded value of an attribute (by local name) of t.
func (t tag) attr(name string) (string, bool, error) {
	a := t.attrs
	for len(a) > 0 {
		a = bytes.TrimLeft(a, " \t\r\n")
		eq := bytes.IndexByte(a, '=')
		if eq < 0 {
			return "", false, nil
		}
		key := bytes.TrimSpace(a[:eq])
		rest := bytes.TrimLeft(a[eq+1:], " \t\r\n")
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return "", false, fmt.Errorf("attribute %s without a quoted value", key)
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return "", false, fmt.Errorf("attribute %s not closed", key)
		}
		val := rest[1 : end+1]
		a = rest[end+2:]
		if i := bytes.IndexByte(key, ':'); i >= 0 {
			key = key[i+1:]
		}
		if string(key) == name {
			if bytes.IndexByte(val, '&') < 0 && bytes.IndexByte(val, '\r') < 0 {
				return string(val), true, nil
			}
			var s scanner
			if err := s.decode(val); err != nil {
				return "", false, err
			}
			return string(s.text), true, nil
		}
	}
	return "", false, nil
}

// normalise turns the line ends "\r\n" and "\r" into "\n", as XML requires.
func normalise(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}

var entities = map[string]rune{"lt": '<', "gt": '>', "amp": '&', "quot": '"', "apos": '\''}

// decode appends raw text to s.text, its line ends normalised and its
// entities and character references resolved.
func (s *scanner) decode(raw []byte) error {
	raw = normalise(raw)
	for {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			s.text = append(s.text, raw...)
			return nil
		}
		s.text = append(s.text, raw[:i]...)
		raw = raw[i+1:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 {
			return errors.New("an entity without its ';'")
		}
		name := string(raw[:semi])
		raw = raw[semi+1:]
		if r, ok := entities[name]; ok {
			s.text = utf8.AppendRune(s.text, r)
			continue
		}
		if len(name) > 1 && name[0] == '#' {
			base, digits := 10, name[1:]
			if digits[0] == 'x' {
				base, digits = 16, digits[1:]
			}
			n, err := strconv.ParseUint(digits, base, 32)
			if err != nil || !utf8.ValidRune(rune(n)) {
				return fmt.Errorf("character reference &%s; is not a character", name)
			}
			s.text = utf8.AppendRune(s.text, rune(n))
			continue
		}
		return fmt.Errorf("entity &%s; is not defined", name)
	}
}

// maxTag is the longest tag the scanner reads: a sheet's tags hold a few
// short attributes.
const maxTag = 1 << 20

// openQuote returns the quote that is open at the end of b, when q was
// open at its start (0 for none).
func openQuote(q byte, b []byte) byte {
	for _, c := range b {
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case c == q:
			q = 0
		}
	}
	return q
}
