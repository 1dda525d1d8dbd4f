"""Text content of the integtool demo data (fictional regions, real translations).

Each language module defines ``PAGES: dict[str, tuple[str, str]]`` mapping a page key to
``(title, html)``. Texts contain ``{placeholders}`` that ``places.py`` fills per region and
language (place names, addresses, phone numbers). Used only by ``scripts/build_demo_data.py``.
"""
