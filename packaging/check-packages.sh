#!/usr/bin/env bash
# Checks the Linux packages in BUILD_DIR/packages with the tools distributions use, on the
# packages themselves and on a staged install (DESTDIR) of the same build:
#   lintian (.deb), desktop-file-validate, appstreamcli validate / validate-tree (--no-net),
#   man page warnings, rpm digests and automatic requirements, the .tar.gz layout.
# Exits non-zero when any check fails; prints every tool's findings.
set -euo pipefail

build_dir=${1:?usage: packaging/check-packages.sh BUILD_DIR}
build_dir=$(cd "$build_dir" && pwd)
packages_dir="$build_dir/packages"
failures=0

fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

# Runs a check, printing its name and output; a failing check is counted, not fatal, so one
# run reports every problem.
check() {
    local name=$1
    shift
    echo "== $name"
    if ! "$@"; then
        fail "$name"
    fi
}

one_file() {
    local pattern=$1 found
    found=$(compgen -G "$packages_dir/$pattern" || true)
    if [ -z "$found" ] || [ "$(wc -l <<<"$found")" -ne 1 ]; then
        echo "Expected exactly one $pattern in $packages_dir, found: ${found:-none}." \
            "Run 'make package' to rebuild the packages." >&2
        exit 1
    fi
    echo "$found"
}

for tool in lintian desktop-file-validate appstreamcli rpm rpm2archive dpkg-deb man readelf; do
    command -v "$tool" >/dev/null || {
        echo "$tool is missing: run 'make deps' to install the packaging tools." >&2
        exit 1
    }
done

deb=$(one_file '*.deb')
rpm=$(one_file '*.rpm')
tgz=$(one_file '*.tar.gz')
metainfo_built=$(compgen -G "$build_dir/packaging/*.metainfo.xml" | head -n1)
app_id=$(basename "$metainfo_built" .metainfo.xml)

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
echo "== Staging 'cmake --install --strip' into $stage"
DESTDIR="$stage" cmake --install "$build_dir" --prefix /usr --strip >/dev/null

check "desktop-file-validate $app_id.desktop" \
    desktop-file-validate "$stage/usr/share/applications/$app_id.desktop"
check "appstreamcli validate --no-net $app_id.metainfo.xml" \
    appstreamcli validate --no-net --pedantic --explain "$stage/usr/share/metainfo/$app_id.metainfo.xml"
check "appstreamcli validate-tree --no-net (staged install)" \
    appstreamcli validate-tree --no-net --pedantic --explain "$stage"

# What lintian runs on man pages, over the staged tree as well as inside the .deb.
man_warnings() {
    local page out status=0
    for page in "$stage"/usr/share/man/man1/*.1.gz; do
        out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
        if [ -n "$out" ]; then
            echo "$(basename "$page"): $out"
            status=1
        fi
    done
    return $status
}
check "man --warnings (every page)" man_warnings

# The hardening the lintian overrides rely on: every file compiled with _FORTIFY_SOURCE and every
# program linked with full RELRO (BIND_NOW) as a position-independent executable.
hardening() {
    local commands unfortified program
    commands=$(grep -c '"command":' "$build_dir/compile_commands.json")
    unfortified=$(grep '"command":' "$build_dir/compile_commands.json" | grep -vc -- '-D_FORTIFY_SOURCE=2' || true)
    echo "  $commands compile commands, $unfortified without -D_FORTIFY_SOURCE=2"
    [ "$unfortified" -eq 0 ] || return 1
    for program in syncdeck syncdeck-cli syncdeck-emulator; do
        readelf -d "$stage/usr/bin/$program" | grep -q 'FLAGS_1.*NOW.*PIE' \
            || { echo "$program is not linked with -z now as a PIE"; return 1; }
    done
}
check "hardening flags" hardening

deb_control() {
    local depends
    dpkg-deb -f "$deb" Package Version Section Installed-Size Depends Recommends | sed 's/^/  /'
    depends=$(dpkg-deb -f "$deb" Depends)
    # dpkg-shlibdeps derived versioned library dependencies from the binaries.
    for pkg in libqt6core6 libqt6widgets6 libc6; do
        grep -Eq "(^|, )$pkg \(>= " <<<"$depends" || { echo "no versioned $pkg dependency"; return 1; }
    done
    # Plugins loaded at run time: the SVG icons and the history cache's SQLite driver.
    for pkg in libqt6svg6 libqt6sql6-sqlite; do
        grep -Eq "(^|, )$pkg(,| |\$)" <<<"$depends" || { echo "no $pkg dependency"; return 1; }
    done
}
check "dpkg-deb control fields" deb_control

# --fail-on: errors and warnings fail; info tags are shown for the record. Overrides live in
# packaging/linux/lintian-overrides, each with its reason.
run_lintian() {
    local out status=0
    out=$(lintian --fail-on error,warning --display-info --pedantic --tag-display-limit 0 "$deb" 2>&1) \
        || status=$?
    out=$(grep -v '^running with root privileges is not recommended!$' <<<"$out" || true)
    echo "${out:-  no tags (errors, warnings, info or pedantic)}"
    return $status
}
check "lintian $(basename "$deb")" run_lintian

rpm_checks() {
    local requires files
    rpm -K --nosignature "$rpm" || return 1
    requires=$(rpm -qp --requires "$rpm")
    echo "$requires" | sed 's/^/  requires: /'
    # rpmbuild's automatic requirements found the Qt libraries the programs link; the SVG
    # plugins' library is required explicitly (loaded at run time).
    for lib in libQt6Core libQt6Widgets libQt6Svg libQt6Sql; do
        grep -q "^$lib\\.so\\.6()" <<<"$requires" || { echo "no $lib requirement"; return 1; }
    done
    # The history cache's SQLite driver plugin (no soname: named by package).
    grep -q "qt6-sql-sqlite" <<<"$requires" || { echo "no SQLite driver requirement"; return 1; }
    files=$(rpm -qpl "$rpm")
    for f in /usr/bin/syncdeck /usr/bin/syncdeck-cli /usr/bin/syncdeck-emulator \
        "/usr/share/applications/$app_id.desktop" "/usr/share/metainfo/$app_id.metainfo.xml" \
        "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
        /usr/share/man/man1/syncdeck.1.gz; do
        grep -qxF "$f" <<<"$files" || { echo "$f is missing from the RPM"; return 1; }
    done
    # Folders owned by the filesystem and icon theme packages must not be claimed.
    for f in /usr /usr/bin /usr/share/applications /usr/share/icons/hicolor /usr/share/man/man1; do
        if grep -qxF "$f" <<<"$files"; then
            echo "the RPM claims $f, which belongs to the system"
            return 1
        fi
    done
    # The %changelog is the Debian changelog converted, not CPack's placeholder.
    rpm -qp --changelog "$rpm" | head -n 3 | sed 's/^/  changelog: /'
    rpm -qp --changelog "$rpm" | head -n 1 | grep -q -- "- $(rpm -qp --qf '%{VERSION}-%{RELEASE}' "$rpm")\$" \
        || { echo "the RPM changelog does not start with this version"; return 1; }
    if grep -q 'changelog.Debian\|lintian' <<<"$files"; then
        echo "Debian-only files in the RPM"
        return 1
    fi
}
check "rpm $(basename "$rpm")" rpm_checks

tgz_checks() {
    local listing top
    listing=$(tar -tzf "$tgz")
    top=$(basename "$tgz" .tar.gz)
    for f in bin/syncdeck bin/syncdeck-cli bin/syncdeck-emulator \
        "share/applications/$app_id.desktop" share/man/man1/syncdeck.1.gz; do
        grep -qxF "$top/$f" <<<"$listing" || { echo "$top/$f is missing from the archive"; return 1; }
    done
}
check "tar $(basename "$tgz")" tgz_checks

# Each package unpacked into a throwaway root: its own programs start and report the version.
runs_from() {
    local root=$1 program out expected
    for program in syncdeck syncdeck-cli syncdeck-emulator; do
        expected="$program $version"
        [ "$program" = syncdeck ] && expected="SyncDeck $version"
        out=$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$stage/runtime" \
            timeout 60 "$root/$program" --version 2>&1) || { echo "$program: $out"; return 1; }
        [ "$out" = "$expected" ] || { echo "$program --version said '$out', not '$expected'"; return 1; }
        echo "  $root/$program: $out"
    done
}
mkdir -m 0700 "$stage/runtime" "$stage/deb" "$stage/rpm" "$stage/tgz"
version=$(dpkg-deb -f "$deb" Version)
version=${version%-*}
deb_runs() { dpkg-deb -x "$deb" "$stage/deb" && runs_from "$stage/deb/usr/bin"; }
rpm_runs() {
    rpm2archive - <"$rpm" | tar -xzf - -C "$stage/rpm" && runs_from "$stage/rpm/usr/bin"
}
tgz_runs() { tar -xzf "$tgz" -C "$stage/tgz" && runs_from "$stage/tgz/$(basename "$tgz" .tar.gz)/bin"; }
check "programs of the .deb run" deb_runs
check "programs of the .rpm run" rpm_runs
check "programs of the .tar.gz run" tgz_runs

echo "== Packages"
for f in "$deb" "$rpm" "$tgz"; do
    printf '  %-48s %8d bytes (%s)\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(du -h "$f" | cut -f1)"
done
echo "  Installed-Size (Debian): $(dpkg-deb -f "$deb" Installed-Size) KiB"

if [ "$failures" -ne 0 ]; then
    echo "$failures packaging check(s) failed." >&2
    exit 1
fi
echo "All packaging checks passed."
