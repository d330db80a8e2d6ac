"""What marks a file as a workbook, and which format version this program writes.

Kept apart from the migration ladder (storage/schema.py) so that opening and checking a
workbook does not load the library that applies migrations.
"""

SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database file
APPLICATION_ID = 0x4C4A544B  # "LJTK"
SCHEMA_VERSION = 2  # the number of migrations in storage/schema.py's ladder

# The tables and columns a workbook of format SCHEMA_VERSION holds (storage/schema.py makes
# them; a test keeps the two alike). A file missing one is damaged: reading it would fail.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "plan": (
        "id", "code", "title_zh", "title_en", "issuer", "issue_date", "start_year", "end_year",
        "source_url", "notes",
    ),
    "area": ("id", "plan_id", "position", "name_zh", "name_en"),
    "target": (
        "id", "plan_id", "area_id", "position", "code", "name_zh", "name_en", "unit", "kind",
        "comparator", "tolerance", "direction", "baseline_year", "baseline_value",
        "baseline_quality", "baseline_source", "target_year", "target_value", "trajectory",
        "milestones", "natural_limit", "responsible", "notes",
    ),
    "observation": ("id", "target_id", "year", "value", "quality", "source", "note"),
    "setting": ("id", "key", "value"),
    "change": ("id", "at", "user", "description", "reverts", "description_zh"),
    "revision": ("id", "change_id", "entity", "entity_id", "action", "old", "new"),
}  # fmt: skip

# Columns added after the first format, with the format version that added them.
COLUMNS_ADDED: dict[tuple[str, str], int] = {("change", "description_zh"): 2}
