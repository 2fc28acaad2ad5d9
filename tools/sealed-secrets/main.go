// unseal-check: the sealed-secrets project's own code, at the pinned version, checking what `chart-gen seal` writes.
//
//	unseal-check keygen <dir>                 writes a test key pair: <dir>/tls.key and <dir>/tls.crt
//	unseal-check unseal <tls.key> <file.yaml> unseals the SealedSecret in <file.yaml> as the controller would and
//	                                          prints its data as JSON, or exits 1 naming the keys that fail
//	unseal-check unseal-as <tls.key> <file.yaml> <namespace>
//	                                          the same, after moving the SealedSecret to <namespace> (a copy)
package main

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"time"

	ssv1alpha1 "github.com/bitnami/sealed-secrets/pkg/apis/sealedsecrets/v1alpha1"
	"github.com/bitnami/sealed-secrets/pkg/crypto"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	"sigs.k8s.io/yaml"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "unseal-check:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	switch {
	case len(args) == 2 && args[0] == "keygen":
		return keygen(args[1])
	case len(args) == 3 && args[0] == "unseal":
		return unseal(args[1], args[2], "")
	case len(args) == 4 && args[0] == "unseal-as":
		return unseal(args[1], args[2], args[3])
	}
	return fmt.Errorf("usage: keygen <dir> | unseal <tls.key> <file.yaml> | unseal-as <tls.key> <file.yaml> <namespace>")
}

// keygen makes a key pair the way the controller does on first start (same size, validity and common name).
func keygen(dir string) error {
	key, cert, err := crypto.GeneratePrivateKeyAndCert(4096, 10*365*24*time.Hour, "sealed-secret")
	if err != nil {
		return err
	}
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw})
	if err := os.WriteFile(filepath.Join(dir, "tls.key"), keyPEM, 0o600); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "tls.crt"), certPEM, 0o644)
}

func unseal(keyFile, sealedFile, namespace string) error {
	keyPEM, err := os.ReadFile(keyFile)
	if err != nil {
		return err
	}
	block, _ := pem.Decode(keyPEM)
	if block == nil {
		return fmt.Errorf("%s holds no PEM block", keyFile)
	}
	key, err := x509.ParsePKCS1PrivateKey(block.Bytes)
	if err != nil {
		return err
	}
	fingerprint, err := crypto.PublicKeyFingerprint(&key.PublicKey)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(sealedFile)
	if err != nil {
		return err
	}
	var sealed ssv1alpha1.SealedSecret
	if err := yaml.UnmarshalStrict(raw, &sealed); err != nil {
		return fmt.Errorf("%s: %w", sealedFile, err)
	}
	if namespace != "" {
		sealed.Namespace = namespace
	}
	scheme := runtime.NewScheme()
	if err := ssv1alpha1.AddToScheme(scheme); err != nil {
		return err
	}
	// What the controller calls (pkg/controller/controller.go attemptUnseal).
	keys := map[string]*rsa.PrivateKey{fingerprint: key}
	secret, err := sealed.Unseal(serializer.NewCodecFactory(scheme), keys)
	if err != nil {
		return err
	}
	data := map[string]string{}
	for k, v := range secret.Data {
		data[k] = string(v)
	}
	out, err := json.Marshal(map[string]any{"name": secret.Name, "namespace": secret.Namespace, "data": data})
	if err != nil {
		return err
	}
	fmt.Println(string(out))
	return nil
}
