"""Use cases: the only place that sequences I/O (config, content API, store, core)."""
