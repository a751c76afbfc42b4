#!/usr/bin/env python3
"""The distributed check on Apache Spark (local mode), end to end, on the
Reuters year copied 4 times (issue 19).

Stages (each timed):
  corpus     4 shard files, copy k of every record with id "<id>-k" (k > 0)
  one check  `claimcheck check SHARDS --format json` (the reference)
  extract    Spark: one task per shard runs `claimcheck claims --documents`
  partition  `claimcheck partition CLAIMS --head head.json` (keyed lines)
  check      Spark SQL: keyed lines shuffled by key (DISTRIBUTE BY) into
             --tasks partitions, each piped through `claimcheck
             partition-check` (TRANSFORM ... USING: no Python on the data path);
             then name-form's second stage: the `slips/all` lines, with
             those the first round's `forms/` partitions passed on, through
             one more `partition-check`
  merge      `claimcheck merge --head head.json PARTIALS`
and asserts that the merged report is byte-identical to the one check's,
in JSON and in the concise format. Exit 0 when identical, 1 when not.

  python3 scripts/distributed_check.py [--copies 4] [--tasks 8]
      [--bin target/release/claimcheck] [--keep DIR]

Run it through scripts/distributed_check.sh, which builds claimcheck and
installs pyspark in a virtual environment under target/. Reads the corpus
from ../shared (skips, exit 0, when absent) and writes only to a temporary
directory (or --keep DIR).
"""

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(HERE, "..", "shared", "corpora", "reuters21578", "reuters21578.jsonl.gz")


def make_shards(src, copies, outdir):
    """Shard k holds copy k of every record (ids changed for k > 0)."""
    lines = gzip.open(src, "rt", encoding="utf-8").read().splitlines()
    paths = []
    for k in range(copies):
        path = os.path.join(outdir, "reuters-%d.jsonl.gz" % k)
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
            for line in lines:
                if not line.strip():
                    continue
                rec = json.loads(line)
                if k:
                    rec["id"] = "%s-%d" % (rec.get("id"), k)
                f.write(json.dumps(rec) + "\n")
        paths.append(path)
    return paths


def run(cmd, cwd, stdout=None, env=None):
    """Runs cmd; exit 1 (findings) is not a failure."""
    proc = subprocess.run(cmd, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, env=env)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit("failed (exit %d): %s" % (proc.returncode, " ".join(cmd)))
    return proc


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--tasks", type=int, default=8, help="Spark partitions of the check stage")
    ap.add_argument("--bin", default=os.path.join(HERE, "target", "release", "claimcheck"))
    ap.add_argument("--keep", help="work in DIR and keep it")
    args = ap.parse_args()
    if not os.path.exists(CORPUS):
        print("distributed_check: ../shared/corpora/reuters21578 not found; skipping")
        return 0
    import pyspark
    from pyspark.sql import SparkSession

    binary = os.path.abspath(args.bin)
    work = args.keep or tempfile.mkdtemp(prefix="claimcheck-distributed.")
    os.makedirs(os.path.join(work, "corpus"), exist_ok=True)
    os.makedirs(os.path.join(work, "claims"), exist_ok=True)
    times = {}

    def lap(name, start):
        times[name] = time.time() - start
        print("  %-10s %7.2f s" % (name, times[name]), flush=True)

    print("== distributed check on Spark %s (local mode, %d cores), Reuters x%d"
          % (pyspark.__version__, os.cpu_count(), args.copies), flush=True)
    t = time.time()
    shards = [os.path.relpath(p, work)
              for p in make_shards(CORPUS, args.copies, os.path.join(work, "corpus"))]
    lap("corpus", t)

    t = time.time()
    with open(os.path.join(work, "one.json"), "wb") as out:
        run([binary, "check", "--quiet", "--format", "json"] + shards, work, stdout=out)
    lap("one check", t)

    # Every claimcheck a Spark task starts uses one thread: the engine owns
    # the cores (the JVM, and TRANSFORM's scripts, inherit this).
    driver_env = dict(os.environ)
    os.environ["RAYON_NUM_THREADS"] = "1"
    env = dict(os.environ)

    t = time.time()
    spark = (SparkSession.builder.master("local[%d]" % os.cpu_count())
             .appName("claimcheck-distributed")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", str(args.tasks))
             # --tasks tasks, not fewer: no coalescing of small partitions.
             .config("spark.sql.adaptive.coalescePartitions.enabled", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    lap("spark up", t)


    def extract(shard):
        out_path = os.path.join(work, "claims", os.path.basename(shard) + ".claims.jsonl")
        with open(out_path, "wb") as out:
            run([binary, "claims", "--documents", "--quiet", shard], work, stdout=out, env=env)
        return out_path

    t = time.time()
    claims = spark.sparkContext.parallelize(shards, len(shards)).map(extract).collect()
    lap("extract", t)

    t = time.time()
    keyed = os.path.join(work, "keyed.tsv")
    head = os.path.join(work, "head.json")
    with open(keyed, "wb") as out:
        proc = run([binary, "partition", "--head", head] + claims, work, stdout=out,
                   env=driver_env)
    summary = proc.stderr.decode().strip().splitlines()[-1]
    lap("partition", t)

    t = time.time()
    spark.read.text(keyed).createOrReplaceTempView("keyed")
    # The key is the line up to its first tab. Each task's findings keep
    # their order, so they are collected per task (spark_partition_id).
    # Two rounds: every partition but name-form's `slips/all` first; the
    # `forms/` partitions among them pass the documents of their candidate
    # slips on as keyed `slips/all` lines (their output lines that are no
    # JSON finding), which the second round checks with the `slips/all`
    # lines `partition` wrote. Output rows are whole lines (a keyed line
    # holds tabs, TRANSFORM's default field separator).
    transform = ("TRANSFORM(value) USING '%s partition-check -' AS (out STRING) "
                 "ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\u0001'" % binary)
    first = spark.sql("""
        SELECT spark_partition_id() AS task, out FROM (
          SELECT %s
          FROM (SELECT value FROM keyed WHERE value NOT LIKE 'slips/%%'
                DISTRIBUTE BY substring_index(value, '\\t', 1)))
    """ % transform).cache()
    first.createOrReplaceTempView("first")
    second = spark.sql("""
        SELECT spark_partition_id() AS task, out FROM (
          SELECT %s
          FROM (SELECT value FROM (
                  SELECT value FROM keyed WHERE value LIKE 'slips/%%'
                  UNION ALL SELECT out AS value FROM first WHERE out NOT LIKE '{%%')
                DISTRIBUTE BY substring_index(value, '\\t', 1)))
    """ % transform).collect()
    partials = {}
    passed_on = 0
    for row in first.collect():
        if row.out.startswith("{"):
            partials.setdefault((1, row.task), []).append(row.out)
        else:
            passed_on += 1
    for row in second:
        partials.setdefault((2, row.task), []).append(row.out)
    lap("check", t)
    # Lines of the largest task of each round (another pass over the
    # shuffled lines).
    tasks, sizes = spark.sql("""
        SELECT count(*), max(n) FROM (SELECT count(*) AS n FROM (
          SELECT spark_partition_id() AS task FROM (
            SELECT value FROM keyed WHERE value NOT LIKE 'slips/%'
            DISTRIBUTE BY substring_index(value, '\\t', 1)))
          GROUP BY task)
    """).collect()[0]
    slips_lines = spark.sql("""
        SELECT count(*) FROM (SELECT value FROM keyed WHERE value LIKE 'slips/%'
          UNION ALL SELECT out AS value FROM first WHERE out NOT LIKE '{%')
    """).collect()[0][0]
    spark.stop()

    t = time.time()
    files = []
    for (stage, i), found in sorted(partials.items()):
        path = os.path.join(work, "partial-%d-%03d.jsonl" % (stage, i))
        with open(path, "w") as f:
            f.writelines(line + "\n" for line in found)
        files.append(path)
    merged = {}
    for fmt in ("json", "concise"):
        proc = run([binary, "merge", "--head", head, "--format", fmt] + files, work,
                   stdout=subprocess.PIPE, env=driver_env)
        merged[fmt] = proc.stdout
        # Kept beside the one check's report, to compare when they differ.
        with open(os.path.join(work, "merged." + fmt), "wb") as f:
            f.write(proc.stdout)
    lap("merge", t)

    with open(os.path.join(work, "one.json"), "rb") as f:
        one_json = f.read()
    one_concise = run([binary, "check", "--quiet", "--format", "concise"] + shards, work,
                      stdout=subprocess.PIPE, env=driver_env).stdout
    same = merged["json"] == one_json and merged["concise"] == one_concise
    report = json.loads(one_json)
    keyed_lines = sum(1 for _ in open(keyed, "rb"))
    keys = {}
    with open(keyed, "rb") as f:
        for line in f:
            k = line.split(b"\t", 1)[0]
            keys[k] = keys.get(k, 0) + len(line)
    largest = max(keys.items(), key=lambda kv: kv[1])
    forms = [(k, v) for k, v in keys.items() if k.startswith(b"forms/")]
    forms_lines = {}
    with open(keyed, "rb") as f:
        for line in f:
            if line.startswith(b"forms/"):
                k = line.split(b"\t", 1)[0]
                forms_lines[k] = forms_lines.get(k, 0) + 1
    distributed = sum(v for k, v in times.items() if k not in ("corpus", "one check"))
    print("   partition: %s" % summary)
    print("   %d documents, %d claims, %d findings; shuffled %.1f MB in %d keyed lines "
          "(%.0f bytes per claim), %d keys, largest %s (%.1f KB); %d Spark tasks, "
          "the largest %d lines"
          % (report["documents"], report["claims"], len(report["findings"]),
             os.path.getsize(keyed) / 1e6, keyed_lines,
             os.path.getsize(keyed) / max(report["claims"], 1), len(keys),
             largest[0].decode(), largest[1] / 1e3, tasks, sizes))
    if forms_lines:
        big = max(forms_lines.items(), key=lambda kv: kv[1])
        print("   name-form: %d forms/ keys (%.1f MB), the largest %s (%d lines); "
              "%d lines passed on to slips/all, which held %d lines"
              % (len(forms_lines), sum(v for _, v in forms) / 1e6, big[0].decode(), big[1],
                 passed_on, slips_lines))
    print("   one check %.2f s; distributed %.2f s (Spark start %.2f s, extract %.2f s, "
          "partition %.2f s, check %.2f s, merge %.2f s)"
          % (times["one check"], distributed, times["spark up"], times["extract"],
             times["partition"], times["check"], times["merge"]))
    print("   merged report byte-identical to one check (json and concise): %s"
          % ("yes" if same else "NO"))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
