"""Build readouts/knowledge/cameo.tsv (CAMEO event code, name, Goldstein weight, quad class).

Source: ../shared/data/cameo-codebook/cameo-codes.csv (the CAMEO 1.1b3 codes with the standard
CAMEO-to-Goldstein (1992) weights as packaged by the ICEWS R package, MIT). Only the facts are kept:
code, short name, weight. Quad classes follow the usual root grouping (01-05 verbal cooperation,
06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict).

usage: python tools/build_cameo_table.py [PATH/TO/cameo-codes.csv]
"""

import csv
import sys
from pathlib import Path

SRC = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/cameo-codebook/cameo-codes.csv")
OUT = Path(__file__).resolve().parent.parent / "readouts" / "knowledge" / "cameo.tsv"


def quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def main() -> None:
    rows = list(csv.DictReader(SRC.open(encoding="cp1252")))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# CAMEO 1.1b3 event codes with Goldstein (1992) weights (ICEWS table); built by tools/build_cameo_table.py\n")
        out.write("code\tname\tgoldstein\tquad_class\n")
        for r in sorted(rows, key=lambda r: r["code"]):
            name = " ".join(r["name"].split()).capitalize()
            out.write(f"{r['code']}\t{name}\t{float(r['goldstein']):g}\t{quad(r['code'])}\n")
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main()
