"""The Remuneration area: periods, entries, effort ratings, the table and its breakdowns."""
