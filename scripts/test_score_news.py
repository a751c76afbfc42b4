#!/usr/bin/env python3
"""Tests of scripts/score_news.py: normalisation, the YAML subset, the
matching rule and a whole run against a stand-in binary. Stdlib only:
    python3 scripts/test_score_news.py
"""

import io
import json
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_news as sn  # noqa: E402


def claim(doc, value, side):
    return {"document": f"dir/{doc}", "value": value, "text": value, "side": side}


class Normalise(unittest.TestCase):
    def test_front_matter_whitespace_and_nfc(self):
        a = "---\ndate: 2023-09-13\n---\nCafe\u0301  talks\n\n lasted\tfive hours \n"
        b = "Caf\u00e9 talks lasted five hours"
        self.assertEqual(sn.normalise(a), b)

    def test_no_front_matter(self):
        self.assertEqual(sn.normalise("  a\u00a0b  "), "a b")


class Yaml(unittest.TestCase):
    def test_subset(self):
        doc = sn.load_yaml(
            "a: 1\n"
            "held_out: true\n"
            "items:\n"
            "  - id: d1  # comment\n"
            "    sides:\n"
            "      - docs: [x.md, \"y.md\"]\n"
            "        value: 'more: than'\n"
            "    note: |\n"
            "      two\n"
            "      lines\n"
            "  - plain\n")
        self.assertEqual(doc["a"], 1)
        self.assertIs(doc["held_out"], True)
        self.assertEqual(doc["items"][0]["sides"][0]["docs"], ["x.md", "y.md"])
        self.assertEqual(doc["items"][0]["sides"][0]["value"], "more: than")
        self.assertEqual(doc["items"][0]["note"], "two\nlines")
        self.assertEqual(doc["items"][1], "plain")

    def test_error_has_line(self):
        with self.assertRaises(sn.YamlError) as e:
            sn.load_yaml("a: 1\nnot a mapping line\n")
        self.assertIn(":2:", str(e.exception))


class Matching(unittest.TestCase):
    name_dis = {"id": "d1", "type": "name", "severity": "warning",
                "sides": [{"docs": ["mail.md"]}, {"docs": ["tass.md", "rt.md"]}]}
    other_name = {"id": "d2", "type": "name", "severity": "warning",
                  "sides": [{"docs": ["pledge.md"]}, {"docs": ["tass.md"]}]}

    def finding(self, check="name-variant", relation="name", claims=None):
        return {"check": check, "relation": relation, "severity": "warning", "claims": claims or [
            claim("mail.md", "Permelin", "minority"),
            claim("tass.md", "Parmelin", "majority"),
            claim("pledge.md", "Parmelin", "majority")]}

    def test_outlier_against_majority(self):
        f = self.finding()
        self.assertTrue(sn.matches_disagreement(f, self.name_dis))
        # pledge.md is only in the majority: it does not make the finding
        # about the other annotation
        self.assertFalse(sn.matches_disagreement(f, self.other_name))

    def test_large_groups_do_not_match_a_one_article_slip(self):
        # "Zelensky" (3 articles) against "Zelenskyy" (3 other articles):
        # about the transliteration, not about an article that misspells
        # the given name and is in neither group. (Since the third revision
        # of the matching rule a group that holds the only document of a
        # one-document side stands for that side, so the misspelt article
        # is kept out of the finding here.)
        f = {"check": "name-variant", "relation": "name", "claims": [
            claim("a.md", "x", "majority"), claim("b.md", "x", "majority"), claim("c.md", "x", "majority"),
            claim("d.md", "x", "minority"), claim("e.md", "x", "minority"), claim("f.md", "x", "minority")]}
        slip = {"type": "name", "sides": [{"docs": ["slip.md"]}, {"docs": ["a.md", "b.md", "d.md", "e.md"]}]}
        self.assertFalse(sn.matches_disagreement(f, slip))
        translit = {"type": "name", "docs": ["a.md", "d.md"]}
        self.assertTrue(sn.matches_variant(f, translit))

    def test_subject_narrows(self):
        f = self.finding()
        f["subject"] = "Guy Parmelin"
        f["message"] = "one person spelled two ways: Guy Parmelin vs Guy Permelin"
        d = dict(self.name_dis, subject=["Permelin"])
        self.assertTrue(sn.matches_disagreement(f, d))
        d = dict(self.name_dis, subject=["Lavrov"])
        self.assertFalse(sn.matches_disagreement(f, d))
        self.assertFalse(sn.matches_variant(f, {"type": "name", "docs": ["tass.md", "mail.md"], "subject": "Lavrov"}))

    def test_type_must_fit(self):
        f = self.finding(check="event-place-mismatch", relation="event")
        self.assertEqual(sn.finding_type(f), "place")
        self.assertFalse(sn.matches_disagreement(f, self.name_dis))

    def test_types_from_words(self):
        self.assertEqual(sn.finding_type({"check": "event-date-mismatch", "relation": "event"}), "date")
        self.assertEqual(sn.finding_type({"check": "figure-mismatch", "relation": "number"}), "number")
        self.assertEqual(sn.finding_type({"check": "title-mismatch", "relation": "title"}), "title")
        self.assertEqual(sn.finding_type({"check": "office-holder-overlap", "relation": "title"}), "title")
        self.assertEqual(sn.finding_type({"check": "toll-update", "relation": "x"}), "number")
        self.assertIsNone(sn.finding_type({"check": "agree", "relation": "meeting"}))
        self.assertEqual(sn.finding_type({"check": "agree", "relation": "meeting", "claims": [
            {"slots": {"participants": "A and B"}}]}), "participant")

    def test_tied_sides_group_by_value(self):
        f = {"check": "meeting-length", "relation": "meeting", "claims": [
            claim("a.md", "five hours", "tied"), claim("b.md", "three hours", "tied")]}
        d = {"type": "duration", "sides": [{"docs": ["a.md"]}, {"docs": ["b.md"]}]}
        self.assertTrue(sn.matches_disagreement(f, d))
        same = {"type": "duration", "sides": [{"docs": ["a.md"]}, {"docs": ["c.md"]}]}
        self.assertFalse(sn.matches_disagreement(f, same))

    def test_inside_one_document(self):
        f = {"check": "date-consistency", "relation": "date", "claims": [
            claim("s.md", "Friday, September 9", "majority")]}
        d = {"type": "date", "sides": [{"docs": ["s.md"]}, {"docs": ["s.md", "e.md"]}]}
        self.assertTrue(sn.matches_disagreement(f, d))

    def test_variant(self):
        v = {"type": "name", "docs": ["tass.md", "mail.md"]}
        self.assertTrue(sn.matches_variant(self.finding(), v))
        self.assertFalse(sn.matches_variant(self.finding(), {"type": "name", "docs": ["tass.md", "rt.md"]}))


FAKE_BIN = r'''#!/usr/bin/env python3
import json, os, sys
d = sys.argv[2]
print(json.dumps({"version": 1, "documents": 3, "claims": 9, "findings": [
  {"check": "name-variant", "severity": "warning", "subject": "X", "relation": "name", "message": "m",
   "claims": [{"document": os.path.join(d, "a.md"), "value": "Permelin", "side": "minority"},
              {"document": os.path.join(d, "b.md"), "value": "Parmelin", "side": "majority"}]},
  {"check": "event-place-mismatch", "severity": "warning", "subject": "Y", "relation": "event", "message": "p",
   "claims": [{"document": os.path.join(d, "b.md"), "value": "Geneva", "side": "tied"},
              {"document": os.path.join(d, "c.md"), "value": "Bern", "side": "tied"}]}],
  "summary": {"error": 0, "warning": 2, "info": 0}}))
'''


class WholeRun(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        root = Path(self.tmp.name)
        self.texts, self.clusters = root / "texts", root / "clusters"
        for name, held in (("one", False), ("two", True)):
            (self.texts / name).mkdir(parents=True)
            (self.clusters / name).mkdir(parents=True)
            prov = []
            for doc in ("a.md", "b.md", "c.md"):
                (self.texts / name / doc).write_text(f"---\ndate: 2023-01-02\n---\nText of {doc}.\n")
                prov.append({"url": "u", "outlet": "o", "published": "2023-01-02", "query": "q",
                             "file": doc, "sha256": sn.text_sha256(self.texts / name / doc)})
            (self.clusters / name / "provenance.jsonl").write_text("".join(json.dumps(p) + "\n" for p in prov))
            (self.clusters / name / "annotations.yaml").write_text(
                f"cluster: {name}\nheld_out: {'true' if held else 'false'}\n"
                "disagreements:\n"
                "  - id: d1\n    type: name\n    severity: warning\n    sides:\n"
                "      - docs: [a.md]\n      - docs: [b.md]\n"
                "  - id: d2\n    type: date\n    severity: error\n    sides:\n"
                "      - docs: [a.md]\n      - docs: [c.md]\n"
                "variants:\n"
                "  - id: v1\n    type: place\n    docs: [b.md, c.md]\n")
        self.bin = root / "fake-claimcheck"
        self.bin.write_text(FAKE_BIN)
        self.bin.chmod(0o755)

    def tearDown(self):
        self.tmp.cleanup()

    def run_main(self, *extra):
        os.environ["CLAIMCHECK_BIN"] = str(self.bin)
        out = io.StringIO()
        with redirect_stdout(out):
            code = sn.main(["--texts", str(self.texts), "--clusters", str(self.clusters), "--json", *extra])
        return code, out.getvalue()

    def test_scores_and_held_out(self):
        code, out = self.run_main()
        self.assertEqual(code, 0)
        data = json.loads(out)
        self.assertEqual([c["cluster"] for c in data["clusters"]], ["one"])
        one = data["clusters"][0]
        self.assertEqual((one["found"], one["disagreements"]), (1, 2))
        self.assertEqual(one["per_type"]["name"], [1, 1])
        self.assertEqual((one["variants_flagged"], one["variants"]), (1, 1))
        self.assertEqual(one["unmatched"], [])
        code, out = self.run_main("--held-out")
        data = json.loads(out[out.index("{"):])
        self.assertEqual([c["cluster"] for c in data["clusters"]], ["two"])

    def test_changed_and_missing_texts(self):
        (self.texts / "one" / "a.md").write_text("---\ndate: 2023-01-02\n---\nEdited.\n")
        (self.texts / "one" / "c.md").unlink()
        os.environ["CLAIMCHECK_BIN"] = str(self.bin)
        out = io.StringIO()
        with redirect_stdout(out):
            code = sn.main(["--texts", str(self.texts), "--clusters", str(self.clusters)])
        self.assertEqual(code, 0)
        self.assertIn("1 missing, 1 changed", out.getvalue())
        self.assertIn("missing: c.md", out.getvalue())
        self.assertIn("changed: a.md", out.getvalue())

    def test_absent_texts_skip(self):
        os.environ["CLAIMCHECK_BIN"] = str(self.bin)
        out = io.StringIO()
        with redirect_stdout(out):
            code = sn.main(["--texts", str(self.texts / "nope"), "--clusters", str(self.clusters)])
        self.assertEqual(code, 0)
        self.assertIn("no local texts", out.getvalue())


if __name__ == "__main__":
    unittest.main()
