package shared

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// lockString formats a lock the way Rust's Debug does:
// "Mutex { data: 6 }", "Mutex { data: <locked>, poisoned: true }".
func lockString(kind, data string, poisoned bool) string {
	if poisoned {
		return kind + " { data: " + data + ", poisoned: true }"
	}
	return kind + " { data: " + data + " }"
}

// debugString formats *p the way Rust's {:?} formats a value: strings
// quoted, lists as [1, 2, 3], structs as Name { field: value }. A value
// with a String or Error method is shown by it, as fmt would.
func debugString[T any](p *T) string {
	var b strings.Builder
	writeDebug(&b, reflect.ValueOf(p).Elem(), 0)
	return b.String()
}

// maxDebugDepth stops the formatting of cyclic or very deep values.
const maxDebugDepth = 8

func writeDebug(b *strings.Builder, v reflect.Value, depth int) {
	if !v.IsValid() {
		b.WriteString("nil")
		return
	}
	if depth > maxDebugDepth {
		b.WriteString("..")
		return
	}
	if v.CanInterface() {
		switch x := v.Interface().(type) {
		case error:
			if v.Kind() != reflect.Pointer || !v.IsNil() {
				b.WriteString(x.Error())
				return
			}
		case fmt.Stringer:
			if v.Kind() != reflect.Pointer || !v.IsNil() {
				b.WriteString(x.String())
				return
			}
		}
	}
	switch v.Kind() {
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		writeDebug(b, v.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			writeDebug(b, v.Index(i), depth+1)
		}
		b.WriteByte(']')
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool {
			return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j])
		})
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			writeDebug(b, k, depth+1)
			b.WriteString(": ")
			writeDebug(b, v.MapIndex(k), depth+1)
		}
		b.WriteByte('}')
	case reflect.Struct:
		t := v.Type()
		name := t.Name()
		if v.NumField() == 0 {
			b.WriteString(name)
			return
		}
		if name != "" {
			b.WriteString(name)
			b.WriteByte(' ')
		}
		b.WriteString("{ ")
		for i := range v.NumField() {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(t.Field(i).Name)
			b.WriteString(": ")
			writeDebug(b, v.Field(i), depth+1)
		}
		b.WriteString(" }")
	default:
		fmt.Fprint(b, v)
	}
}
