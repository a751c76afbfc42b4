#!/usr/bin/env python3
"""Score `claimcheck check` on the multi-outlet news evaluation set.

Reads the committed annotations and provenance under eval/news/clusters/
and the git-ignored local texts under eval/news/texts/ (never retrieved by
this script), runs `claimcheck check <texts>/<cluster> --format json` for
each cluster, matches its findings to the annotated disagreements and
compatible variants (the rule is in eval/news/GUIDELINES.md, "Matching
rule"), and prints:

- recall of error/warning disagreements, per cluster and overall;
- recall per type (place, participant, duration, date, number, name, title);
- the share of compatible variants flagged at error or warning;
- unmatched error/warning findings (possible false positives).

It first checks each local text against the sha256 in provenance.jsonl and
says which are missing or changed.

Usage:
    scripts/score_news.py                 # every cluster but the held-out one
    scripts/score_news.py --held-out      # only the held-out cluster
    scripts/score_news.py --all           # every cluster, held-out reported apart
    scripts/score_news.py --json          # the numbers as JSON on stdout
    scripts/score_news.py --write-hashes  # (annotator) fill sha256 from local texts

The binary is $CLAIMCHECK_BIN, else target/release/claimcheck. Python 3
standard library only. Exit 0 when scored (or skipped because the texts
are absent), 2 on a usage, input or binary error.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = ["place", "participant", "duration", "date", "number", "name", "title"]

# Words in a finding's check id, relation and slot names that tell its type;
# first hit wins, in this order (GUIDELINES.md, "Matching rule").
TYPE_WORDS = [
    ("participant", {"participant", "who", "counterpart"}),
    ("place", {"place", "venue", "where", "location"}),
    ("duration", {"duration", "length", "long", "lasted"}),
    ("date", {"date", "day", "when", "weekday", "time"}),
    ("number", {"figure", "number", "count", "toll", "amount", "quantity", "magnitude", "distance"}),
    ("name", {"name"}),
    ("title", {"title", "office", "rank", "holder"}),
]


# ---------------------------------------------------------------- text hashing

def body_of(text: str) -> str:
    """The article text without its YAML front matter."""
    if text.startswith("---\n") or text.startswith("---\r\n"):
        end = re.search(r"^---[ \t]*\r?$", text[4:], flags=re.M)
        if end:
            return text[4 + end.end():]
    return text


def normalise(text: str) -> str:
    """The normalisation the provenance hashes are taken over: the body
    without front matter, Unicode NFC, every run of whitespace (spaces,
    tabs, newlines, no-break spaces) collapsed to one space, trimmed."""
    text = unicodedata.normalize("NFC", body_of(text))
    return re.sub(r"\s+", " ", text).strip()


def text_sha256(path: Path) -> str:
    return text_sha256_of(path.read_text(encoding="utf-8"))


def text_sha256_of(text: str) -> str:
    """The provenance hash of a text (front matter included or not)."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


# ---------------------------------------------------------- minimal YAML reader

class YamlError(Exception):
    pass


def _scalar(s: str):
    s = s.strip()
    if s == "" or s == "~" or s == "null":
        return None
    if s in ("true", "True"):
        return True
    if s in ("false", "False"):
        return False
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        if s[0] == '"':
            return json.loads(s)
        return s[1:-1].replace("''", "'")
    if s.startswith("[") and s.endswith("]"):
        return [_scalar(p) for p in _split_flow(s[1:-1])]
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    if re.fullmatch(r"-?\d+\.\d+", s):
        return float(s)
    return s


def _split_flow(s: str):
    parts, cur, quote = [], "", None
    for ch in s:
        if quote:
            cur += ch
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
            cur += ch
        elif ch == ",":
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return [p for p in parts if p.strip()]


def _strip_comment(line: str) -> str:
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def load_yaml(text: str, name: str = "<yaml>"):
    """Reads the block-YAML subset the annotations use: mappings, `- ` lists,
    plain/quoted scalars, flow lists `[a, b]`, `|` and `>` block scalars and
    `#` comments. Anything else is an error with its line number."""
    lines = []
    raw_lines = text.splitlines()
    i = 0
    while i < len(raw_lines):
        raw = raw_lines[i]
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise YamlError(f"{name}:{i + 1}: tab in indentation")
        stripped = _strip_comment(raw)
        if stripped.strip():
            lines.append([len(stripped) - len(stripped.lstrip()), stripped.strip(), i + 1, None])
            # a block scalar keeps the following more-indented lines verbatim
            if re.search(r":\s*[|>][-+]?$", stripped) or stripped.strip() in ("- |", "- >"):
                indent = lines[-1][0]
                fold = ">" in stripped.rsplit(":", 1)[-1] or stripped.strip() == "- >"
                block = []
                j = i + 1
                while j < len(raw_lines) and (not raw_lines[j].strip() or
                                              len(raw_lines[j]) - len(raw_lines[j].lstrip()) > indent):
                    block.append(raw_lines[j].strip())
                    j += 1
                lines[-1][3] = (" " if fold else "\n").join(block).strip()
                i = j
                continue
        i += 1
    pos = [0]

    def parse(indent):
        if pos[0] >= len(lines):
            return None
        if lines[pos[0]][1].startswith("- ") or lines[pos[0]][1] == "-":
            return parse_list(lines[pos[0]][0])
        return parse_map(lines[pos[0]][0])

    def value_after(rest, ind, block, lineno):
        if block is not None:
            return block
        if rest.strip() == "":
            if pos[0] < len(lines) and lines[pos[0]][0] > ind:
                return parse(lines[pos[0]][0])
            if pos[0] < len(lines) and lines[pos[0]][0] == ind and lines[pos[0]][1].startswith("- "):
                return parse_list(ind)
            return None
        return _scalar(rest)

    def parse_map(ind):
        out = {}
        while pos[0] < len(lines) and lines[pos[0]][0] == ind and not lines[pos[0]][1].startswith("- "):
            _, content, lineno, block = lines[pos[0]]
            m = re.match(r"^([^:]+?):(\s+.*|)$", content)
            if not m:
                raise YamlError(f"{name}:{lineno}: expected `key: value`, got {content!r}")
            pos[0] += 1
            key = m.group(1).strip().strip("\"'")
            if key in out:
                raise YamlError(f"{name}:{lineno}: duplicate key {key!r}")
            out[key] = value_after(m.group(2), ind, block, lineno)
        if pos[0] < len(lines) and lines[pos[0]][0] > ind:
            raise YamlError(f"{name}:{lines[pos[0]][2]}: unexpected indentation")
        return out

    def parse_list(ind):
        out = []
        while pos[0] < len(lines) and lines[pos[0]][0] == ind and (
                lines[pos[0]][1].startswith("- ") or lines[pos[0]][1] == "-"):
            _, content, lineno, block = lines[pos[0]]
            rest = content[1:].lstrip()
            if block is not None:
                pos[0] += 1
                out.append(block)
            elif rest == "":
                pos[0] += 1
                out.append(parse(lines[pos[0]][0]) if pos[0] < len(lines) and lines[pos[0]][0] > ind else None)
            elif re.match(r"^[^\"'\[][^:]*:(\s|$)", rest):
                # "- key: value" opens a mapping indented at the key's column
                key_ind = ind + (len(content) - len(rest))
                lines[pos[0]] = [key_ind, rest, lineno, None]
                out.append(parse_map(key_ind))
            else:
                pos[0] += 1
                out.append(_scalar(rest))
        return out

    doc = parse(0)
    if pos[0] != len(lines):
        raise YamlError(f"{name}:{lines[pos[0]][2]}: could not read from here")
    return doc


# ------------------------------------------------------------------- matching

def tokens(s: str):
    return {t for t in re.split(r"[^a-z0-9]+", (s or "").lower()) if t}


def word_type(words):
    for typ, keys in TYPE_WORDS:
        for w in words:
            if w in keys or (w.endswith("s") and w[:-1] in keys):
                return typ
    return None


def finding_type(f):
    """check id first, then relation, then slot names on its claims."""
    for words in (tokens(f.get("check", "")), tokens(f.get("relation", ""))):
        t = word_type(words)
        if t:
            return t
    slots = set()
    for c in f.get("claims", []):
        for k in (c.get("slots") or {}):
            slots |= tokens(k)
    return word_type(slots)


def finding_docs(f):
    return {Path(c.get("document") or "").name for c in f.get("claims", [])}


def finding_groups(f):
    """The finding's claims split into the groups it sets against each other,
    as sets of document names: outliers (side `minority`) and the majority;
    when the sides are tied, one group per distinct value. A finding with a
    single group (one claim, or one value) is a disagreement inside it."""
    minority, majority, by_value = set(), set(), {}
    for c in f.get("claims", []):
        doc = Path(c.get("document") or "").name
        side = c.get("side")
        if side == "minority":
            minority.add(doc)
        elif side == "majority":
            majority.add(doc)
        key = re.sub(r"\s+", " ", str(c.get("value") or c.get("text") or "")).strip().lower()
        by_value.setdefault(key, set()).add(doc)
    if minority and majority:
        return [minority, majority]
    if len(by_value) >= 2:
        return list(by_value.values())
    return [finding_docs(f)]


def fits(ftype, atype):
    return ftype is None or ftype == atype


def about_subject(f, ann):
    """An annotation's optional `subject` (a string or a list) names what it
    is about; a finding fits it when one of them occurs, case-insensitively,
    in the finding's subject, message or reason. Without `subject`, any."""
    subj = ann.get("subject")
    if not subj:
        return True
    words = [subj] if isinstance(subj, str) else subj
    hay = " ".join(str(f.get(k) or "") for k in ("subject", "message", "reason")).lower()
    return any(str(w).lower() in hay for w in words)


def outlier_quoted(f, ann):
    """The finding's outlier form (the text of its claims on side `minority`)
    occurs, as a whole word, in the value of one of the annotation's sides."""
    outliers = {str(c.get("text") or "").strip().lower() for c in f.get("claims", []) if c.get("side") == "minority"}
    outliers.discard("")
    values = " ".join(str(s.get("value") or "") for s in ann.get("sides") or []).lower()
    return any(re.search(r"(?<!\w)" + re.escape(o) + r"(?!\w)", values) for o in outliers)


def majority_on_side(group, side):
    """The finding's larger group stands for an annotated side when at least
    half of the group's documents are on it, or when the group holds more
    than half of the documents listed on it: annotators list the documents
    they checked for a majority value, while the finding's majority group
    holds every document that writes it (revision of 2026-12-07, GUIDELINES.md)."""
    shared = len(group & side)
    return 2 * shared >= len(group) or 2 * shared > len(side)


def matches_disagreement(f, d):
    """The finding's outlier group (the smaller of two groups it sets against
    each other) lies mostly — more than half of its documents — on one
    annotated side, and another of its groups at least half on a different
    side (see `majority_on_side`). A finding with a single group matches when that group meets both sides
    (a disagreement inside one document)."""
    if not fits(finding_type(f), d.get("type")) or not (about_subject(f, d) or outlier_quoted(f, d)):
        return False
    sides = [set(s.get("docs") or []) for s in d.get("sides") or []]
    groups = finding_groups(f)
    for i, si in enumerate(sides):
        for j, sj in enumerate(sides):
            if i == j:
                continue
            if len(groups) == 1:
                if groups[0] & si and groups[0] & sj:
                    return True
                continue
            for a, ga in enumerate(groups):
                for b, gb in enumerate(groups):
                    if a == b or len(ga) > len(gb):
                        continue
                    if 2 * len(ga & si) > len(ga) and majority_on_side(gb, sj):
                        return True
    return False


def matches_variant(f, v):
    """Two of the finding's groups each meet the variant's documents (the
    one group, when the finding has a single group)."""
    if not fits(finding_type(f), v.get("type")) or not about_subject(f, v):
        return False
    vdocs = set(v.get("docs") or [])
    groups = finding_groups(f)
    if len(groups) == 1:
        return bool(groups[0] & vdocs)
    return sum(1 for g in groups if g & vdocs) >= 2


# ------------------------------------------------------------------- clusters

def load_cluster(cdir: Path):
    ann_path = cdir / "annotations.yaml"
    prov_path = cdir / "provenance.jsonl"
    ann = load_yaml(ann_path.read_text(encoding="utf-8"), str(ann_path)) if ann_path.exists() else None
    prov = []
    if prov_path.exists():
        for n, line in enumerate(prov_path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    prov.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise SystemExit(f"error: {prov_path}:{n}: {e}")
    return ann, prov


def validate(name, ann, prov):
    """Problems in the annotations: unknown documents, types, severities."""
    problems = []
    files = {p["file"] for p in prov}
    for d in ann.get("disagreements") or []:
        if d.get("type") not in TYPES:
            problems.append(f"{name}: disagreement {d.get('id')}: unknown type {d.get('type')!r}")
        if d.get("severity") not in ("error", "warning", "info"):
            problems.append(f"{name}: disagreement {d.get('id')}: unknown severity {d.get('severity')!r}")
        if len(d.get("sides") or []) < 2:
            problems.append(f"{name}: disagreement {d.get('id')}: needs two sides")
        for s in d.get("sides") or []:
            for doc in s.get("docs") or []:
                if doc not in files:
                    problems.append(f"{name}: disagreement {d.get('id')}: unknown document {doc}")
    for v in ann.get("variants") or []:
        if v.get("type") not in TYPES:
            problems.append(f"{name}: variant {v.get('id')}: unknown type {v.get('type')!r}")
        for doc in v.get("docs") or []:
            if doc not in files:
                problems.append(f"{name}: variant {v.get('id')}: unknown document {doc}")
    return problems


def check_texts(tdir: Path, prov):
    missing, changed, ok = [], [], []
    for p in prov:
        f = tdir / p["file"]
        if not f.exists():
            missing.append(p["file"])
        elif p.get("sha256") and text_sha256(f) != p["sha256"]:
            changed.append(p["file"])
        else:
            ok.append(p["file"])
    listed = {p["file"] for p in prov}
    extra = sorted(x.name for x in tdir.glob("*") if x.is_file() and x.name not in listed) if tdir.exists() else []
    return missing, changed, ok, extra


def run_claimcheck(binary, tdir: Path):
    cmd = [binary, "check", str(tdir), "--format", "json", "--fail-on", "never"]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    except OSError as e:
        raise SystemExit(f"error: cannot run {binary}: {e}")
    if out.returncode not in (0, 1):
        raise SystemExit(f"error: {' '.join(cmd)} exited {out.returncode}:\n{out.stderr.strip()}")
    try:
        return json.loads(out.stdout)
    except json.JSONDecodeError as e:
        raise SystemExit(f"error: {' '.join(cmd)}: output is not JSON: {e}")


def score_cluster(name, ann, report):
    findings = report.get("findings") or []
    serious = [d for d in ann.get("disagreements") or [] if d.get("severity") in ("error", "warning")]
    found = {}
    for d in serious:
        found[d["id"]] = [f for f in findings if matches_disagreement(f, d)]
    variants = ann.get("variants") or []
    all_dis = ann.get("disagreements") or []
    # A finding that matches an annotated disagreement is explained by it and
    # flags no variant.
    free = [f for f in findings if f.get("severity") in ("error", "warning")
            and not any(matches_disagreement(f, d) for d in all_dis)]
    flagged = {}
    for v in variants:
        flagged[v["id"]] = [f for f in free if matches_variant(f, v)]
    unmatched = []
    for f in findings:
        if f.get("severity") not in ("error", "warning"):
            continue
        if any(matches_disagreement(f, d) for d in all_dis):
            continue
        if any(matches_variant(f, v) for v in variants):
            continue
        unmatched.append(f)
    per_type = {t: [0, 0] for t in TYPES}
    for d in serious:
        per_type[d["type"]][1] += 1
        if found[d["id"]]:
            per_type[d["type"]][0] += 1
    return {
        "cluster": name,
        "documents": report.get("documents"),
        "claims": report.get("claims"),
        "findings": len(findings),
        "disagreements": len(serious),
        "found": sum(1 for d in serious if found[d["id"]]),
        "found_ids": sorted(d["id"] for d in serious if found[d["id"]]),
        "missed_ids": sorted(d["id"] for d in serious if not found[d["id"]]),
        "per_type": per_type,
        "variants": len(variants),
        "variants_flagged": sum(1 for v in variants if flagged[v["id"]]),
        "flagged_ids": sorted(v["id"] for v in variants if flagged[v["id"]]),
        "unmatched": [{"check": f.get("check"), "severity": f.get("severity"), "subject": f.get("subject"),
                       "documents": sorted(finding_docs(f)), "message": f.get("message")} for f in unmatched],
    }


def ratio(a, b):
    return "n/a" if b == 0 else f"{a}/{b} = {a / b:.2f}"


def total(scores):
    t = {"disagreements": 0, "found": 0, "variants": 0, "variants_flagged": 0, "unmatched": 0,
         "per_type": {k: [0, 0] for k in TYPES}}
    for s in scores:
        for k in ("disagreements", "found", "variants", "variants_flagged"):
            t[k] += s[k]
        t["unmatched"] += len(s["unmatched"])
        for k in TYPES:
            t["per_type"][k][0] += s["per_type"][k][0]
            t["per_type"][k][1] += s["per_type"][k][1]
    return t


def print_block(title, s, verbose):
    print(f"== {title}")
    if "documents" in s:
        print(f"   documents {s['documents']}, claims {s['claims']}, findings {s['findings']}")
    print(f"   recall (error+warning disagreements): {ratio(s['found'], s['disagreements'])}")
    pt = "  ".join(f"{k} {ratio(*s['per_type'][k]).split(' =')[0]}" for k in TYPES if s["per_type"][k][1])
    print(f"   per type: {pt}")
    print(f"   compatible variants flagged as error/warning: {ratio(s['variants_flagged'], s['variants'])}")
    n_un = s["unmatched"] if isinstance(s["unmatched"], int) else len(s["unmatched"])
    print(f"   unmatched error/warning findings: {n_un}")
    if verbose and not isinstance(s["unmatched"], int):
        if s["found_ids"]:
            print(f"   found: {', '.join(s['found_ids'])}")
        if s["missed_ids"]:
            print(f"   missed: {', '.join(s['missed_ids'])}")
        if s["flagged_ids"]:
            print(f"   flagged variants: {', '.join(s['flagged_ids'])}")
        for u in s["unmatched"]:
            print(f"     - {u['severity']} {u['check']} [{u['subject']}] {', '.join(u['documents'])}: {u['message']}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", default=str(ROOT / "eval/news/texts"), help="local texts folder (git-ignored)")
    ap.add_argument("--clusters", default=str(ROOT / "eval/news/clusters"), help="annotations and provenance")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--exclude-held-out", action="store_true", default=True,
                   help="score every cluster but the held-out one (default)")
    g.add_argument("--held-out", action="store_true", help="score only the held-out cluster")
    g.add_argument("--all", action="store_true", help="score every cluster; held-out reported apart")
    ap.add_argument("--cluster", action="append", help="score only this cluster (repeatable)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list found/missed ids and unmatched findings")
    ap.add_argument("--write-hashes", action="store_true",
                    help="(annotator) write each local text's sha256 into provenance.jsonl and exit")
    args = ap.parse_args(argv)

    texts, clusters = Path(args.texts), Path(args.clusters)
    cdirs = sorted(p for p in clusters.iterdir() if p.is_dir()) if clusters.is_dir() else []
    if args.cluster:
        cdirs = [c for c in cdirs if c.name in args.cluster]
    if not cdirs:
        print(f"error: no clusters under {clusters}", file=sys.stderr)
        return 2

    if args.write_hashes:
        for c in cdirs:
            _, prov = load_cluster(c)
            for p in prov:
                f = texts / c.name / p["file"]
                if f.exists():
                    p["sha256"] = text_sha256(f)
            with open(c / "provenance.jsonl", "w", encoding="utf-8") as fh:
                for p in prov:
                    fh.write(json.dumps(p, ensure_ascii=False) + "\n")
            print(f"{c.name}: {sum(1 for p in prov if p.get('sha256'))}/{len(prov)} hashed")
        return 0

    if not texts.is_dir():
        print(f"note: no local texts at {texts}; nothing scored (see eval/news/README.md to rebuild them)")
        return 0
    note_out = sys.stderr if args.json else sys.stdout

    def note(msg):
        print(msg, file=note_out)

    binary = os.environ.get("CLAIMCHECK_BIN") or str(ROOT / "target/release/claimcheck")
    if not Path(binary).exists() and os.sep in binary:
        print(f"error: no claimcheck binary at {binary} (build it, or set CLAIMCHECK_BIN)", file=sys.stderr)
        return 2

    scored, held, problems = [], [], []
    for c in cdirs:
        ann, prov = load_cluster(c)
        if ann is None:
            note(f"note: {c.name}: no annotations.yaml, skipped")
            continue
        is_held = bool(ann.get("held_out"))
        if args.held_out and not is_held:
            continue
        if not args.held_out and not args.all and is_held:
            note(f"note: {c.name}: held out, not scored (use --held-out once, at the end)")
            continue
        problems += validate(c.name, ann, prov)
        tdir = texts / c.name
        if not tdir.is_dir():
            note(f"note: {c.name}: no local texts at {tdir}, skipped")
            continue
        missing, changed, ok, extra = check_texts(tdir, prov)
        note(f"texts {c.name}: {len(ok)} ok, {len(missing)} missing, {len(changed)} changed, {len(extra)} not in provenance")
        for label, items in (("missing", missing), ("changed", changed), ("not in provenance", extra)):
            if items:
                note(f"   {label}: {', '.join(items)}")
        report = run_claimcheck(binary, tdir)
        s = score_cluster(c.name, ann, report)
        s["texts"] = {"ok": len(ok), "missing": missing, "changed": changed, "extra": extra}
        (held if is_held else scored).append(s)

    if problems:
        for p in problems:
            print(f"annotation problem: {p}", file=sys.stderr)
        return 2

    if args.json:
        out = {"clusters": scored + held, "overall": total(scored) if scored else None,
               "held_out": total(held) if held else None}
        print(json.dumps(out, indent=2))
        return 0
    for s in scored:
        print_block(s["cluster"], s, args.verbose)
    if scored:
        print_block(f"overall ({len(scored)} clusters, held-out excluded)", total(scored), False)
    for s in held:
        print_block(f"HELD-OUT {s['cluster']}", s, args.verbose)
    if not scored and not held:
        print("note: no cluster scored")
    return 0


if __name__ == "__main__":
    sys.exit(main())
