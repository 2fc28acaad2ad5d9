// The etcd server the API server tests run, built from go.etcd.io/etcd/server/v3 at the version go.mod pins; upstream's
// own main (go.etcd.io/etcd/server/v3/main.go) does the same.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
