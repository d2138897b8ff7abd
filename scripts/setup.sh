#!/usr/bin/env bash
# Installs what juesuan needs on a fresh Debian machine: system packages with apt-get, then the
# package itself with pip from pyproject.toml. Idempotent: it only installs what is missing.
set -euo pipefail

APT_PACKAGES=(
  libreoffice-writer-nogui   # .doc/.wps conversion, and building the .pdf fixtures
  fonts-noto-cjk             # Chinese glyphs for LibreOffice and the generated charts
  poppler-utils              # pdftotext, used by bench/ as the speed reference
  chromium                   # the browser the HTML check report is tested in (driven by Playwright)
  postgresql                 # the store's tests start their own server (initdb, pg_ctl) in a temporary folder
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "安装系统软件包：${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON=${PYTHON:-python3}
stamp=".setup-stamp"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || ! "$PYTHON" -c "import juesuan" 2>/dev/null; then
  "$PYTHON" -m pip install -q --disable-pip-version-check -e ".[dev,postgres,cluster,web]"
  touch "$stamp"
fi
