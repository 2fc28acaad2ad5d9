// Command kube-strict checks Kubernetes manifests the way the API server decodes them, strictly: an unknown or
// duplicated field, or a value of the wrong type, is an error naming the object and the field. It reads multi-document
// YAML from the files given (or stdin). Kinds the client-go scheme does not know (custom resources) are listed as
// skipped, never passed silently.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/yaml"
)

type result struct {
	checked, skipped int
	problems         []string
}

func check(name string, input io.Reader, decoder runtime.Decoder, into *result) error {
	reader := utilyaml.NewYAMLReader(bufio.NewReader(input))
	for index := 0; ; index++ {
		document, err := reader.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: document %d: %w", name, index, err)
		}
		if len(bytes.TrimSpace(document)) == 0 {
			continue
		}
		var meta struct {
			APIVersion string `json:"apiVersion"`
			Kind       string `json:"kind"`
			Metadata   struct {
				Name string `json:"name"`
			} `json:"metadata"`
		}
		if err := yaml.Unmarshal(document, &meta); err != nil {
			into.problems = append(into.problems, fmt.Sprintf("%s: document %d: %v", name, index, err))
			continue
		}
		if meta.Kind == "" {
			continue // a document holding only comments
		}
		object := fmt.Sprintf("%s/%s %s", meta.APIVersion, meta.Kind, meta.Metadata.Name)
		if _, _, err := decoder.Decode(document, nil, nil); err != nil {
			if runtime.IsNotRegisteredError(err) {
				into.skipped++
				fmt.Printf("skipped %s: not a built-in kind\n", object)
				continue
			}
			into.problems = append(into.problems, fmt.Sprintf("%s: %s: %v", name, object, err))
			continue
		}
		into.checked++
	}
}

func main() {
	decoder := serializer.NewCodecFactory(scheme.Scheme, serializer.EnableStrict).UniversalDeserializer()
	var outcome result
	inputs := os.Args[1:]
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	for _, name := range inputs {
		var input io.Reader = os.Stdin
		if name != "-" {
			file, err := os.Open(name)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			defer file.Close()
			input = file
		}
		if err := check(name, input, decoder, &outcome); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	for _, problem := range outcome.problems {
		fmt.Fprintln(os.Stderr, problem)
	}
	fmt.Printf("%d checked, %d skipped, %d invalid\n", outcome.checked, outcome.skipped, len(outcome.problems))
	if len(outcome.problems) > 0 {
		os.Exit(1)
	}
}
