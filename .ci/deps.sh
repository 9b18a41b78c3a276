#!/usr/bin/env bash
# Installs what building or testing Liaison needs, and only what is missing, so that a
# fresh Debian/Ubuntu machine with just Go on it can run `make run` and `make test`.
# On a machine that already has everything it only checks, in well under a second.
#
#   .ci/deps.sh build   C toolchain and the X11/OpenGL headers Fyne's cgo build needs
#   .ci/deps.sh test    build, plus what the tests use: Xvfb for real windows,
#                       ImageMagick and poppler for looking at screenshots and PDFs,
#                       libical (GObject introspection), python icalendar and Radicale
#                       to check our .ics files against other implementations, and
#                       Node with ical.js (pinned in .ci/validators) for the same reason.
set -euo pipefail

mode=${1:-build}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# What Fyne's cgo build (GLFW + OpenGL) needs.
build_pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev)
# What the test suite uses on top of that. python3-gi and python3-icalendar are used
# through the system interpreter, /usr/bin/python3, never a pyenv/venv python3.
test_pkgs=(xvfb xauth imagemagick poppler-utils gir1.2-ical-3.0 python3-gi python3-icalendar radicale)

case $mode in
build) want=("${build_pkgs[@]}") ;;
test) want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
*)
	echo "usage: $0 build|test" >&2
	exit 2
	;;
esac

# Run as root, or through sudo when there is one.
sudo=()
if [[ $(id -u) -ne 0 ]]; then
	if command -v sudo >/dev/null; then
		sudo=(sudo)
	else
		echo "deps.sh: installing packages needs root (or sudo)" >&2
		exit 1
	fi
fi

installed() { # dpkg -s also succeeds for removed packages whose config files remain
	dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'
}

missing=()
for p in "${want[@]}"; do
	installed "$p" || missing+=("$p")
done
# Node and npm: any install will do (NodeSource's nodejs ships npm, Debian splits it).
if [[ $mode == test ]]; then
	command -v node >/dev/null || missing+=(nodejs)
	command -v npm >/dev/null || missing+=(npm)
fi

if ((${#missing[@]})); then
	echo "deps.sh: installing ${missing[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	"${sudo[@]}" apt-get update -qq
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[[ $mode == test ]] || exit 0

# ical.js, at the version pinned in .ci/validators/package-lock.json. Reinstall only
# when node_modules is missing or holds another version than the lock file.
validators=$root/.ci/validators
want_v=$(node -p "require('$validators/package-lock.json').packages['node_modules/ical.js'].version")
have_v=$(node -p "try { require('$validators/node_modules/ical.js/package.json').version } catch (e) { '' }")
if [[ $want_v != "$have_v" ]]; then
	echo "deps.sh: npm ci in .ci/validators (ical.js $want_v)" >&2
	(cd "$validators" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
