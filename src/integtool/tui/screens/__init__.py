"""The review TUI's screens: dashboard, pages, draft list, review, edit and help."""
