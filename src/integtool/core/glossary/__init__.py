"""Municipal glossaries: the terms and their matching, reading the TOML file, exporting
to a provider."""
