"""Rendering of report models: rich tables, JSON, CSV, Markdown."""
