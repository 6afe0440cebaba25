#!/usr/bin/env bash
# System packages the test suite needs on a fresh Debian machine, installed only when missing:
# Qt's runtime libraries (offscreen platform), a font with Arabic glyphs, and PostgreSQL's
# initdb/pg_ctl for the team-mode tests.
set -euo pipefail
missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libEGL.so.1 || missing+=(libegl1)
have_lib libGL.so.1 || missing+=(libgl1)
have_lib libxkbcommon.so.0 || missing+=(libxkbcommon0)
have_lib libfontconfig.so.1 || missing+=(libfontconfig1)
have_lib libglib-2.0.so.0 || missing+=(libglib2.0-0)
have_lib libdbus-1.so.3 || missing+=(libdbus-1-3)
# a font with Arabic glyphs: look for the files (fc-list is not there on a minimal install)
have_font() { compgen -G "$1" >/dev/null; }
have_font "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" \
  || have_font "/usr/share/fonts/truetype/noto/NotoSans*Arabic*" || missing+=(fonts-dejavu-core)
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
