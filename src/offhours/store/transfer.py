"""Export every table to one versioned JSON document, and import one back in a single transaction.

The document is generic over the schema (it walks `metadata`), so a table added by a later migration
is exported and imported without touching this module.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError

from offhours.errors import InputError
from offhours.store import database
from offhours.store.repository import Store
from offhours.store.tables import UTCDateTime, learners, metadata

FORMAT = "offhours-export"


def schema_version() -> int:
    return int(database.head_revision())


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def export_document(store: Store, *, now: datetime, app_version: str) -> dict[str, Any]:
    tables: dict[str, list[dict[str, Any]]] = {}
    with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            order = list(table.primary_key.columns)
            rows = conn.execute(sa.select(table).order_by(*order)).mappings().all()
            tables[table.name] = [{k: _to_json(v) for k, v in row.items()} for row in rows]
    return {
        "format": FORMAT,
        "schema_version": schema_version(),
        "app_version": app_version,
        "exported_at": now.isoformat(),
        "tables": tables,
    }


def _convert(column: sa.Column[Any], value: Any, where: str) -> Any:
    """Turn a JSON value back into the column's Python type, or raise InputError naming the field."""
    if value is None:
        if not column.nullable:
            raise InputError("must not be null", where=where)
        return None
    kind = column.type
    try:
        if isinstance(kind, UTCDateTime):
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                raise ValueError("a timestamp without a UTC offset")
            return parsed
        if isinstance(kind, sa.DateTime):
            return datetime.fromisoformat(value)
        if isinstance(kind, sa.Date):
            return date.fromisoformat(value)
        if isinstance(kind, sa.Time):
            return time.fromisoformat(value)
        if isinstance(kind, sa.Boolean):
            if not isinstance(value, bool):
                raise ValueError("not true/false")
            return value
        if isinstance(kind, sa.Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("not a whole number")
            return value
        if isinstance(kind, sa.Float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError("not a number")
            return float(value)
        if isinstance(kind, sa.String):
            if not isinstance(value, str):
                raise ValueError("not text")
            if kind.length and len(value) > kind.length:
                raise ValueError(f"longer than {kind.length} characters")
            return value
    except (TypeError, ValueError) as exc:
        raise InputError(f"invalid {kind.__class__.__name__.lower()} {value!r} ({exc})", where=where) from None
    return value  # JSON columns take any JSON value


def validate_document(doc: Any, *, source: str) -> dict[str, list[dict[str, Any]]]:
    """Check the whole document's shape and every value; return rows ready to insert."""
    if not isinstance(doc, dict):
        raise InputError("not an offhours export (expected a JSON object)", where=source)
    if doc.get("format") != FORMAT:
        raise InputError(f"format: expected {FORMAT!r}, got {doc.get('format')!r}", where=source)
    version = doc.get("schema_version")
    if version != schema_version():
        raise InputError(
            f"schema_version: this offhours reads version {schema_version()}, the file has {version!r}",
            where=source)
    tables = doc.get("tables")
    if not isinstance(tables, dict):
        raise InputError("tables: missing or not an object", where=source)
    unknown = sorted(set(tables) - set(metadata.tables))
    if unknown:
        raise InputError(f"tables: unknown table(s) {', '.join(unknown)}", where=source)
    out: dict[str, list[dict[str, Any]]] = {}
    for table in metadata.sorted_tables:
        rows = tables.get(table.name, [])
        if not isinstance(rows, list):
            raise InputError(f"tables.{table.name}: expected a list of rows", where=source)
        names = set(table.columns.keys())
        converted = []
        for index, row in enumerate(rows):
            here = f"{source}: tables.{table.name}[{index}]"
            if not isinstance(row, dict):
                raise InputError("expected an object", where=here)
            if extra := sorted(set(row) - names):
                raise InputError(f"unknown column(s) {', '.join(extra)}", where=here)
            missing = sorted(c.name for c in table.columns
                             if c.name not in row and not c.nullable and not c.primary_key)
            if missing:
                raise InputError(f"missing column(s) {', '.join(missing)}", where=here)
            converted.append({name: _convert(table.columns[name], value, f"{here}.{name}")
                              for name, value in row.items()})
        out[table.name] = converted
    return out


def import_rows(store: Store, rows: dict[str, list[dict[str, Any]]], *, source: str, dry_run: bool) -> None:
    """Replace all data with `rows` in one transaction; on any problem, or a dry run, nothing changes."""
    conn = store.engine.connect()
    transaction = conn.begin()
    try:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())
        for table in metadata.sorted_tables:
            if rows.get(table.name):
                conn.execute(table.insert(), rows[table.name])
        for learner_id in conn.execute(sa.select(learners.c.id)).scalars():
            store.load_profile(learner_id, conn)  # the data must make a valid profile, not just valid rows
        if conn.dialect.name == "postgresql":
            _reset_sequences(conn)
    except sa.exc.IntegrityError as exc:
        transaction.rollback()
        raise InputError(f"rows do not fit together: {exc.orig}", where=source) from None
    except ValidationError as exc:
        transaction.rollback()
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise InputError(f"the learner profile is invalid at {key}: {first['msg']}", where=source) from None
    except BaseException:
        transaction.rollback()
        raise
    else:
        if dry_run:
            transaction.rollback()
        else:
            transaction.commit()
    finally:
        conn.close()


def _reset_sequences(conn: sa.Connection) -> None:
    """After inserting explicit ids, move PostgreSQL's id sequences past them."""
    for table in metadata.sorted_tables:
        if "id" in table.columns and table.c.id.primary_key and isinstance(table.c.id.type, sa.Integer):
            conn.execute(sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
