#!/bin/bash
# causes_doc.sh: docs/causes.md is exactly what `rdprepro causes --markdown` prints, so the
# taxonomy's doc and the classifier's table never drift apart.
# Usage: causes_doc.sh RDPREPRO SOURCE_DIR
set -eu
if diff -u "$2/docs/causes.md" <("$1" causes --markdown); then
	echo "[ OK ] docs/causes.md matches the classifier's table"
else
	echo "[FAIL] docs/causes.md differs: regenerate it with: rdprepro causes --markdown > docs/causes.md"
	exit 1
fi
