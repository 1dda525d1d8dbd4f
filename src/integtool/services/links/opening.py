"""Opening the link checker: over the network, or for the demo over its own transport, which
answers every external address of the demo's pages offline."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

from integtool.config_links import LinkSettings
from integtool.services.links.checker import LinkChecker


@asynccontextmanager
async def open_checker(settings: LinkSettings, *, demo: bool) -> AsyncIterator[LinkChecker]:
    """A ready checker; the demo's answers come from `integtool.demo.web`, never the network."""
    transport = None
    if demo:  # answered in memory: no need to wait between requests to one host
        from integtool.demo.web import demo_web_transport

        transport = demo_web_transport()
        settings = replace(settings, min_interval=0)
    async with LinkChecker(settings, transport=transport) as checker:
        yield checker
