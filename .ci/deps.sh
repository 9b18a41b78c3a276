#!/usr/bin/env bash
# Installs what building or testing Liaison needs, and only what is missing, so that a
# fresh Debian/Ubuntu machine with just Go, git and make on it can run `make run`,
# `make test` and `make dist`. On a machine that already has everything it only checks,
# in well under a second. Run it (and make) as yourself: it calls sudo for apt-get.
#
#   .ci/deps.sh build   C toolchain and the X11/OpenGL headers Fyne's cgo build needs
#   .ci/deps.sh test    build, plus what the tests use: Xvfb for real windows,
#                       ImageMagick and poppler for looking at screenshots and PDFs,
#                       libical (GObject introspection), python icalendar and Radicale
#                       to check our .ics files against other implementations, and
#                       Node with ical.js (pinned in .ci/validators) for the same reason.
#   .ci/deps.sh dist    build, plus the MinGW-w64 cross compiler for the Windows build
#                       and the archivers of the release files.
#   .ci/deps.sh dist-check   dist, plus Wine, Xvfb and the metadata validators that
#                       check the release files.
set -euo pipefail

mode=${1:-build}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages, one per line, grouped by what needs them. To add one, add a line.
# What Fyne's cgo build (GLFW + OpenGL) needs.
build_pkgs=(
	gcc
	pkg-config
	libgl1-mesa-dev
	xorg-dev
)
# What the test suite uses on top of that. python3-gi and python3-icalendar are used
# through the system interpreter, /usr/bin/python3, never a pyenv/venv python3.
test_pkgs=(
	xvfb xauth        # UI tests that open a real window
	imagemagick       # screenshots
	poppler-utils     # PDF pages as text and images
	gir1.2-ical-3.0   # libical, through python3-gi
	python3-gi
	python3-icalendar
	radicale          # a CalDAV server
	xandikos          # a second CalDAV server (no auth of its own)
)
# What `make dist` needs: the Windows cross build and the archives.
dist_pkgs=(
	gcc-mingw-w64-x86-64 # cgo for windows/amd64
	imagemagick          # the icon in every hicolor size
	xz-utils
	zip
	unzip
)
# What `make dist-check` needs on top: running liaison.exe, and the validators of the
# Linux package's metadata.
dist_check_pkgs=(
	wine wine64        # runs liaison.exe (64-bit only: no i386 architecture needed)
	xvfb xauth         # the Windows build's window
	poppler-utils      # compares the briefs the two builds write, as text
	jq                 # picks ids out of obligations --json
	appstream          # appstreamcli validate
	desktop-file-utils # desktop-file-validate
)

case $mode in
build) want=("${build_pkgs[@]}") ;;
test) want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
dist) want=("${build_pkgs[@]}" "${dist_pkgs[@]}") ;;
dist-check) want=("${build_pkgs[@]}" "${dist_pkgs[@]}" "${dist_check_pkgs[@]}") ;;
*)
	echo "usage: $0 build|test|dist|dist-check" >&2
	exit 2
	;;
esac

installed() { # dpkg -s also succeeds for removed packages whose config files remain
	dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'
}

missing=()
for p in "${want[@]}"; do
	installed "$p" || missing+=("$p")
done

# Node.js: the tests run ical.js 2.x, an ES module, which they load with import() (not
# require(), which Debian 12's Node 18 cannot do for an ES module). Any Node from 18 on
# has import() and runs ical.js 2.x; npm installs it. When node is absent, Debian's
# nodejs and npm are installed; an older node cannot be replaced from here: say so.
node_min=18
if [[ $mode == test ]]; then
	if ! command -v node >/dev/null; then
		missing+=(nodejs)
	else
		node_major=$(node -p 'process.versions.node.split(".")[0]')
		if ((node_major < node_min)); then
			echo "deps.sh: node $(node --version) is too old for ical.js (Node $node_min or newer is needed): upgrade Node.js" >&2
			exit 1
		fi
	fi
	command -v npm >/dev/null || missing+=(npm) # NodeSource's nodejs ships npm, Debian splits it
fi

if ((${#missing[@]})); then
	# Run as root, or through sudo when there is one.
	sudo=()
	if [[ $(id -u) -ne 0 ]]; then
		if command -v sudo >/dev/null; then
			sudo=(sudo)
		else
			echo "deps.sh: installing ${missing[*]} needs root (or sudo)" >&2
			exit 1
		fi
	fi
	echo "deps.sh: installing ${missing[*]} (apt-get, its progress follows; the first time takes minutes)" >&2
	# A third-party source that fails to update (a missing key) must not stop the install
	# from Debian's own: apt-get says which one failed, and the install then says whether
	# anything is really missing.
	"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update ||
		echo "deps.sh: apt-get update reported errors (above); installing from the sources that answered" >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
		-o Dpkg::Use-Pty=0 install -y "${missing[@]}"
fi

[[ $mode == test ]] || exit 0

# ical.js, at the version pinned in .ci/validators/package-lock.json. Reinstall only
# when node_modules is missing or holds another version than the lock file. (Reading
# JSON with require() is fine in every Node; only ES modules cannot be required.)
validators=$root/.ci/validators
want_v=$(node -p "require('$validators/package-lock.json').packages['node_modules/ical.js'].version")
have_v=$(node -p "try { require('$validators/node_modules/ical.js/package.json').version } catch (e) { '' }")
if [[ $want_v != "$have_v" ]]; then
	echo "deps.sh: npm ci in .ci/validators (ical.js $want_v)" >&2
	(cd "$validators" && npm ci --no-audit --no-fund --loglevel=warn)
fi
# The check the tests depend on: this node loads ical.js the way they do.
if ! node -e "require('$root/store/ical/testdata/icaljs_load.js')('$validators/node_modules/ical.js').then((I) => { if (!I.parse) throw new Error('no ICAL.parse') })"; then
	echo "deps.sh: node $(node --version) cannot load ical.js $want_v from $validators (see above)" >&2
	exit 1
fi
