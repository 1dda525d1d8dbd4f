"""SQLite state: drafts, translation memory, glossary sync, run history."""
