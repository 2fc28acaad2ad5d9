#!/bin/sh
# Stands in for the KServe storage-initializer image's entrypoint (python/storage-initializer/scripts/
# initializer-entrypoint of KServe v0.20.0): downloads each <uri> into <dest> with kserve-storage, which reads the S3
# endpoint, TLS settings, region and credentials from the environment KServe's credential builder gives the container.
set -e
exec python3 - "$@" <<'PY'
import logging
import sys

from kserve_storage import Storage

logging.basicConfig(level=logging.INFO)
pairs = sys.argv[1:]
if not pairs or len(pairs) % 2:
    sys.exit("usage: initializer-entrypoint <uri> <dest> [<uri> <dest> ...]")
for src, dest in zip(pairs[::2], pairs[1::2]):
    logging.info("Initializing, args: src_uri [%s] dest_path[ [%s]", src, dest)
    Storage.download(src, dest)
PY
