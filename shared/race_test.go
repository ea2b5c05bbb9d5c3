//go:build race

package shared

// raceBuild is set under -race, whose atomics are calls the inliner counts
// as such: the fast paths of Lock and Read do not inline there, and their
// guards go to the heap.
const raceBuild = true
