package examples

import "github.com/fearlessgo/fearless/examples/sendsync"

func init() {
	register(Example{Name: "send-sync", Chapter: "send and sync", Run: sendsync.Run,
		Concept: "Send/Sync: Go's compiler checks neither; go vet, -race and fearless's owning types fill the gap"})
}
