"""The access use case: how often each language is read, against the community that should
be reading it (assessment), run for `access` and `check` (runs), and where the numbers come
from (sources: Matomo, population files)."""
