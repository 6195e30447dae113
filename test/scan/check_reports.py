#!/usr/bin/env python3
"""Runs `ccspm scan` on a folder in every format and checks each report against the others.

usage: check_reports.py CCSPM SCHEMA_DIR POLICY PATH

- the scan runs to the end (exit 0, 1 or 2) in every format, with the same exit code;
- exit 2 exactly when there are input errors, 1 when there are findings and no errors;
- every file under PATH is read, every finding and error has a file, line and column;
- SARIF validates against the SARIF 2.1.0 schema (skipped without the jsonschema module);
- JUnit is well-formed XML whose counts match the JSON report.
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

SKIP = 77


def scan(ccspm, policy, path, output):
    run = subprocess.run([ccspm, "scan", "--policy", policy, "-o", output, path],
                         capture_output=True, timeout=600)
    if run.returncode not in (0, 1, 2):
        sys.exit(f"scan -o {output} exited {run.returncode}: {run.stderr.decode()[-2000:]}")
    return run.returncode, run.stdout.decode("utf-8")


def manifest_files(path):
    count = 0
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        count += sum(f.endswith((".yaml", ".yml", ".json")) for f in files)
    return count


def main():
    ccspm, schema_dir, policy, path = sys.argv[1:5]
    code, text = scan(ccspm, policy, path, "json")
    report = json.loads(text)
    summary = report["summary"]
    assert summary["files"] == manifest_files(path), (summary, manifest_files(path))
    for item in report["findings"] + report["errors"]:
        assert item["file"], item
    for finding in report["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1, finding
        assert finding["object"]["kind"] and finding["policy"] and finding["check"], finding
    expected = 2 if report["errors"] else 1 if report["findings"] else 0
    assert code == expected, (code, expected)
    print(f"json: {summary}")

    table_code, table = scan(ccspm, policy, path, "table")
    assert table_code == code and f"{summary['findings']} finding" in table

    junit_code, junit = scan(ccspm, policy, path, "junit")
    root = ElementTree.fromstring(junit)
    assert junit_code == code
    assert int(root.get("failures")) <= summary["findings"], root.attrib
    assert int(root.get("errors")) == summary["errors"], root.attrib
    print(f"junit: {root.attrib}")

    sarif_code, sarif_text = scan(ccspm, policy, path, "sarif")
    sarif = json.loads(sarif_text)
    assert sarif_code == code
    assert len(sarif["runs"][0]["results"]) == summary["findings"]
    try:
        import jsonschema
    except ImportError:
        print("SKIP: SARIF schema check needs the Python jsonschema module")
        return SKIP
    with open(os.path.join(schema_dir, "sarif-schema-2.1.0.json")) as schema_file:
        schema = json.load(schema_file)
    jsonschema.validate(sarif, schema)
    print("sarif: valid against sarif-schema-2.1.0.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
