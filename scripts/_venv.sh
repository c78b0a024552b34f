# Shared by scripts/demo and scripts/test: make .venv with Python >= 3.11 and install $1.
set -euo pipefail
requirements="$1"
if [ ! -x .venv/bin/python ]; then
  python=""
  for candidate in python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      python="$candidate"; break
    fi
  done
  [ -n "$python" ] || { echo "newsarchive needs Python 3.11 or newer on PATH." >&2; exit 1; }
  "$python" -m venv .venv
fi
stamp=".venv/.installed-$(basename "$requirements")"
if [ ! -f "$stamp" ] || [ "$requirements" -nt "$stamp" ] || [ requirements.txt -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi
