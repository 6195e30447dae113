#!/usr/bin/env python3
"""Writes the table of every check of the policy library into docs/library.md.

The table sits between the "<!-- checks:begin -->" and "<!-- checks:end -->" lines; the text
around it is written by hand and kept. Run after changing a policy under policies/library/:

    python3 policies/library/gen_docs.py          # rewrite the table
    python3 policies/library/gen_docs.py --check  # exit 1 when the table is out of date

The policy_library ctest also fails when a check has no row.
"""
import pathlib
import sys

import yaml

LIBRARY = pathlib.Path(__file__).resolve().parent
DOC = LIBRARY.parent.parent / "docs" / "library.md"
BEGIN, END = "<!-- checks:begin -->", "<!-- checks:end -->"
FRAMEWORKS = ["pss", "cis", "nist", "pci", "nsa"]


def cell(text):
    return " ".join(str(text).split()).replace("|", "\\|")


def policies():
    for path in sorted(LIBRARY.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if isinstance(doc, dict) and doc.get("kind") == "GoldenPolicy":
                yield path.name, doc


def fixes_by_pss(loaded):
    """Golden settings by the PSS control they mend: "allowPrivilegeEscalation" -> [...]."""
    fixes = {}
    for _, policy in loaded:
        name = policy["metadata"]["name"]
        for setting in policy["spec"].get("settings", []):
            for control in setting.get("standards", {}).get("pss", []):
                fixes.setdefault(control, []).append(f"{name}: `{setting['id']}`")
    return fixes


def setting_row(name, setting):
    value = yaml.safe_dump(setting["value"], default_flow_style=True).strip()
    value = value.removesuffix("\n...").strip()
    what = f"`{setting['path']}` is {value}. {setting.get('message', '')}"
    mode = setting.get("mode", "Enforce")
    fix = "filled in when absent" if mode == "Default" else "set when absent or different"
    return what, f"{fix} ({mode})"


def rows(loaded):
    fixes = fixes_by_pss(loaded)
    for _, policy in loaded:
        name = policy["metadata"]["name"]
        spec = policy["spec"]
        for setting in spec.get("settings", []):
            what, fix = setting_row(name, setting)
            yield name, setting, what, fix
        for check in spec.get("validations", []):
            own = [c for c in check.get("standards", {}).get("pss", []) if c == check["id"]]
            fix = "; ".join(f for c in own for f in fixes.get(c, [])
                            if not f.startswith(name + ":")) or "none"
            yield name, check, check.get("message", ""), fix


def table(loaded):
    lines = [
        "| Policy | Check | Severity | What it checks | Fix | PSS | CIS | NIST 800-53 | PCI DSS | NSA/CISA |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for policy, check, what, fix in rows(loaded):
        standards = check.get("standards", {})
        mapped = [cell(", ".join(str(x) for x in standards.get(f, []))) or "-" for f in FRAMEWORKS]
        lines.append(f"| {policy} | `{check['id']}` | {check.get('severity', 'medium')} | "
                     f"{cell(what)} | {cell(fix)} | " + " | ".join(mapped) + " |")
    return "\n".join(lines)


def main():
    loaded = list(policies())
    text = DOC.read_text()
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    updated = f"{head}{BEGIN}\n{table(loaded)}\n{END}{tail}"
    if "--check" in sys.argv[1:]:
        if updated != text:
            print(f"{DOC} is out of date: run {sys.argv[0]}", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(updated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
