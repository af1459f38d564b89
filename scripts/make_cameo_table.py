"""Regenerate src/parley/data/cameo.csv from the reference tables in ../shared/reference.

The project keeps its own table (code, label, PLOVER type, mode, context, quad class,
Goldstein score) so that coding never depends on files outside the repo. Where the PLOVER
manual and its CAMEO table disagree, the manual wins; the overrides are listed in
src/parley/data/plover_overrides.yaml and documented in docs/formats.md.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$")


def quad_class(code: str) -> int:
    """CAMEO roots 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal
    conflict, 14-20 material conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def goldstein(scores: dict[str, str], code: str) -> float | None:
    for candidate in (code, code[:3], code[:2]):
        if candidate in scores:
            return float(scores[candidate])
    return None


def main(shared: Path) -> None:
    cameo_json = json.loads((shared / "reference/cameo/cameoCodes.json").read_text())
    scores, labels = cameo_json["GoldsteinScale"], cameo_json["Description"]
    overrides = yaml.safe_load((ROOT / "src/parley/data/plover_overrides.yaml").read_text())
    rows = {}
    for raw in (shared / "reference/plover/CAMEO2PLOVER-2021.txt").read_text().splitlines():
        match = LINE.match(raw.strip())
        if not match or len(match.group(1)) == 2:
            continue
        code, plover, mode, context, label = (g.strip() if g else "" for g in match.groups())
        context = ";".join(c.strip() for c in context.split(";") if c.strip())
        label = re.split(r"\s{2,}", label)[0]
        rows[code] = {"cameo": code, "label": label, "plover": plover, "mode": mode,
                      "context": context, "quad_class": quad_class(code),
                      "goldstein": goldstein(scores, code)}
    # CAMEO 01 and 02 have no PLOVER type but still need a label and a score.
    for code in ("010", "011", "012", "013", "014", "015", "016", "017", "018", "019",
                 "020", "021", "022", "023", "024", "025", "026", "027", "028"):
        rows.setdefault(code, {"cameo": code, "label": labels.get(code, "").strip(), "plover": "",
                               "mode": "", "context": "", "quad_class": quad_class(code),
                               "goldstein": goldstein(scores, code)})
    for code, change in overrides.items():
        rows[str(code)].update({k: v for k, v in change.items() if k != "why"})
    out = ROOT / "src/parley/data/cameo.csv"
    with out.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(next(iter(rows.values()))))
        writer.writeheader()
        for code in sorted(rows, key=lambda c: (c[:3], c)):
            writer.writerow(rows[code])
    print(f"wrote {len(rows)} codes to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared")
