#!/usr/bin/env python3
"""Validate the example claims files and batch.csv against the JSON Schemas.

Builds the complete unsigned VC (as `skillpass issue` does: adds @context, id,
issuer, validFrom, credentialSchema, credentialStatus) from every claims file and
every CSV row, then validates it with Draft 2020-12 and format checking. Also
checks that deliberately broken documents are rejected, and, when the shared data
directory is found, that level ids and ISCO-08 codes exist there.

    pip install jsonschema rfc3339-validator
    python3 examples/check_examples.py [--data DIR]
"""

import argparse
import copy
import csv
import json
import os
import sys
import uuid

from jsonschema import Draft202012Validator, FormatChecker

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ISSUER = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
VC_V2 = "https://www.w3.org/ns/credentials/v2"


def load_validator(name):
    with open(os.path.join(ROOT, "schemas", f"{name}.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    return schema, Draft202012Validator(schema, format_checker=FormatChecker())


def envelope(claims, schema_id, index):
    vc = {
        "@context": [VC_V2],
        "id": f"urn:uuid:{uuid.UUID(int=index + 1)}",
        "type": ["VerifiableCredential", claims["type"]],
        "issuer": ISSUER,
        "validFrom": "2026-11-26T10:00:00Z",
        "credentialSchema": {"id": schema_id, "type": "JsonSchema"},
        "credentialStatus": [
            {"type": "BitstringStatusListEntry", "statusPurpose": p,
             "statusListIndex": str(index * 7919 % 131072),
             "statusListCredential": f"https://registry.example/status/{p}/1"}
            for p in ("revocation", "suspension")
        ],
        "credentialSubject": claims["credentialSubject"],
    }
    if "validUntil" in claims:
        vc["validUntil"] = claims["validUntil"]
    return vc


def row_to_claims(row):
    """The CSV -> claims mapping of `skillpass issue --batch`."""
    title = {"en": row["title_en"]}
    if row["title_original"]:
        title["original"] = row["title_original"]
    if row["title_lang"]:
        title["lang"] = row["title_lang"]
    q = {
        "title": title,
        "awardingBody": {"name": row["awarding_body"]},
        "country": row["country"],
        "frameworkLevels": [row["level"]],
        "field": {"iscedF": row["field"]},
    }
    if row["isco08"]:
        q["occupation"] = {"isco08": row["isco08"]}
    q["learningOutcomes"] = [s for s in row["learning_outcomes"].split("|") if s]
    q["awarded"] = row["awarded"]
    subject = {"name": row["name"]}
    if row["holder_did"]:
        subject["id"] = row["holder_did"]
    if row["birth_date"]:
        subject["birthDate"] = row["birth_date"]
    subject["qualification"] = q
    claims = {"type": "QualificationCredential", "credentialSubject": subject}
    if row["valid_until"]:
        claims["validUntil"] = row["valid_until"] + "T23:59:59Z"
    return claims


def errors(validator, doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", help="shared data dir with frameworks.json and isco08.json")
    args = ap.parse_args()
    failures = 0

    q_schema, qv = load_validator("qualification-credential")
    s_schema, sv = load_validator("skill-credential")
    shared = ["context", "credentialId", "typeArray", "issuer", "did", "dateTimeStamp",
              "credentialSchema", "credentialSchemaEntry", "credentialStatus", "statusEntry"]
    for k in shared:
        if q_schema["$defs"][k] != s_schema["$defs"][k]:
            print(f"FAIL envelope definition '{k}' differs between the two schemas")
            failures += 1

    def expect_valid(label, validator, doc):
        nonlocal failures
        errs = errors(validator, doc)
        if errs:
            failures += 1
            print(f"FAIL {label}:")
            for e in errs[:5]:
                print(f"   at /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
        return not errs

    # Claims files
    docs = {}
    for fname, validator, schema in (("nurse-qualification.json", qv, q_schema),
                                     ("care-worker-skills.json", sv, s_schema)):
        with open(os.path.join(HERE, fname), encoding="utf-8") as f:
            claims = json.load(f)
        vc = envelope(claims, schema["$id"], 0)
        docs[fname] = vc
        if expect_valid(fname, validator, vc):
            print(f"ok   {fname}")

    # CSV rows
    with open(os.path.join(HERE, "batch.csv"), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        expected = ["name", "birth_date", "holder_did", "title_en", "title_original", "title_lang",
                    "awarding_body", "country", "level", "field", "isco08", "learning_outcomes",
                    "awarded", "valid_until"]
        if reader.fieldnames != expected:
            print(f"FAIL batch.csv header {reader.fieldnames}")
            failures += 1
        rows = list(reader)
    if len(rows) != 1000:
        print(f"FAIL batch.csv has {len(rows)} data rows, expected 1000")
        failures += 1
    bad_rows = 0
    for i, row in enumerate(rows, start=1):
        if not expect_valid(f"batch.csv row {i}", qv, envelope(row_to_claims(row), q_schema["$id"], i)):
            bad_rows += 1
    print(f"{'ok  ' if not bad_rows else 'FAIL'} batch.csv: {len(rows) - bad_rows}/{len(rows)} rows valid")

    # Cross-check against shared data
    data_dir = args.data or next((d for d in (os.path.join(ROOT, "data"),
                                              os.path.join(ROOT, "..", "shared", "data"))
                                  if os.path.exists(os.path.join(d, "frameworks.json"))), None)
    if data_dir:
        with open(os.path.join(data_dir, "frameworks.json"), encoding="utf-8") as f:
            fw = json.load(f)
        with open(os.path.join(data_dir, "isco08.json"), encoding="utf-8") as f:
            isco = json.load(f)
        levels = {l["id"] for fr in fw["frameworks"] for l in fr.get("levels", [])}
        codes = {o["code"] for o in isco["occupations"]}
        broad = {c["code"] for fc in fw["fieldClassifications"] for c in fc["fields"]}
        used = [(r["level"], r["isco08"], r["field"]) for r in rows]
        used += [(docs["nurse-qualification.json"]["credentialSubject"]["qualification"]["frameworkLevels"][0],
                  "2221", "0913"),
                 (docs["care-worker-skills.json"]["credentialSubject"]["frameworkLevel"], "5322", "09")]
        unknown = {(lv, ic, fd) for lv, ic, fd in used
                   if lv not in levels or (ic and ic not in codes) or fd[:2] not in broad}
        if unknown:
            failures += 1
            print(f"FAIL codes not in shared data: {sorted(unknown)[:10]}")
        else:
            print(f"ok   level ids, ISCO-08 codes and ISCED-F broad fields exist in {data_dir}")
        level_schema = q_schema["$defs"]["levelId"]
        lv_validator = Draft202012Validator(level_schema)
        bad_ids = [l for l in levels if not lv_validator.is_valid(l)]
        if bad_ids:
            failures += 1
            print(f"FAIL shipped level ids rejected by levelId pattern: {bad_ids}")
        else:
            print(f"ok   all {len(levels)} shipped level ids match the levelId pattern")
    else:
        print("skip shared data cross-check (no frameworks.json found; use --data)")

    # Negative cases: each must be rejected
    nurse = docs["nurse-qualification.json"]
    care = docs["care-worker-skills.json"]

    def mutate(base, fn):
        d = copy.deepcopy(base)
        fn(d)
        return d

    negatives = [
        ("missing qualification title", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].pop("title"))),
        ("missing title.en", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"]["title"].pop("en"))),
        ("top-level vc claim", qv, mutate(nurse, lambda d: d.__setitem__("vc", {"type": ["VerifiableCredential"]}))),
        ("top-level vp claim", sv, mutate(care, lambda d: d.__setitem__("vp", {}))),
        ("bad level id (lowercase)", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("frameworkLevels", ["pqf-6"]))),
        ("bad level id (no number)", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("frameworkLevels", ["PQF"]))),
        ("empty frameworkLevels", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("frameworkLevels", []))),
        ("six frameworkLevels", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("frameworkLevels", [f"EQF-{i}" for i in range(1, 7)]))),
        ("wrong first @context", qv, mutate(nurse, lambda d: d.__setitem__("@context", ["https://www.w3.org/2018/credentials/v1"]))),
        ("@context not an array", qv, mutate(nurse, lambda d: d.__setitem__("@context", VC_V2))),
        ("type lacks VerifiableCredential", qv, mutate(nurse, lambda d: d.__setitem__("type", ["QualificationCredential"]))),
        ("skill VC validated as qualification", qv, care),
        ("qualification VC validated as skill", sv, nurse),
        ("id not urn:uuid", qv, mutate(nurse, lambda d: d.__setitem__("id", "https://example.org/1"))),
        ("issuer not a DID", qv, mutate(nurse, lambda d: d.__setitem__("issuer", "https://college.example"))),
        ("issuer DID with a space", qv, mutate(nurse, lambda d: d.__setitem__("issuer", "did:key:z6Mk abc"))),
        ("issuer is a DID URL with fragment", qv, mutate(nurse, lambda d: d.__setitem__("issuer", ISSUER + "#key-1"))),
        ("issuer object without id", qv, mutate(nurse, lambda d: d.__setitem__("issuer", {"name": "X"}))),
        ("validFrom without time zone", qv, mutate(nurse, lambda d: d.__setitem__("validFrom", "2026-11-26T10:00:00"))),
        ("validFrom not a date", qv, mutate(nurse, lambda d: d.__setitem__("validFrom", "yesterday"))),
        ("awarded month 13", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("awarded", "2023-13-01"))),
        ("awarded 31 February (format check)", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("awarded", "2023-02-31"))),
        ("status purpose refresh", qv, mutate(nurse, lambda d: d["credentialStatus"][0].__setitem__("statusPurpose", "refresh"))),
        ("status index as number", qv, mutate(nurse, lambda d: d["credentialStatus"][0].__setitem__("statusListIndex", 5))),
        ("status index leading zero", qv, mutate(nurse, lambda d: d["credentialStatus"][0].__setitem__("statusListIndex", "05"))),
        ("status wrong type", qv, mutate(nurse, lambda d: d["credentialStatus"][0].__setitem__("type", "StatusList2021Entry"))),
        ("unknown credentialSubject property", qv, mutate(nurse, lambda d: d["credentialSubject"].__setitem__("nationality", "PH"))),
        ("unknown qualification property", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("gpa", 3.5))),
        ("holder id not did:key", qv, mutate(nurse, lambda d: d["credentialSubject"].__setitem__("id", "did:web:example.org"))),
        ("country lowercase", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("country", "ph"))),
        ("ISCO code 5 digits", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"]["occupation"].__setitem__("isco08", "22210"))),
        ("ISCED-F one digit", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"]["field"].__setitem__("iscedF", "9"))),
        ("51 learning outcomes", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("learningOutcomes", ["x"] * 51))),
        ("learning outcome over 1000 chars", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("learningOutcomes", ["x" * 1001]))),
        ("name over 200 chars", qv, mutate(nurse, lambda d: d["credentialSubject"].__setitem__("name", "x" * 201))),
        ("completedMeasure bad measure", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("completedMeasure", {"decision": "d1", "measure": "interview"}))),
        ("skills empty", sv, mutate(care, lambda d: d["credentialSubject"].__setitem__("skills", []))),
        ("101 skills", sv, mutate(care, lambda d: d["credentialSubject"].__setitem__("skills", d["credentialSubject"]["skills"][:1] * 101))),
        ("skill kind other", sv, mutate(care, lambda d: d["credentialSubject"]["skills"][0].__setitem__("kind", "other"))),
        ("skill without assessment", sv, mutate(care, lambda d: d["credentialSubject"]["skills"][0].pop("assessment"))),
        ("assessment method interview", sv, mutate(care, lambda d: d["credentialSubject"]["skills"][0]["assessment"].__setitem__("method", "interview"))),
        ("esco URI of an occupation", sv, mutate(care, lambda d: d["credentialSubject"]["skills"][0].__setitem__("esco", "http://data.europa.eu/esco/occupation/abc"))),
    ]
    positives = [
        ("issuer object with name", qv, mutate(nurse, lambda d: d.__setitem__("issuer", {"id": ISSUER, "name": "Manila College of Nursing"}))),
        ("single status entry object", qv, mutate(nurse, lambda d: d.__setitem__("credentialStatus", d["credentialStatus"][0]))),
        ("extra @context item and extension property", qv, mutate(nurse, lambda d: (d["@context"].append("https://skillpass.dev/contexts/v1"), d.__setitem__("evidence", [{"type": ["Evidence"]}])))),
        ("completedMeasure", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("completedMeasure", {"decision": "urn:uuid:6f1c1a52-0c4e-4d47-9b0e-2a8f5f2f7a10", "measure": "knowledge-test", "result": "passed"}))),
        ("NTVQF-PV1 level and EQF second level", qv, mutate(nurse, lambda d: d["credentialSubject"]["qualification"].__setitem__("frameworkLevels", ["NTVQF-PV1", "EQF-2"]))),
        ("esco skill URI", sv, mutate(care, lambda d: d["credentialSubject"]["skills"][0].__setitem__("esco", "http://data.europa.eu/esco/skill/0e7f5a2b-1111-4c4c-8a8a-123456789abc"))),
    ]
    for label, validator, doc in negatives:
        if validator.is_valid(doc):
            failures += 1
            print(f"FAIL broken document accepted: {label}")
    print(f"ok   {len(negatives)} broken documents checked")
    for label, validator, doc in positives:
        expect_valid(f"variant: {label}", validator, doc)
    print(f"ok   {len(positives)} valid variants checked")

    print("ALL PASSED" if not failures else f"{failures} FAILURE(S)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
