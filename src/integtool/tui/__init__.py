"""The review TUI (Textual). Imported only by `integtool review`, so cron runs start fast."""
