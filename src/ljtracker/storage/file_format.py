"""What marks a file as a workbook, and which format version this program writes.

Kept apart from the migration ladder (storage/schema.py) so that opening and checking a
workbook does not load the library that applies migrations.
"""

APPLICATION_ID = 0x4C4A544B  # "LJTK"
SCHEMA_VERSION = 2  # the number of migrations in storage/schema.py's ladder
