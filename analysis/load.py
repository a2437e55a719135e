"""Read the Parquet dataset back into pandas. Reads files only; never imports the engine."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from analysis.schema import SCHEMAS, SchemaError

DEFAULT_OUT = "data/results"


def load_table(
    name: str, out: str | Path = DEFAULT_OUT, batch_id: str | None = None
) -> pd.DataFrame:
    """One table of the dataset (all batches, or one) as a DataFrame with a `batch_id` column."""
    if name not in SCHEMAS:
        raise SchemaError(f"unknown table {name!r}: one of {', '.join(sorted(SCHEMAS))}")
    root = Path(out) / name
    # batch ids are strings even when they look like numbers.
    partitioning = ds.partitioning(pa.schema([("batch_id", pa.string())]), flavor="hive")
    schema = SCHEMAS[name].append(pa.field("batch_id", pa.string()))
    if batch_id is not None:
        root = root / f"batch_id={batch_id}"
    if not root.is_dir():
        return schema.empty_table().to_pandas()
    dataset = ds.dataset(root, schema=schema, format="parquet", partitioning=partitioning)
    table = dataset.to_table()
    if batch_id is not None:
        table = table.set_column(
            table.schema.get_field_index("batch_id"),
            "batch_id",
            pa.array([batch_id] * table.num_rows, pa.string()),
        )
    return table.to_pandas()
