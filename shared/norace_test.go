//go:build !race

package shared

const raceBuild = false
