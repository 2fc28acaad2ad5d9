// promql-check: Prometheus's own PromQL parser, at the version go.mod pins, run over the expressions of the charts'
// dashboards and alerts. Every dashboard query and alert expression must parse, and must use only metric names the
// component exports: this prints each expression's metric names for the tests to compare.
//
//	promql-check < exprs.json
//
// stdin is a JSON array of PromQL expressions; stdout a JSON array with one object for each, in order:
// {"expr": "…", "metrics": ["…"], "error": "…"}, metrics sorted and unique (the names of its vector selectors, written
// `name{…}` or `{__name__="name"}`), error only when it does not parse. Exit status: 0 all parse, 1 some do not (the
// JSON is printed all the same), 2 the input is not a JSON array of strings.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/promql/parser"
)

type result struct {
	Expr    string   `json:"expr"`
	Metrics []string `json:"metrics"`
	Error   string   `json:"error,omitempty"`
}

func main() {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail(err)
	}
	var exprs []string
	if err := json.Unmarshal(input, &exprs); err != nil {
		fail(fmt.Errorf("stdin must be a JSON array of strings: %w", err))
	}
	if exprs == nil {
		fail(errors.New("stdin must be a JSON array of strings, not null"))
	}
	// The parser's default options, as Prometheus's own defaults (no experimental functions or syntax).
	p := parser.NewParser(parser.Options{})
	results := make([]result, 0, len(exprs))
	status := 0
	for _, expr := range exprs {
		r := result{Expr: expr, Metrics: []string{}}
		node, err := p.ParseExpr(expr)
		if err != nil {
			r.Error = err.Error()
			status = 1
		} else {
			r.Metrics = metricNames(node)
		}
		results = append(results, r)
	}
	out := json.NewEncoder(os.Stdout)
	out.SetIndent("", "  ")
	if err := out.Encode(results); err != nil {
		fail(err)
	}
	os.Exit(status)
}

// metricNames lists, sorted and unique, the metric names an expression's vector selectors name: `name{…}` sets the
// selector's Name and also adds a __name__ matcher, `{__name__="name"}` only the matcher; a regular expression or
// inequality on __name__ names no one metric.
func metricNames(node parser.Node) []string {
	names := []string{}
	parser.Inspect(node, func(n parser.Node, _ []parser.Node) error {
		vs, ok := n.(*parser.VectorSelector)
		if !ok {
			return nil
		}
		if vs.Name != "" {
			names = append(names, vs.Name)
		}
		for _, m := range vs.LabelMatchers {
			if m.Name == labels.MetricName && m.Type == labels.MatchEqual && m.Value != "" {
				names = append(names, m.Value)
			}
		}
		return nil
	})
	slices.Sort(names)
	return slices.Compact(names)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "promql-check:", err)
	os.Exit(2)
}
