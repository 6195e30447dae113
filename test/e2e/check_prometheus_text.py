"""Reads a /metrics page on stdin and fails unless it is valid Prometheus text format.

Uses the parser of the official Python client, an implementation independent of the C++
library that wrote the page. Prints the number of metric families and samples.
"""
import sys

from prometheus_client.parser import text_string_to_metric_families


def main() -> int:
    text = sys.stdin.read()
    if not text.strip():
        print("empty page", file=sys.stderr)
        return 1
    families = list(text_string_to_metric_families(text))
    samples = sum(len(family.samples) for family in families)
    unnamed = [family.name for family in families if not family.documentation]
    if unnamed:
        print(f"families without HELP: {unnamed}", file=sys.stderr)
        return 1
    print(f"{len(families)} families, {samples} samples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
