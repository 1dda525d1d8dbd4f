"""Content API clients (Integreat API v3)."""
