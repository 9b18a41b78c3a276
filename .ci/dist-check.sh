#!/usr/bin/env bash
# Checks the release files that `make dist` wrote (make dist-check; CI runs it through
# make test):
#
#  - SHA256SUMS matches both archives;
#  - the Linux package: desktop-file-validate and appstreamcli validate pass on its
#    metadata, install.sh installs it under a PREFIX with a space and non-ASCII letters,
#    `liaison --version` from there prints this version and commit, and --uninstall
#    removes every file again;
#  - the Windows build, under Wine (Debian's wine64): `liaison.exe --version`; the
#    database in %AppData%\Liaison; then, on copies of one database made by
#    `liaison.exe example` in a folder whose name has a space and non-ASCII letters,
#    obligations --json, export -o, invitation export, brief and import give the same
#    output, the same JSON and byte-identical .ics (DTSTAMP aside) as the Linux build;
#  - the Windows build's window opens under Xvfb and logs its first frame; a screenshot
#    of it is left in dist/windows-first-frame.png.
#
# Go's runtime needs ProcessPrng from bcryptprimitives.dll, which Debian 12's Wine 8 lacks:
# this harness (not the product) builds a stand-in from .ci/wine/processprng.c into the
# Wine prefix. The prefix is kept between runs in $LIAISON_WINEPREFIX (default
# ~/.cache/liaison/wine), since making one takes a while.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

id=io.github.liaison_app.liaison
version=$(bash .ci/version.sh version)
commit=$(bash .ci/version.sh commit)
zip=dist/liaison-$version-windows-amd64.zip
tarball=dist/liaison-$version-linux-amd64.tar.xz

fail() {
	echo "dist-check: FAIL: $*" >&2
	exit 1
}
ok() { echo "dist-check: ok: $*"; }

[[ -f $zip && -f $tarball && -f dist/SHA256SUMS ]] || fail "no release files of $version in dist/: run make dist first"
(cd dist && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match the archives"
ok "SHA256SUMS matches $(basename "$zip") and $(basename "$tarball")"

tmp=$(mktemp -d)
cleanup() {
	if [[ -n ${WINEPREFIX:-} ]]; then wineserver -k 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

# ---- The Linux package ----
tar -C "$tmp" -xJf "$tarball"
pkg=$tmp/liaison-$version-linux-amd64
desktop-file-validate "$pkg/share/applications/$id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$pkg/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"
grep -q "<release version=\"${version#v}\"" "$pkg/share/metainfo/$id.metainfo.xml" || fail "the metainfo has no release entry for ${version#v}"
ok "desktop-file-validate and appstreamcli validate pass; the metainfo lists release ${version#v}"

prefix="$tmp/prefix with space/Núñez"
"$pkg/install.sh" --prefix "$prefix" >/dev/null
want="Liaison $version (commit $commit, "
got=$("$prefix/bin/liaison" --version)
[[ $got == "$want"*", linux/amd64)" ]] || fail "installed liaison --version printed '$got', want '$want…'"
desktop-file-validate "$prefix/share/applications/$id.desktop" || fail "desktop-file-validate on the installed entry"
grep -qxF "Exec=\"$prefix/bin/liaison\"" "$prefix/share/applications/$id.desktop" || fail "the installed entry does not start $prefix/bin/liaison"
for s in 16 24 32 48 64 128 256 512; do
	[[ $(identify -format '%wx%h' "$prefix/share/icons/hicolor/${s}x$s/apps/$id.png") == "${s}x$s" ]] || fail "icon ${s}x$s"
done
[[ -f $prefix/share/metainfo/$id.metainfo.xml ]] || fail "metainfo not installed"
"$pkg/install.sh" --uninstall --prefix "$prefix" >/dev/null
left=$(find "$prefix" -type f ! -name '*.cache') # the desktop's caches, refreshed by install.sh, stay
[[ -z $left ]] || fail "uninstall left: $left"
ok "install.sh into '$prefix': '$got'; the entry and icons are in place; --uninstall removes every file"

# ---- The Windows build under Wine ----
unzip -q "$zip" -d "$tmp"
exe=$tmp/liaison-$version-windows-amd64/liaison.exe
export WINEPREFIX=${LIAISON_WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/liaison/wine}
export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono/Gecko prompts
if [[ ! -f $WINEPREFIX/system.reg ]]; then
	echo "dist-check: making the Wine prefix $WINEPREFIX (once)" >&2
	mkdir -p "$WINEPREFIX"
	DISPLAY= wineboot -i >/dev/null 2>&1 || true
	wineserver -w
fi
[[ -d $WINEPREFIX/drive_c/windows/system32 ]] || fail "no Wine prefix at $WINEPREFIX"
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	.ci/wine/processprng.c -ladvapi32

W() { DISPLAY= wine "$exe" "$@"; } # the Windows build; a command needs no display
L() { "$pkg/bin/liaison" "$@"; }   # the Linux build

got=$(W --version | tr -d '\r')
[[ $got == "$want"*", windows/amd64)" ]] || fail "liaison.exe --version printed '$got', want '$want…'"
ok "liaison.exe --version: $got"

# %AppData%\Liaison\liaison.db when nothing else is said.
appdata="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming/Liaison"
rm -rf "$appdata"
(unset LIAISON_DB && W init >/dev/null) || fail "liaison.exe init"
[[ -f $appdata/liaison.db ]] || fail "liaison.exe init did not write %AppData%\\Liaison\\liaison.db ($appdata)"
ok "liaison.exe init writes %AppData%\\Liaison\\liaison.db"

# The two builds, each in a folder whose name has a space and non-ASCII letters:
# {} in an argument stands for the folder, with each system's separator.
sub='José Núñez'
wdir_win="C:\\liaison\\$sub" wdir="$WINEPREFIX/drive_c/liaison/$sub" ldir="$tmp/linux/$sub"
rm -rf "$WINEPREFIX/drive_c/liaison"
mkdir -p "$wdir" "$ldir"
both() { # name args…: runs both builds; their outputs in $tmp/name.{win,linux}
	local name=$1 a wargs=() largs=()
	shift
	for a in "$@"; do
		wargs+=("${a//\{\}/$wdir_win\\}")
		largs+=("${a//\{\}/$ldir/}")
	done
	W "${wargs[@]}" >"$tmp/$name.win" 2>"$tmp/$name.win.err" || fail "liaison.exe $*: $(cat "$tmp/$name.win.err")"
	L "${largs[@]}" >"$tmp/$name.linux" 2>"$tmp/$name.linux.err" || fail "liaison $*: $(cat "$tmp/$name.linux.err")"
	# The messages name the files: each with its own folder.
	sed -i -e "s|$(printf '%s' "$wdir_win" | sed 's/\\/\\\\/g')\\\\|{}|g" "$tmp/$name.win"
	sed -i -e "s|$ldir/|{}|g" "$tmp/$name.linux"
}
same() { # what file-a file-b
	cmp -s "$2" "$3" || {
		diff -u "$2" "$3" | head -40 >&2 || true
		fail "$1 differ between the Windows and the Linux build"
	}
}
nostamp() { sed -E 's/^DTSTAMP:[0-9TZ]+\r$/DTSTAMP:…\r/' "$1"; }

W example --db "$wdir_win\\ex.db" >"$tmp/example.win" || fail "liaison.exe example"
cp "$wdir/ex.db" "$ldir/ex.db"
ok "liaison.exe example --db '$wdir_win\\ex.db'; the Linux build works on a copy"

both obligations obligations --json --at 2027-03-01 --db '{}ex.db'
same "obligations --json" "$tmp/obligations.win" "$tmp/obligations.linux"
n=$(jq length "$tmp/obligations.linux")
((n > 0)) || fail "obligations --json gave no obligation"
ok "obligations --json --at 2027-03-01: the same $n obligations"

both export export -o '{}feed.ics' --db '{}ex.db'
same "export's messages" "$tmp/export.win" "$tmp/export.linux"
[[ $(grep -c $'\r$' "$wdir/feed.ics") == $(wc -l <"$wdir/feed.ics") ]] || fail "liaison.exe export wrote lines without CRLF"
same "the exported feeds" <(nostamp "$wdir/feed.ics") <(nostamp "$ldir/feed.ics")
ok "export -o: byte-identical feeds ($(grep -c '^BEGIN:VEVENT' "$ldir/feed.ics") events, CRLF, DTSTAMP aside)"

read -r mid org < <(jq -r '[.[] | select(.incoming == false and (.state == "overdue" or .state == "due"))][0] | "\(.meeting_id) \(.owed_to)"' "$tmp/obligations.linux")
[[ $mid =~ ^[0-9]+$ ]] || fail "no invitation owed by us in the example"
both invitation invitation export "$mid" --to "$org" -o '{}invitation.ics' --db '{}ex.db'
same "invitation export's messages" "$tmp/invitation.win" "$tmp/invitation.linux"
same "the exported invitations" <(nostamp "$wdir/invitation.ics") <(nostamp "$ldir/invitation.ics")
ok "invitation export $mid --to $org: byte-identical .ics (DTSTAMP aside)"

both brief brief "$mid" -o '{}brief.pdf' --db '{}ex.db'
same "brief's messages" "$tmp/brief.win" "$tmp/brief.linux"
pdftotext -layout "$wdir/brief.pdf" "$tmp/brief-win.txt"
pdftotext -layout "$ldir/brief.pdf" "$tmp/brief-linux.txt"
same "the briefs' text" "$tmp/brief-win.txt" "$tmp/brief-linux.txt"
ok "brief $mid: the same PDF text ($(wc -l <"$tmp/brief-linux.txt") lines)"

# The partner's calendar accepts the invitation: a REPLY as Outlook writes it, in a file
# whose name has accents and an apostrophe.
unfold() { sed -e ':a' -e 'N' -e '$!ba' -e 's/\r\n[ \t]//g' "$1" | tr -d '\r'; }
inv=$(unfold "$ldir/invitation.ics")
field() { printf '%s\n' "$inv" | grep -m1 "^$1"; }
att=$(field 'ATTENDEE[;:]')
mail=${att##*:mailto:} cn=$(printf '%s' "$att" | sed -n 's/^ATTENDEE.*;CN=\([^;:]*\).*/\1/p')
[[ -n $mail && -n $cn ]] || fail "no attendee in the exported invitation"
reply="Réponse de l'OIM.ics"
{
	printf '%s\n' BEGIN:VCALENDAR 'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN' VERSION:2.0 METHOD:REPLY BEGIN:VEVENT
	field UID: && field SEQUENCE: && field DTSTART && field DTEND && field ORGANIZER
	printf '%s\n' DTSTAMP:20270115T090000Z "ATTENDEE;CN=$cn;PARTSTAT=ACCEPTED:mailto:$mail" \
		"COMMENT:$cn will attend." END:VEVENT END:VCALENDAR
} | sed 's/$/\r/' >"$ldir/$reply"
cp "$ldir/$reply" "$wdir/$reply"
both import import "{}$reply" --db '{}ex.db'
same "import's summaries" "$tmp/import.win" "$tmp/import.linux"
grep -q '1 repl' "$tmp/import.linux" || fail "the reply was not recorded: $(cat "$tmp/import.linux")"
both show invitation show "$mid" --to "$org" --json --db '{}ex.db'
# when each build recorded the sending and the reply: the instants of the two runs
stamps() { sed -E 's/"(at|sent_at|replied_at|modified)": "[^"]+"/"\1": "(when recorded)"/' "$1"; }
same "invitation show after the reply" <(stamps "$tmp/show.win") <(stamps "$tmp/show.linux")
both obligations2 obligations --json --at 2027-03-01 --db '{}ex.db'
same "obligations --json after the reply" "$tmp/obligations2.win" "$tmp/obligations2.linux"
ok "import '$reply' ($org accepts): the same summary, invitation and obligations"

# ---- The window ----
if [[ ${DIST_CHECK_WINDOW:-1} == 1 ]]; then
	log=$tmp/window.log
	# The commands ran without a display, and Wine's desktop process, which outlives them
	# for a few seconds, would keep that: end it, so that the window finds Xvfb.
	wineserver -k 2>/dev/null || true
	wineserver -w
	xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
		wine "$1" --db "$2" 2>"$3" &
		for i in $(seq 240); do grep -q "first frame" "$3" && break; sleep 0.5; done
		sleep 4
		import -window root "$4" || true
		wineserver -k
	' _ "$exe" "$wdir_win\\ex.db" "$log" "$root/dist/windows-first-frame.png" || true
	grep -q "first frame" "$log" || {
		cat "$log" >&2
		fail "the Windows build's window logged no first frame under Wine and Xvfb"
	}
	ok "the window opened under Wine and Xvfb: $(grep -o 'first frame.*' "$log" | head -1); screenshot in dist/windows-first-frame.png"
fi
echo "dist-check: every check passed for $version"
