#!/usr/bin/env bash
# Install the standalone ljtracker folder (built by `make package`) with its desktop integration:
# the application menu entry, the icon, the workbook file type (double-click opens it) and the
# software-centre description. Run it from the repository or from the built folder itself,
# where `make package` puts a copy of it as install.sh.
#
#   install.sh [--app-dir DIR] [--data-dir DIR] [--bin-dir DIR] [--uninstall]
#
# Defaults: as root, /opt/ljtracker, /usr/local/share and /usr/local/bin (for every user of the
# computer); otherwise ~/.local/opt/ljtracker, ~/.local/share and ~/.local/bin (for you only).
set -eu

APP_ID=cn.ljtracker.LJTracker
MIME_TYPE=application/x-ljtracker-workbook

usage() {
  sed -n '2,11s/^# \{0,1\}//p' "$0"
  exit "${1:-0}"
}

if [ "$(id -u)" -eq 0 ]; then
  app_dir=/opt/ljtracker data_dir=/usr/local/share bin_dir=/usr/local/bin
else
  app_dir=$HOME/.local/opt/ljtracker data_dir=${XDG_DATA_HOME:-$HOME/.local/share}
  bin_dir=$HOME/.local/bin
fi
uninstall=false
while [ $# -gt 0 ]; do
  case $1 in
    --app-dir) app_dir=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    --bin-dir) bin_dir=$2; shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    -h | --help) usage 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage 2 >&2 ;;
  esac
done
case $app_dir in /*) ;; *) app_dir=$PWD/$app_dir ;; esac

here=$(cd "$(dirname "$0")" && pwd)
if [ -x "$here/ljtracker" ] && [ -d "$here/share" ]; then
  bundle=$here
else
  bundle=$(cd "$here/.." && pwd)/dist/ljtracker
fi

applications=$data_dir/applications
desktop_file=$applications/$APP_ID.desktop
metainfo_file=$data_dir/metainfo/$APP_ID.metainfo.xml
mime_file=$data_dir/mime/packages/$APP_ID.xml
icon_files=("$data_dir"/icons/hicolor/*/apps/"$APP_ID".*)

refresh_caches() {
  if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data_dir/mime/packages" ]; then
    update-mime-database "$data_dir/mime"
  fi
  if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$applications" ]; then
    update-desktop-database -q "$applications"
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data_dir/icons/hicolor" ]; then
    gtk-update-icon-cache -q -t -f "$data_dir/icons/hicolor" || true
  fi
}

# Only a folder that holds an ljtracker build is ever replaced or removed.
is_ours() { [ -x "$1/ljtracker" ] && [ -d "$1/_internal" ]; }

if $uninstall; then
  rm -f "$desktop_file" "$metainfo_file" "$mime_file" "${icon_files[@]}"
  if [ -L "$bin_dir/ljtracker" ]; then rm -f "$bin_dir/ljtracker"; fi
  if is_ours "$app_dir"; then rm -rf "$app_dir"; fi
  refresh_caches
  echo "Removed ljtracker from $app_dir and its desktop entry from $data_dir."
  exit 0
fi

if [ ! -x "$bundle/ljtracker" ] || [ ! -d "$bundle/share" ]; then
  echo "install.sh: no built application in $bundle; run 'make package' first." >&2
  exit 1
fi

# The new folder is copied beside the old one, then swapped in: a failed copy leaves the
# installed version as it was.
if [ -e "$app_dir" ] && ! is_ours "$app_dir"; then
  echo "install.sh: $app_dir exists and is not an ljtracker folder; choose another --app-dir." >&2
  exit 1
fi
mkdir -p "$(dirname "$app_dir")"
staging=$app_dir.new.$$
rm -rf "$staging"
cp -a "$bundle" "$staging"
rm -rf "$app_dir"
mv "$staging" "$app_dir"

mkdir -p "$bin_dir" "$applications" "$data_dir/metainfo" "$data_dir/mime/packages"
ln -sfn "$app_dir/ljtracker" "$bin_dir/ljtracker"

# The menu entry starts the installed program by its full path, so it works whether or not
# the bin folder is on PATH. A path with spaces is quoted as the desktop entry format asks.
exec_path=$app_dir/ljtracker
case $exec_path in *" "*) exec_path="\"$exec_path\"" ;; esac
sed "s|^Exec=ljtracker |Exec=$exec_path |" "$bundle/share/applications/$APP_ID.desktop" \
  >"$desktop_file"
cp "$bundle/share/metainfo/$APP_ID.metainfo.xml" "$metainfo_file"
cp "$bundle/share/mime/packages/$APP_ID.xml" "$mime_file"
(cd "$bundle/share" && find icons -type f -name "$APP_ID.*") | while read -r icon; do
  mkdir -p "$data_dir/$(dirname "$icon")"
  cp "$bundle/share/$icon" "$data_dir/$icon"
done
refresh_caches

echo "Installed ljtracker in $app_dir."
echo "Menu entry: $desktop_file (workbooks of type $MIME_TYPE open with it)."
case ":$PATH:" in
  *":$bin_dir:"*) echo "Command: ljtracker" ;;
  *) echo "Command: $bin_dir/ljtracker (add $bin_dir to PATH to type just 'ljtracker')" ;;
esac
