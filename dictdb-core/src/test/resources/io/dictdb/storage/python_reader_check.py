#!/usr/bin/env python3
"""Loads a DictDB JSON file the way the Python DictDB 1.11.0 does, with the standard library only.

The Python DictDB cannot be installed where DictDB for Java is built, so this script mirrors its loader as
described in the reference (dictdb.storage.persist.load, section 1.10, and the Table rules of section 1.9):

* json.load of the whole file (bare NaN/Infinity accepted, extra data after the document refused); the file is
  opened as ASCII, which proves it is readable under any ASCII-compatible default encoding;
* only data["tables"] is read (other top-level keys are ignored); per table only "primary_key", "schema" and
  "records" are read (other keys are ignored);
* schema type names are checked against the whitelist int/str/float/bool/list/dict (anything else raises
  ValueError), and the primary key is added to the schema as int when missing;
* every record goes through Table.insert: automatic key when the key field is missing, counter moved past
  explicit int keys, DuplicateKeyError on a repeated key, then schema validation with isinstance semantics
  (bool passes int, int fails float, None fails every type), then undeclared fields rejected.

Files named after the first are deltas, applied in order the way dictdb.storage.persist.apply_delta does
(reference section 1.10): json.load; "type" must be "delta"; for each table of "tables" that exists (others are
skipped), each upsert with a key already present is merged into the stored record (dict.update), any other upsert
is stored as a new record; then each key of "deletes" present in the table is removed. Other keys of the delta
(ours: "chain", "events", "sequences", "next_keys", "checksum") are ignored, as the Python DictDB ignores them.

It prints {table: {"primary_key", "schema", "rows"}} as JSON on standard output (rows in insertion order) and
exits 0, or prints the error and exits 1.
"""
import json
import sys

TYPES = {"int": int, "str": str, "float": float, "bool": bool, "list": list, "dict": dict}


class DuplicateKeyError(Exception):
    pass


class SchemaValidationError(Exception):
    pass


def validate(schema, record):
    for field, expected in schema.items():
        if field not in record:
            raise SchemaValidationError(f"Missing field '{field}' as defined in schema.")
        if not isinstance(record[field], expected):
            raise SchemaValidationError(
                f"Field '{field}' expects type '{expected.__name__}', got '{type(record[field]).__name__}'.")
    for field in record:
        if field not in schema:
            raise SchemaValidationError(f"Field '{field}' is not defined in the schema.")


def load(path):
    with open(path, "r", encoding="ascii") as f:
        data = json.load(f)
    tables = {}
    for name, table in data["tables"].items():
        primary_key = table["primary_key"]
        schema_names = table["schema"]
        schema = None
        if schema_names:
            schema = {}
            for field, type_name in schema_names.items():
                if type_name not in TYPES:
                    raise ValueError(f"Unsupported type in schema: {type_name}")
                schema[field] = TYPES[type_name]
            if primary_key not in schema:
                schema[primary_key] = int
        records = {}
        next_key = 1
        for record in table["records"]:
            if primary_key not in record:
                record[primary_key] = next_key
                next_key += 1
            key = record[primary_key]
            if isinstance(key, int) and key >= next_key:
                next_key = key + 1
            if key in records:
                raise DuplicateKeyError(f"Record with key '{key}' already exists in table '{name}'.")
            if schema:
                validate(schema, record)
            records[key] = record
        tables[name] = {"primary_key": primary_key, "schema": schema_names, "records": records}
    return tables


def apply_delta(tables, path):
    with open(path, "r", encoding="ascii") as f:
        data = json.load(f)
    if data.get("type") != "delta":
        raise ValueError(f"File '{path}' is not a valid delta file.")
    for name, changes in data.get("tables", {}).items():
        if name not in tables:
            continue
        table = tables[name]
        records = table["records"]
        for upsert in changes.get("upserts", []):
            key = upsert.get(table["primary_key"])
            if key is not None and key in records:
                records[key].update(upsert)
            else:
                records[key] = upsert
        for key in changes.get("deletes", []):
            if key in records:
                del records[key]


def main():
    try:
        tables = load(sys.argv[1])
        for delta in sys.argv[2:]:
            apply_delta(tables, delta)
        for table in tables.values():
            table["rows"] = list(table.pop("records").values())
    except Exception as e:  # report any failure of the loader, as the Python DictDB would raise it
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
        return 1
    json.dump(tables, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
