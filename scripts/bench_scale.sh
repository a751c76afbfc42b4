#!/usr/bin/env bash
# Stress benchmark: synthetic corpora that pile everything on one subject,
# at N = 10k, 40k and 160k articles (issue 19). For each shape it prints
# the wall time of `claimcheck check CORPUS --format json` (best of
# --runs), the findings and the time ratio to the previous N. A check
# that is linear per subject grows about 4x per step (target: <= 4.4x);
# a quadratic one about 16x.
#
# Shapes (every article one or two short sentences, dated across 1987):
#   person   one person in N articles: "Secretary of State George Shultz"
#            mostly, every 7th "State Secretary", every 50th "Defense
#            Secretary" (a conflict), bare-surname references in between.
#   office   one single-holder office with N holders' claims: N/100
#            people hold "Secretary of State" one after the other, 100
#            articles each; every 10th term overlaps the next (a conflict).
#   spelling one name in N articles under 8 spellings ("Daniel
#            Kritenbrink", "Daniel Kleitenbrink", "Danial Kritenbrink", …),
#            each with a title: name-variant compares the spellings.
#   meetings one person meeting N distinct partner sets: "President Ronald
#            Reagan met Foreign Minister A" and, in the next article, "...
#            A and Foreign Minister B" (N/2 partners, each in about three
#            sets, every set nested in or around another); every 10th
#            three-person meeting is placed in Vienna, not Geneva (a
#            conflict with the two-person meetings inside it).
#
# Then the claim-dense file: one line of M MB (5 and 20) that names one
# person in every 25 bytes ("Secretary Jim Roe spoke. ", 800,000 times in
# 20 MB), a .txt document of one paragraph (target: 20 MB in <= 10 s). Its
# wall time is printed with the CPU time (user + system), the steadier
# figure on a shared machine.
#
#   scripts/bench_scale.sh [--runs N] [--sizes "10000 40000 160000"]
#                          [--shapes "person office spelling meetings"]
#                          [--oneline "5 20"] [--no-build]
#
# CLAIMCHECK_BIN=/path/to/claimcheck times another build (e.g. main's).
# Corpora are written to a temporary directory and removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1
sizes="10000 40000 160000"
shapes="person office spelling meetings"
oneline="5 20"
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --sizes) sizes="$2"; shift 2 ;;
        --shapes) shapes="$2"; shift 2 ;;
        --oneline) oneline="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

bin=${CLAIMCHECK_BIN:-target/release/claimcheck}
if [ -z "${CLAIMCHECK_BIN:-}" ] && [ "$build" = 1 ]; then
    cargo build --release --quiet
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

generate() {
    python3 - "$1" "$2" "$3" <<'EOF'
import datetime, json, sys
shape, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
start = datetime.date(1987, 1, 1)

def day(i):
    # Articles spread evenly over 1987.
    d = start + datetime.timedelta(days=(i * 365) // n)
    return d.strftime("%d-%b-%Y").upper() + " 10:00:00.00"

given = ["Alan", "Brian", "Carla", "David", "Edith", "Frank", "Grace", "Henry",
         "Irene", "Jacob", "Karen", "Louis", "Maria", "Nigel", "Oscar", "Paula"]
syll = ["bar", "cor", "dan", "fel", "gor", "hal", "kem", "lor", "mor", "nel",
        "pal", "ros", "sal", "tor", "val", "wen"]

def partner(h):
    # Distinct names for h < 2**17 whose given names and surnames are each
    # distinct too: name-variant blocks people by one exact name part, so
    # the partners make no candidate pairs (this shape stresses the
    # meeting check, not the spelling one).
    a, b, c, d = h % 16, (h // 16) % 16, (h // 256) % 16, (h // 4096) % 16
    e = "a" if h >= 65536 else ""
    return ((syll[a] + syll[b] + syll[c] + syll[d] + e).capitalize() + " "
            + (syll[d] + syll[c] + syll[b] + syll[a] + e).capitalize() + "son")

def holder(h):
    # Distinct names, far apart in spelling: the digits of h in base 16.
    a, b, c = h % 16, (h // 16) % 16, (h // 256) % 16
    d = h // 4096
    surname = (syll[a] + syll[b] + syll[c] + "ington" * (d + 1)).capitalize()
    return given[(a + b + c + d) % 16] + " " + surname

spellings = ["Daniel Kritenbrink", "Daniel Kleitenbrink", "Danial Kritenbrink",
             "Daniel Kritenbrinck", "Daniel Krittenbrink", "Daneil Kritenbrink",
             "Daniel Kritenbrik", "Daniel Kriteenbrink"]

with open(out, "w") as f:
    for i in range(n):
        if shape == "person":
            title = "Secretary of State"
            if i % 50 == 0:
                title = "Defense Secretary"
            elif i % 7 == 0:
                title = "State Secretary"
            body = (title + " George Shultz said on Monday the talks would go on. "
                    "Shultz told reporters he would travel to Geneva.")
            d = day(i)
        elif shape == "office":
            h = i // 100
            k = i % 100
            # Each term spans 100 articles; every 10th holder's last
            # articles fall inside the next holder's term.
            pos = i if not (h % 10 == 9 and k >= 95) else i + 10
            body = "Secretary of State " + holder(h) + " said on Monday the talks would go on."
            d = day(min(pos, n - 1))
        elif shape == "meetings":
            k = i // 2
            met = "Foreign Minister " + partner(k)
            place = "Geneva"
            if i % 2 == 1:
                met += " and Foreign Minister " + partner(k + 1)
                if k % 10 == 0:
                    place = "Vienna"
            body = "President Ronald Reagan met " + met + " in " + place + " on Monday."
            d = day(i)
        else:
            body = ("Assistant Secretary of State for East Asian and Pacific Affairs "
                    + spellings[i % len(spellings)] + " said on Monday the talks would go on.")
            d = day(i)
        f.write(json.dumps({"id": i, "date": d, "title": "T%d" % i, "body": body}) + "\n")
EOF
}

echo "== claimcheck check (synthetic, one subject), best of $runs; $(nproc) cores"
echo "   binary: $bin"
for shape in $shapes; do
    previous=""
    for n in $sizes; do
        corpus="$tmp/$shape-$n.jsonl"
        generate "$shape" "$n" "$corpus"
        best=""
        for _ in $(seq "$runs"); do
            t0=$(date +%s.%N)
            status=0
            "$bin" check "$corpus" --format json >"$tmp/out.json" 2>"$tmp/err" || status=$?
            t1=$(date +%s.%N)
            if [ "$status" -ge 2 ]; then
                cat "$tmp/err" >&2
                exit "$status"
            fi
            t=$(echo "$t1 - $t0" | bc)
            if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
                best=$t
            fi
        done
        findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$tmp/out.json")
        ratio=""
        if [ -n "$previous" ]; then
            ratio=$(printf '  x%.2f' "$(echo "$best / $previous" | bc -l)")
        fi
        printf '%-8s N=%-7s %8.2f s  %6s findings%s\n' "$shape" "$n" "$best" "$findings" "$ratio"
        previous=$best
        rm -f "$corpus"
    done
done

# The claim-dense one-line file: best wall time of --runs, with its CPU.
previous=""
for mb in $oneline; do
    corpus="$tmp/oneline-$mb.txt"
    python3 - "$mb" "$corpus" <<'EOF'
import sys
mb, out = int(sys.argv[1]), sys.argv[2]
sentence = "Secretary Jim Roe spoke. "
with open(out, "w") as f:
    f.write(sentence * (mb * 1_000_000 // len(sentence)) + "\n")
EOF
    best=""
    cpu=""
    for _ in $(seq "$runs"); do
        status=0
        /usr/bin/env time -f '%e %U %S' -o "$tmp/time" \
            "$bin" check "$corpus" --format json >"$tmp/out.json" 2>"$tmp/err" || status=$?
        if [ "$status" -ge 2 ]; then
            cat "$tmp/err" >&2
            exit "$status"
        fi
        read -r t u s < <(tail -n 1 "$tmp/time")
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
            best=$t
            cpu=$(echo "$u + $s" | bc)
        fi
    done
    claims=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["claims"])' "$tmp/out.json")
    ratio=""
    if [ -n "$previous" ]; then
        ratio=$(printf '  x%.2f' "$(echo "$best / $previous" | bc -l)")
    fi
    printf '%-8s %3s MB    %8.2f s  (cpu %.2f s)  %7s claims%s\n' \
        oneline "$mb" "$best" "$cpu" "$claims" "$ratio"
    previous=$best
    rm -f "$corpus"
done
