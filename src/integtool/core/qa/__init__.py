"""QA checks on machine-translated drafts: the checks, the items they compare, the markup
they keep, and the warnings an editor reads."""
