#!/usr/bin/env bash
# Checks the Kubernetes manifests (needs python3 with PyYAML: Debian package python3-yaml).
set -euo pipefail
cd "$(dirname "$0")"
python3 check.py
