"""The shape of a store that every backend shares: which columns an article, a run and a drift
sample have. Each backend keeps its own DDL as a list of migrations beside its code
(``sqlite_schema.MIGRATIONS``); a new table is one more entry in each backend's list."""

from __future__ import annotations

from cleaners.article import METADATA_FIELDS

# Metadata fields that hold lists (stored as JSON text).
LIST_FIELDS = ("authors", "tags", "images")

# Columns of the store beside the metadata and the text, returned by get() / iter_articles().
STORE_FIELDS = ("fetched_at", "content_hash", "first_seen", "updated_at")

# The article as cleaned: every metadata field of the clean-text format, then the text.
ARTICLE_COLUMNS = (*METADATA_FIELDS, "text")
SELECT_ARTICLE = ", ".join((*ARTICLE_COLUMNS, *STORE_FIELDS))

# Per-outlet counters of a run (integer columns of run_outlets).
RUN_COUNTERS = ("discovered", "new", "already", "site", "generic", "failed")
RUN_OUTLET_FIELDS = (*RUN_COUNTERS, "status_counts", "health", "health_reason")

DRIFT_FIELDS = ("id", "run_id", "outlet", "url", "reason", "raw_html", "created_at")
