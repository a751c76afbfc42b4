#!/usr/bin/env python3
"""Score the dates `claimcheck claims` finds in Reuters articles against hand annotations.

Gold: tests/data/reuters-dates/{dev,heldout,heldout2,heldout3,heldout4,heldout5,heldout6,heldout7,heldout8,heldout9,heldout10,heldout11,heldout12,heldout13}.jsonl and articles.txt (rules in the README
there). The articles are read at run time from the research-only corpus in ../shared; the
restricted corpus given to the tool is a temporary file outside the repository, removed
afterwards. Nothing from the articles is written inside the repository.

Usage:
  python3 scripts/score_dates.py [--split dev|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12|heldout13] [--bin target/release/claimcheck]
                                 [--verbose] [--json] [--min-precision P] [--min-recall R]

Exit status: 0 (also when ../shared is absent: skipped), 1 below --min-precision /
--min-recall, 2 when inputs are missing or the tool fails. Stdlib only.
"""

import argparse
import datetime as dt
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLD_DIR = os.path.join(REPO, "tests", "data", "reuters-dates")
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
CORPUS = os.path.join(SHARED, "corpora", "reuters21578", "reuters21578.jsonl.gz")


def load_gold(split):
    rows = []
    with open(os.path.join(GOLD_DIR, f"{split}.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    records = []
    with open(os.path.join(GOLD_DIR, "articles.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rec, sp, _ = line.rstrip("\n").split("\t")
            if sp == split:
                records.append(rec)
    return records, rows


def tool_value(claim):
    """A claim's value as gold writes it: [first, last] days, {open, bound}, or None."""
    if claim.get("value"):
        return [claim["value"]["start"], claim["value"]["end"]]
    r = claim.get("resolved")
    if not r:
        return None
    if r["kind"] == "open-after":
        return {"open": "after", "bound": r["start"][:10]}
    if r["kind"] == "open-before":
        return {"open": "before", "bound": r["start"][:10]}
    return None


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13"])
    ap.add_argument("--bin", default=os.path.join(REPO, "target", "release", "claimcheck"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--min-precision", type=float)
    ap.add_argument("--min-recall", type=float)
    args = ap.parse_args()
    if not os.path.exists(CORPUS):
        print(f"score_dates: skipped ({CORPUS} not found)")
        return 0
    if not os.path.exists(args.bin):
        print(f"score_dates: {args.bin} not found (cargo build --release)", file=sys.stderr)
        return 2
    records, gold = load_gold(args.split)
    wanted = set(records)
    tmp = tempfile.mkdtemp(prefix="score-dates-")
    try:
        path = os.path.join(tmp, "articles.jsonl")
        with gzip.open(CORPUS, "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
            for line in src:
                if str(json.loads(line)["id"]) in wanted:
                    dst.write(line)
        out = subprocess.run([args.bin, "claims", path], capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return 2
    finally:
        shutil.rmtree(tmp)
    found = [json.loads(l) for l in out.stdout.splitlines() if l.startswith("{")]
    found = [c for c in found if c.get("kind") == "date" and str(c.get("record")) in wanted]
    for c in found:
        c["val"] = tool_value(c)
    by_rec = {}
    for c in found:
        by_rec.setdefault(str(c["record"]), []).append(c)
    correct = 0
    claimed = 0
    misses = []
    wrong = []
    used = set()
    for g in gold:
        cands = [c for c in by_rec.get(g["record"], []) if overlaps(c, g)]
        hit = any(c["val"] == g["expected"] for c in cands)
        if g["expected"] is not None:
            if hit:
                correct += 1
            else:
                misses.append((g, cands))
    for c in found:
        if c["val"] is None:
            continue
        claimed += 1
        gs = [g for g in gold if g["record"] == str(c["record"]) and overlaps(c, g)]
        if not any(g["expected"] is not None and g["expected"] == c["val"] for g in gs):
            wrong.append((c, gs))
    n_gold = sum(1 for g in gold if g["expected"] is not None)
    tp_precision = claimed - len(wrong)
    recall = correct / n_gold if n_gold else 0.0
    precision = tp_precision / claimed if claimed else 0.0
    summary = {
        "split": args.split,
        "articles": len(records),
        "gold": len(gold),
        "gold_with_value": n_gold,
        "tool_mentions_with_value": claimed,
        "recall": round(recall, 3),
        "precision": round(precision, 3),
    }
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"{args.split}: {len(records)} articles, {len(gold)} gold expressions ({n_gold} with a value)")
        print(f"recall    {correct}/{n_gold} = {recall:.3f}")
        print(f"precision {tp_precision}/{claimed} = {precision:.3f}")
    if args.verbose:
        for g, cands in misses:
            got = [(c["text"], c["val"]) for c in cands]
            print(f"MISS  {g['record']:>6} {g['text']!r} want {g['expected']} got {got}")
        for c, gs in wrong:
            want = [(g["text"], g["expected"]) for g in gs]
            print(f"WRONG {c['record']:>6} {c['text']!r} gave {c['val']} gold {want}")
    ok = True
    if args.min_precision is not None and precision < args.min_precision:
        ok = False
    if args.min_recall is not None and recall < args.min_recall:
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
