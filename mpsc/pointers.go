package mpsc

import "reflect"

// holdsPointers reports whether a value of type t can reference memory. A
// slot of a type that cannot need not be cleared after its value was taken:
// there is nothing for the garbage collector to release, and leaving it
// spares the receiver a write to a cache line the sender filled.
func holdsPointers(t reflect.Type) bool {
	if t == nil {
		return true // an interface type
	}
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Array:
		return t.Len() > 0 && holdsPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	}
	return true
}

// mustClear reports whether slots of T are cleared after a receive.
func mustClear[T any]() bool { return holdsPointers(reflect.TypeFor[T]()) }
