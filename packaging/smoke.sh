#!/usr/bin/env bash
# Runs the installed or built program the way a clerk would, in Chinese, in an empty home folder,
# from another folder, with no Python on the PATH, and fails on anything wrong:
#   packaging/smoke.sh FOLDER    (FOLDER holds logistics-desk and logistics-desk-gui)
# --help and --version, demo, two printed forms (the CJK font embedded, barcodes and QR codes),
# check, and the window (offscreen) for 10 seconds; the data and the log must land in the
# per-user data folder.
set -euo pipefail
bin=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/elsewhere"
cd "$work/elsewhere"
data="$work/home/.local/share/LogisticsDesk/Logistics Desk"
touch "$work/started"
listing() { find "$bin" -newer "$work/started" -print | sort; }
run() {
  env -i HOME="$work/home" PATH=/nonexistent LANG=zh_CN.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
step() { printf '%-28s' "$1"; }

step "--help"
run "$bin/logistics-desk" --help > help.txt || fail "--help exited $?"
grep -q "^usage: logistics-desk " help.txt || fail "--help: $(head -1 help.txt)"
echo ok
step "--version"
version=$(run "$bin/logistics-desk" --version)
[[ $version == "logistics-desk "[0-9]* ]] || fail "--version: $version"
echo "$version"
step "demo"
run "$bin/logistics-desk" demo --assets 200 > demo.txt 2>&1 || { cat demo.txt; fail "demo"; }
grep -q "演示数据已生成" demo.txt || { cat demo.txt; fail "demo did not speak Chinese"; }
echo ok
step "print labels (QR, Code128)"
run "$bin/logistics-desk" print labels --since 2000-01-01 --code qr -o labels-qr.pdf > out.txt 2>&1 || { cat out.txt; fail "labels"; }
run "$bin/logistics-desk" print labels --since 2000-01-01 --code code128 -o labels-128.pdf > out.txt 2>&1 || { cat out.txt; fail "labels"; }
grep -q "已写入" out.txt || fail "print did not speak Chinese: $(cat out.txt)"
echo ok
step "print repair-report"
run "$bin/logistics-desk" print repair-report --month "$(date +%Y-%m)" -o report.pdf > out.txt 2>&1 || { cat out.txt; fail "report"; }
pdffonts report.pdf | grep -q "WenQuanYiMicroHei.* yes yes" || { pdffonts report.pdf; fail "the font is not embedded"; }
pdftotext report.pdf - | grep -q "维修情况月报" || fail "the report has no Chinese title"
echo ok
step "check"
run "$bin/logistics-desk" check > check.txt 2>&1 || { cat check.txt; fail "check"; }
echo ok
step "window, 10 s offscreen"
set +e
timeout 10 env -i HOME="$work/home" PATH=/nonexistent LANG=zh_CN.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  "$bin/logistics-desk-gui" > window.txt 2>&1
code=$?
set -e
[[ $code == 124 ]] || { cat window.txt; fail "the window ended early with exit status $code"; }
grep -q "window shown" "$data/logs/logistics-desk.log" || fail "the window was not shown (log)"
echo ok
step "data folder"
[[ -s "$data/logistics.db" ]] || fail "no database in $data"
[[ -d "$data/backups" ]] || fail "no backups folder in $data"
! grep -q "Traceback" "$data/logs/logistics-desk.log" help.txt demo.txt out.txt check.txt window.txt \
  || fail "a traceback was written"
echo "ok ($data)"
step "program folder unchanged"
[[ -z $(listing) ]] || { listing; fail "files were written in the program's folder"; }
echo ok
