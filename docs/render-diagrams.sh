#!/usr/bin/env bash
# Renders every diagram in processes/ to docs/diagrams/<name>.svg with bpmn-js (as Modeler draws it), in
# headless Chromium. Run after changing a diagram so that README shows what the engine runs:
#   npm ci && bash docs/render-diagrams.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "needs chromium (apt-get install chromium)" >&2; exit 1; }
[ -f node_modules/bpmn-js/dist/bpmn-viewer.production.min.js ] || npm ci --no-audit --no-fund --loglevel=error
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for diagram in processes/*.bpmn; do
  name=$(basename "$diagram" .bpmn)
  node -e '
    const fs = require("fs");
    const [viewer, xml, out] = process.argv.slice(1);
    fs.writeFileSync(out, `<!doctype html><meta charset="utf-8"><div id="canvas" style="width:3000px;height:2000px"></div>
<pre id="svg"></pre><script>${fs.readFileSync(viewer, "utf8")}</script><script>
const viewer = new BpmnJS({ container: "#canvas" });
viewer.importXML(${JSON.stringify(fs.readFileSync(xml, "utf8"))})
  .then(() => viewer.saveSVG())
  .then(({ svg }) => { document.getElementById("svg").textContent = svg; document.title = "done"; })
  .catch(e => { document.getElementById("svg").textContent = "ERROR " + e.message; });
</script>`);
  ' node_modules/bpmn-js/dist/bpmn-viewer.production.min.js "$diagram" "$work/$name.html"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --allow-file-access-from-files \
    --virtual-time-budget=10000 --dump-dom "file://$work/$name.html" 2>/dev/null > "$work/$name.dom"
  python3 - "$work/$name.dom" "docs/diagrams/$name.svg" <<'PY'
import html, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
match = re.search(r'<pre id="svg">(.*?)</pre>', dom, re.S)
svg = html.unescape(match.group(1)) if match else ""
if not svg.startswith("<?xml") and not svg.startswith("<svg"):
    sys.exit("rendering failed: " + svg[:200])
# A white background so the diagram reads on dark themes too.
x, y, w, h = re.search(r'viewBox="([^"]+)"', svg).group(1).split()
svg = re.sub(r'(<svg[^>]*>)', r'\1<rect x="%s" y="%s" width="%s" height="%s" fill="white"/>' % (x, y, w, h), svg, count=1)
open(sys.argv[2], "w", encoding="utf-8").write(svg)
PY
  echo "rendered $diagram -> docs/diagrams/$name.svg"
done
