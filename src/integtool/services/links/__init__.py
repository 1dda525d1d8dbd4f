"""`integtool links`: reading the content, checking external links politely over HTTP, and
attributing the verdicts to pages and languages."""
