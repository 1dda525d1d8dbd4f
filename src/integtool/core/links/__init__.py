"""Links in page content: extraction, normalisation, internal resolution, classification and
attribution (pure; the HTTP checking lives in `services/links/`)."""
