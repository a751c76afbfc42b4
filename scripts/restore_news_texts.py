#!/usr/bin/env python3
"""Write the local texts of one news evaluation cluster from search excerpts.

The texts of eval/news are not in the repository (their owners' copyright);
each was the `excerpt` the search tool's `pages` corpus returned for the
provenance line's `url` when searched with its `query`. On a new machine:
search each distinct `query` of `clusters/<cluster>/provenance.jsonl`, save
the excerpts of the listed urls as a JSON object {"<file>": "<excerpt>", ...}
(copied as the JSON string literals they are, escapes kept), then

    python3 scripts/restore_news_texts.py <cluster> <excerpts.json>
    python3 scripts/restore_news_texts.py --status

The first writes eval/news/texts/<cluster>/<file> with the front matter
(`date:` = `published`, `url:`, `outlet:`) for every excerpt whose
normalised text has the provenance sha256, and prints OK, MISMATCH or
MISSING per file; a mismatching text is not written. The leading page-date
marker the corpus puts before some excerpts (" date 2023-12-07") is not
part of the kept texts and is dropped. --status prints restored/total per
cluster. Nothing is fetched by this script.
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_news as sn  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent / "eval" / "news"
DATE_MARKER = re.compile(r"^\s*date \d{4}-\d{2}(?:-\d{2})?(?=\s)")


def provenance(cluster):
    path = ROOT / "clusters" / cluster / "provenance.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def restored(cluster, row):
    f = ROOT / "texts" / cluster / row["file"]
    return f.exists() and sn.text_sha256(f) == row["sha256"]


def status():
    for pf in sorted((ROOT / "clusters").glob("*/provenance.jsonl")):
        rows = provenance(pf.parent.name)
        ok = sum(restored(pf.parent.name, r) for r in rows)
        print(f"{pf.parent.name}: {ok}/{len(rows)}")


def write(cluster, excerpts_path):
    rows = {r["file"]: r for r in provenance(cluster)}
    excerpts = json.loads(Path(excerpts_path).read_text(encoding="utf-8"))
    for name in sorted(set(excerpts) - set(rows)):
        print(f"NOT IN PROVENANCE {name}")
    out = ROOT / "texts" / cluster
    out.mkdir(parents=True, exist_ok=True)
    for name, row in sorted(rows.items()):
        if name not in excerpts:
            print(f"MISSING  {name}  {row['url']}")
            continue
        body = DATE_MARKER.sub("", excerpts[name])
        doc = f"---\ndate: {row['published']}\nurl: {row['url']}\noutlet: {row['outlet']}\n---\n{body}\n"
        if sn.text_sha256_of(doc) == row["sha256"]:
            (out / name).write_text(doc, encoding="utf-8")
            print(f"OK       {name}")
        else:
            print(f"MISMATCH {name}  {row['url']}")


def main(argv):
    if argv == ["--status"]:
        status()
    elif len(argv) == 2:
        write(*argv)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
