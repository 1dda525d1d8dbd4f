"""The bundled demo instance: fictional regions served through the real client code path."""

from integtool.demo.transport import DEMO_BASE_URL, demo_transport

__all__ = ["DEMO_BASE_URL", "demo_transport"]
