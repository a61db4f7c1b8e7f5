#!/usr/bin/env bash
# Checks the deployment kit: the systemd unit with systemd-analyze verify, the Kubernetes
# manifest and the alert rules with deploy/check.py (PyYAML), and the rules with promtool when
# it is installed. Installs systemd-analyze / PyYAML from Debian only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's python3 (where python3-yaml installs), not whichever python3 is first on PATH.
py=/usr/bin/python3
need=()
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
"$py" -c 'import yaml' 2>/dev/null || need+=(python3-yaml)
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${need[@]}"
fi

# systemd-analyze verify needs ExecStart to exist: verify a copy pointing at an executable that
# does (the built binary if there is one). It works without systemd as PID 1. It exits 0 on
# unknown keys and unparsable values (it only warns), so any output is a failure.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
exe=$(pwd)/target/debug/duban
[[ -x $exe ]] || exe=/bin/true
sed "s|^ExecStart=/usr/local/bin/duban|ExecStart=$exe|" deploy/duban.service >"$tmp/duban.service"
if ! out=$(systemd-analyze verify "$tmp/duban.service" 2>&1) || [[ -n $out ]]; then
  echo "deploy/duban.service: systemd-analyze verify failed:"
  echo "$out"
  exit 1
fi
echo "deploy/duban.service: systemd-analyze verify OK"

"$py" deploy/check.py

if command -v promtool >/dev/null 2>&1; then
  promtool check rules deploy/prometheus/duban-alerts.yml
  promtool test rules deploy/prometheus/duban-alerts.test.yml
else
  echo "promtool not installed: alert rules checked by deploy/check.py only"
fi
