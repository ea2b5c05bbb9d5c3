// The functions and integer types of sync/atomic, one by one.

package atomic

import "sync/atomic"

// AddInt32 is atomic.AddInt32.
func AddInt32(addr *int32, delta int32) (new int32) { point(addr); return atomic.AddInt32(addr, delta) }

// AndInt32 is atomic.AndInt32.
func AndInt32(addr *int32, mask int32) (old int32) { point(addr); return atomic.AndInt32(addr, mask) }

// OrInt32 is atomic.OrInt32.
func OrInt32(addr *int32, mask int32) (old int32) { point(addr); return atomic.OrInt32(addr, mask) }

// CompareAndSwapInt32 is atomic.CompareAndSwapInt32.
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	point(addr)
	return atomic.CompareAndSwapInt32(addr, old, new)
}

// LoadInt32 is atomic.LoadInt32.
func LoadInt32(addr *int32) (val int32) { point(addr); return atomic.LoadInt32(addr) }

// StoreInt32 is atomic.StoreInt32.
func StoreInt32(addr *int32, val int32) { point(addr); atomic.StoreInt32(addr, val) }

// SwapInt32 is atomic.SwapInt32.
func SwapInt32(addr *int32, new int32) (old int32) { point(addr); return atomic.SwapInt32(addr, new) }

// Int32 is atomic.Int32.
type Int32 struct{ v atomic.Int32 }

// Load is atomic.Int32.Load.
func (x *Int32) Load() int32 { point(x); return x.v.Load() }

// Store is atomic.Int32.Store.
func (x *Int32) Store(val int32) { point(x); x.v.Store(val) }

// Swap is atomic.Int32.Swap.
func (x *Int32) Swap(new int32) (old int32) { point(x); return x.v.Swap(new) }

// CompareAndSwap is atomic.Int32.CompareAndSwap.
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	point(x)
	return x.v.CompareAndSwap(old, new)
}

// Add is atomic.Int32.Add.
func (x *Int32) Add(delta int32) (new int32) { point(x); return x.v.Add(delta) }

// And is atomic.Int32.And.
func (x *Int32) And(mask int32) (old int32) { point(x); return x.v.And(mask) }

// Or is atomic.Int32.Or.
func (x *Int32) Or(mask int32) (old int32) { point(x); return x.v.Or(mask) }

// AddInt64 is atomic.AddInt64.
func AddInt64(addr *int64, delta int64) (new int64) { point(addr); return atomic.AddInt64(addr, delta) }

// AndInt64 is atomic.AndInt64.
func AndInt64(addr *int64, mask int64) (old int64) { point(addr); return atomic.AndInt64(addr, mask) }

// OrInt64 is atomic.OrInt64.
func OrInt64(addr *int64, mask int64) (old int64) { point(addr); return atomic.OrInt64(addr, mask) }

// CompareAndSwapInt64 is atomic.CompareAndSwapInt64.
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	point(addr)
	return atomic.CompareAndSwapInt64(addr, old, new)
}

// LoadInt64 is atomic.LoadInt64.
func LoadInt64(addr *int64) (val int64) { point(addr); return atomic.LoadInt64(addr) }

// StoreInt64 is atomic.StoreInt64.
func StoreInt64(addr *int64, val int64) { point(addr); atomic.StoreInt64(addr, val) }

// SwapInt64 is atomic.SwapInt64.
func SwapInt64(addr *int64, new int64) (old int64) { point(addr); return atomic.SwapInt64(addr, new) }

// Int64 is atomic.Int64.
type Int64 struct{ v atomic.Int64 }

// Load is atomic.Int64.Load.
func (x *Int64) Load() int64 { point(x); return x.v.Load() }

// Store is atomic.Int64.Store.
func (x *Int64) Store(val int64) { point(x); x.v.Store(val) }

// Swap is atomic.Int64.Swap.
func (x *Int64) Swap(new int64) (old int64) { point(x); return x.v.Swap(new) }

// CompareAndSwap is atomic.Int64.CompareAndSwap.
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	point(x)
	return x.v.CompareAndSwap(old, new)
}

// Add is atomic.Int64.Add.
func (x *Int64) Add(delta int64) (new int64) { point(x); return x.v.Add(delta) }

// And is atomic.Int64.And.
func (x *Int64) And(mask int64) (old int64) { point(x); return x.v.And(mask) }

// Or is atomic.Int64.Or.
func (x *Int64) Or(mask int64) (old int64) { point(x); return x.v.Or(mask) }

// AddUint32 is atomic.AddUint32.
func AddUint32(addr *uint32, delta uint32) (new uint32) {
	point(addr)
	return atomic.AddUint32(addr, delta)
}

// AndUint32 is atomic.AndUint32.
func AndUint32(addr *uint32, mask uint32) (old uint32) {
	point(addr)
	return atomic.AndUint32(addr, mask)
}

// OrUint32 is atomic.OrUint32.
func OrUint32(addr *uint32, mask uint32) (old uint32) {
	point(addr)
	return atomic.OrUint32(addr, mask)
}

// CompareAndSwapUint32 is atomic.CompareAndSwapUint32.
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	point(addr)
	return atomic.CompareAndSwapUint32(addr, old, new)
}

// LoadUint32 is atomic.LoadUint32.
func LoadUint32(addr *uint32) (val uint32) { point(addr); return atomic.LoadUint32(addr) }

// StoreUint32 is atomic.StoreUint32.
func StoreUint32(addr *uint32, val uint32) { point(addr); atomic.StoreUint32(addr, val) }

// SwapUint32 is atomic.SwapUint32.
func SwapUint32(addr *uint32, new uint32) (old uint32) {
	point(addr)
	return atomic.SwapUint32(addr, new)
}

// Uint32 is atomic.Uint32.
type Uint32 struct{ v atomic.Uint32 }

// Load is atomic.Uint32.Load.
func (x *Uint32) Load() uint32 { point(x); return x.v.Load() }

// Store is atomic.Uint32.Store.
func (x *Uint32) Store(val uint32) { point(x); x.v.Store(val) }

// Swap is atomic.Uint32.Swap.
func (x *Uint32) Swap(new uint32) (old uint32) { point(x); return x.v.Swap(new) }

// CompareAndSwap is atomic.Uint32.CompareAndSwap.
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	point(x)
	return x.v.CompareAndSwap(old, new)
}

// Add is atomic.Uint32.Add.
func (x *Uint32) Add(delta uint32) (new uint32) { point(x); return x.v.Add(delta) }

// And is atomic.Uint32.And.
func (x *Uint32) And(mask uint32) (old uint32) { point(x); return x.v.And(mask) }

// Or is atomic.Uint32.Or.
func (x *Uint32) Or(mask uint32) (old uint32) { point(x); return x.v.Or(mask) }

// AddUint64 is atomic.AddUint64.
func AddUint64(addr *uint64, delta uint64) (new uint64) {
	point(addr)
	return atomic.AddUint64(addr, delta)
}

// AndUint64 is atomic.AndUint64.
func AndUint64(addr *uint64, mask uint64) (old uint64) {
	point(addr)
	return atomic.AndUint64(addr, mask)
}

// OrUint64 is atomic.OrUint64.
func OrUint64(addr *uint64, mask uint64) (old uint64) {
	point(addr)
	return atomic.OrUint64(addr, mask)
}

// CompareAndSwapUint64 is atomic.CompareAndSwapUint64.
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	point(addr)
	return atomic.CompareAndSwapUint64(addr, old, new)
}

// LoadUint64 is atomic.LoadUint64.
func LoadUint64(addr *uint64) (val uint64) { point(addr); return atomic.LoadUint64(addr) }

// StoreUint64 is atomic.StoreUint64.
func StoreUint64(addr *uint64, val uint64) { point(addr); atomic.StoreUint64(addr, val) }

// SwapUint64 is atomic.SwapUint64.
func SwapUint64(addr *uint64, new uint64) (old uint64) {
	point(addr)
	return atomic.SwapUint64(addr, new)
}

// Uint64 is atomic.Uint64.
type Uint64 struct{ v atomic.Uint64 }

// Load is atomic.Uint64.Load.
func (x *Uint64) Load() uint64 { point(x); return x.v.Load() }

// Store is atomic.Uint64.Store.
func (x *Uint64) Store(val uint64) { point(x); x.v.Store(val) }

// Swap is atomic.Uint64.Swap.
func (x *Uint64) Swap(new uint64) (old uint64) { point(x); return x.v.Swap(new) }

// CompareAndSwap is atomic.Uint64.CompareAndSwap.
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	point(x)
	return x.v.CompareAndSwap(old, new)
}

// Add is atomic.Uint64.Add.
func (x *Uint64) Add(delta uint64) (new uint64) { point(x); return x.v.Add(delta) }

// And is atomic.Uint64.And.
func (x *Uint64) And(mask uint64) (old uint64) { point(x); return x.v.And(mask) }

// Or is atomic.Uint64.Or.
func (x *Uint64) Or(mask uint64) (old uint64) { point(x); return x.v.Or(mask) }

// AddUintptr is atomic.AddUintptr.
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) {
	point(addr)
	return atomic.AddUintptr(addr, delta)
}

// AndUintptr is atomic.AndUintptr.
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	point(addr)
	return atomic.AndUintptr(addr, mask)
}

// OrUintptr is atomic.OrUintptr.
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	point(addr)
	return atomic.OrUintptr(addr, mask)
}

// CompareAndSwapUintptr is atomic.CompareAndSwapUintptr.
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	point(addr)
	return atomic.CompareAndSwapUintptr(addr, old, new)
}

// LoadUintptr is atomic.LoadUintptr.
func LoadUintptr(addr *uintptr) (val uintptr) { point(addr); return atomic.LoadUintptr(addr) }

// StoreUintptr is atomic.StoreUintptr.
func StoreUintptr(addr *uintptr, val uintptr) { point(addr); atomic.StoreUintptr(addr, val) }

// SwapUintptr is atomic.SwapUintptr.
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) {
	point(addr)
	return atomic.SwapUintptr(addr, new)
}

// Uintptr is atomic.Uintptr.
type Uintptr struct{ v atomic.Uintptr }

// Load is atomic.Uintptr.Load.
func (x *Uintptr) Load() uintptr { point(x); return x.v.Load() }

// Store is atomic.Uintptr.Store.
func (x *Uintptr) Store(val uintptr) { point(x); x.v.Store(val) }

// Swap is atomic.Uintptr.Swap.
func (x *Uintptr) Swap(new uintptr) (old uintptr) { point(x); return x.v.Swap(new) }

// CompareAndSwap is atomic.Uintptr.CompareAndSwap.
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	point(x)
	return x.v.CompareAndSwap(old, new)
}

// Add is atomic.Uintptr.Add.
func (x *Uintptr) Add(delta uintptr) (new uintptr) { point(x); return x.v.Add(delta) }

// And is atomic.Uintptr.And.
func (x *Uintptr) And(mask uintptr) (old uintptr) { point(x); return x.v.And(mask) }

// Or is atomic.Uintptr.Or.
func (x *Uintptr) Or(mask uintptr) (old uintptr) { point(x); return x.v.Or(mask) }
