module github.com/fearlessgo/fearless

go 1.26
