#!/usr/bin/env python3
"""Validate scenario files against the JSON Schema that `tenderplan schema` prints.

Usage: check-schema.py SCHEMA.json [--expect-invalid] FILE...
Reads YAML as editors do for the format: dates stay strings and `on`/`yes` are not booleans.
Exits 0 when every file is valid (or, with --expect-invalid, every file is invalid).
"""
import json
import sys

import jsonschema
import yaml


class ScenarioLoader(yaml.SafeLoader):
    pass


# Keep dates as text and words such as `on` as strings: the format has no timestamps or booleans.
for first, resolvers in list(ScenarioLoader.yaml_implicit_resolvers.items()):
    ScenarioLoader.yaml_implicit_resolvers[first] = [
        (tag, regexp) for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]


def main(argv):
    schema = json.load(open(argv[1], encoding="utf-8"))
    expect_invalid = "--expect-invalid" in argv
    files = [a for a in argv[2:] if a != "--expect-invalid"]
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    for path in files:
        document = yaml.load(open(path, encoding="utf-8"), Loader=ScenarioLoader)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        if expect_invalid and not errors:
            print(f"{path}: accepted, but it should be refused")
            failures += 1
        elif not expect_invalid and errors:
            for error in errors[:5]:
                print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
            failures += 1
    print(f"{len(files)} files checked, {failures} unexpected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
