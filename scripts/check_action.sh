#!/usr/bin/env bash
# Runs the steps of action.yml as a GitHub runner would, on a scratch git
# repository of articles: the `run:` steps with `${{ inputs.* }}` and
# `${{ steps.run.outputs.* }}` filled in, GITHUB_ACTION_PATH, RUNNER_TEMP,
# GITHUB_OUTPUT, GITHUB_PATH and GITHUB_STEP_SUMMARY set. The install step
# runs against a stub `cargo` that checks its arguments and links the
# claimcheck built here; in place of github/codeql-action/upload-sarif the
# SARIF file is checked for the upload: the SARIF 2.1.0 schema
# (../shared/schemas, with Python's jsonschema) and code scanning's limits
# and needs (relative URIs of files in the repository, rule ids, lines,
# fingerprints, size). Python and its packages in target/venv-precommit.
# Usage: scripts/check_action.sh
set -euo pipefail
cd "$(dirname "$0")/.."
here="$PWD"
venv=target/venv-precommit
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import yaml, jsonschema' 2>/dev/null ||
  "$venv/bin/pip" install --quiet --disable-pip-version-check pyyaml jsonschema
cargo build --quiet --locked
scratch="$(mktemp -d "${TMPDIR:-/tmp}/claimcheck-action.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/repo/articles" "$scratch/runner" "$scratch/stub"
cp fixtures/news/* "$scratch/repo/articles/"
git -C "$scratch/repo" init -q .
# A stub cargo: the install step must ask for this repository, locked, into RUNNER_TEMP.
cat > "$scratch/stub/cargo" <<STUB
#!/usr/bin/env bash
set -eu
[ "\$1" = install ] && [[ " \$* " == *" --locked "* ]] && [[ " \$* " == *" --path $here "* ]] || { echo "unexpected: cargo \$*"; exit 1; }
root=\$(sed -E 's/.*--root ([^ ]+).*/\1/' <<< "\$*")
mkdir -p "\$root/bin" && ln -sf "$here/target/debug/claimcheck" "\$root/bin/claimcheck"
STUB
chmod +x "$scratch/stub/cargo"
"$venv/bin/python" - "$here" "$scratch" <<'PY'
import json, os, re, subprocess, sys, gzip, yaml
here, scratch = sys.argv[1], sys.argv[2]
action = yaml.safe_load(open(os.path.join(here, "action.yml")))
assert action["runs"]["using"] == "composite"
inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
inputs.update({"paths": "articles", "args": "--fail-on warning"})
runner = os.path.join(scratch, "runner")
files = {n: os.path.join(runner, n) for n in ["output", "path", "summary"]}
for f in files.values():
    open(f, "w").close()
outputs = {}
def expand(text):
    def one(m):
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs."):]]
        if expr.startswith("steps.run.outputs."):
            return outputs.get(expr[len("steps.run.outputs."):], "")
        raise SystemExit(f"unexpected expression {expr}")
    return re.sub(r"\$\{\{(.*?)\}\}", one, text)
def condition(cond):
    cond = expand(re.sub(r"\b(inputs|steps\.run\.outputs)\.([\w-]+)", lambda m: "${{ %s.%s }}" % m.groups(), cond).replace("always()", "True"))
    cond = re.sub(r"'([^']*)'", r"'\1'", cond).replace("&&", " and ")
    # Values are bare after expansion: quote the words around == and !=.
    cond = re.sub(r"(^|and )\s*([^'\s]*)\s*(==|!=)", lambda m: f"{m.group(1)}'{m.group(2)}' {m.group(3)}", cond)
    return eval(cond)
sarif_checked = False
for step in action["runs"]["steps"]:
    if "if" in step and not condition(step["if"]):
        print(f"skip: {step['name']}"); continue
    if "uses" in step:
        assert step["uses"].startswith("github/codeql-action/upload-sarif@")
        path = os.path.join(scratch, "repo", expand(step["with"]["sarif_file"]))
        raw = open(path, "rb").read()
        assert len(gzip.compress(raw)) < 10 * 1024 * 1024, "upload limit: 10 MB gzipped"
        sarif = json.loads(raw)
        schema = os.path.join(here, "../shared/schemas/sarif-schema-2.1.0.json")
        if os.path.exists(schema):
            import jsonschema
            jsonschema.validate(sarif, json.load(open(schema)))
            print("SARIF valid against sarif-schema-2.1.0.json")
        assert sarif["version"] == "2.1.0" and 1 <= len(sarif["runs"]) <= 20
        run = sarif["runs"][0]
        rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
        assert run["tool"]["driver"]["name"] and 0 < len(run["results"]) <= 25000
        for r in run["results"]:
            assert r["ruleId"] in rules and r["message"]["text"]
            assert r["partialFingerprints"]
            for loc in r["locations"] + r.get("relatedLocations", []):
                pl = loc["physicalLocation"]
                uri = pl["artifactLocation"]["uri"]
                assert "://" not in uri and not uri.startswith("/"), uri
                assert os.path.isfile(os.path.join(scratch, "repo", uri)), f"{uri} not in the repository"
                assert pl["region"]["startLine"] >= 1
        print(f"upload-sarif: {len(run['results'])} results, {len(raw)} bytes, category {step['with']['category']}")
        sarif_checked = True
        continue
    env = dict(os.environ, GITHUB_ACTION_PATH=here, RUNNER_TEMP=runner,
               GITHUB_OUTPUT=files["output"], GITHUB_PATH=files["path"],
               GITHUB_STEP_SUMMARY=files["summary"], GITHUB_WORKSPACE=os.path.join(scratch, "repo"),
               PATH=os.pathsep.join([l.strip() for l in open(files["path"]) if l.strip()] +
                                   [os.path.join(scratch, "stub"), os.environ["PATH"]]))
    env.update({k: expand(str(v)) for k, v in step.get("env", {}).items()})
    p = subprocess.run([step["shell"], "-e", "-c", expand(step["run"])], cwd=os.path.join(scratch, "repo"),
                       env=env, capture_output=True, text=True)
    print(f"step: {step['name']}: exit {p.returncode}")
    if step.get("id") == "run":
        assert p.returncode == 0, p.stderr
        annotations = [l for l in p.stdout.splitlines() if l.startswith("::")]
        assert any(l.startswith("::error file=articles/") for l in annotations), p.stdout
        print(f"  {len(annotations)} pull-request annotations, e.g. {annotations[0][:100]}…")
        outputs = dict(l.split("=", 1) for l in open(files["output"]).read().splitlines())
        assert outputs["exit-code"] == "1" and outputs["sarif-file"] == "claimcheck.sarif", outputs
        summary = open(files["summary"]).read()
        assert "error[title-mismatch]" in summary, summary
    elif step["name"].startswith("Fail"):
        assert p.returncode == 1, "the job fails on findings"
    else:
        assert p.returncode == 0, p.stdout + p.stderr
assert sarif_checked and outputs
print("ok: action.yml")
PY
