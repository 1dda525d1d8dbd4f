"""The bundled demo instance: fictional regions served through the real client code path."""

from integtool.demo.statistics import (
    DEMO_MATOMO_URL,
    demo_population,
    demo_site_id,
    matomo_demo_transport,
)
from integtool.demo.transport import DEMO_BASE_URL, demo_transport

__all__ = [
    "DEMO_BASE_URL",
    "DEMO_MATOMO_URL",
    "demo_population",
    "demo_site_id",
    "demo_transport",
    "matomo_demo_transport",
]
