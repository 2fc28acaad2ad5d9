// kube-controller-manager as upstream's cmd/kube-controller-manager/controller-manager.go builds it,
// at the k8s.io/kubernetes version go.mod pins.
package main

import (
	"os"
	_ "time/tzdata" // time zones for CronJobs, as upstream

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	"k8s.io/kubernetes/cmd/kube-controller-manager/app"
)

func main() {
	os.Exit(cli.Run(app.NewControllerManagerCommand()))
}
