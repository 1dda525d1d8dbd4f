"""The demo's Matomo: an httpx transport answering `API.getBulkRequest` from bundled reads.

Each demo region's `statistics.json` holds monthly actions per language segment and for the
whole site, the last one for the month before the reference month (the month of meta.json's
reference_date). Served on `today`, the reference month becomes today's month, so the demo
shows the same reads for the last complete month whenever it is run.
"""

import re
from collections.abc import Mapping
from datetime import date, datetime
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any
from urllib.parse import parse_qs, unquote

import httpx
import orjson

from integtool.core.periods import Month
from integtool.i18n import _

DEMO_MATOMO_URL = "https://matomo.demo.integtool.invalid"
_SITE = "all"
_SEGMENT = re.compile(r"^pageUrl=@/api/v3/(?P<region>[^/]+)/(?P<language>[^/]+)/$")
_URL_KEY = re.compile(r"^urls\[(\d+)\]$")
Form = Mapping[str, list[str]]


def _root() -> Traversable:
    return files("integtool.demo") / "data"


def _regions(root: Traversable) -> list[str]:
    regions = orjson.loads(root.joinpath("regions.json").read_bytes())
    return [item["path"] for item in regions if isinstance(item.get("path"), str)]


def _region_file(region: str, name: str) -> Traversable | None:
    root = _root()
    if region not in _regions(root):
        return None
    file = root.joinpath(region, name)
    return file if file.is_file() else None


def demo_site_id(region: str) -> int | None:
    """The demo Matomo site of a demo region (None: the region has no statistics)."""
    file = _region_file(region, "statistics.json")
    return int(orjson.loads(file.read_bytes())["matomo_site_id"]) if file else None


def demo_population(region: str) -> str | None:
    """The TOML text of a demo region's population file (None: it has none)."""
    file = _region_file(region, "population.toml")
    return file.read_text(encoding="utf-8") if file else None


def _error(message: str) -> dict[str, str]:
    """Matomo's error object."""
    return {"result": "error", "message": message}


def _one(form: Form, key: str) -> str | None:
    values = form.get(key)
    return values[0] if values else None


class DemoStatistics:
    """Monthly actions per demo site and segment, moved so the reference month is today's."""

    def __init__(self, today: date | None = None, root: Traversable | None = None) -> None:
        root = root or _root()
        meta = orjson.loads(root.joinpath("meta.json").read_bytes())
        reference = Month.of(datetime.fromisoformat(meta["reference_date"]).date())
        now = Month.of(today or date.today())
        shift = (now.year - reference.year) * 12 + now.month - reference.month
        self._sites: dict[int, tuple[str, dict[str, dict[Month, int]]]] = {}
        for region in _regions(root):
            file = root.joinpath(region, "statistics.json")
            if not file.is_file():
                continue
            data = orjson.loads(file.read_bytes())
            series = {
                key: {reference.plus(shift - len(values) + i): int(v) for i, v in enumerate(values)}
                for key, values in data["months"].items()
            }
            self._sites[int(data["matomo_site_id"])] = (region, series)

    def answer(self, form: Form) -> Any:
        """The JSON answer to a parsed `API.getBulkRequest` form."""
        if _one(form, "module") != "API" or _one(form, "method") != "API.getBulkRequest":
            return _error(_("The demo Matomo only answers module=API&method=API.getBulkRequest."))
        if (_one(form, "format") or "").lower() != "json":
            return _error(_("The demo Matomo only answers format=JSON."))
        if not _one(form, "token_auth"):
            return _error("You can't access this resource as it requires 'view' access.")
        indexed = sorted(
            (int(match[1]), values[0])
            for key, values in form.items()
            if (match := _URL_KEY.match(key)) and values
        )
        return [self._call(parse_qs(url, keep_blank_values=True)) for _index, url in indexed]

    def _call(self, call: Form) -> Any:
        method = _one(call, "method")
        if method != "VisitsSummary.getActions":
            return _error(
                _("The demo Matomo does not know the method '{method}'.").format(method=method)
            )
        raw = _one(call, "idSite") or ""
        site = self._sites.get(int(raw)) if raw.isdigit() else None
        if site is None:
            return _error(f"An unexpected website was found: website id was set to '{raw}'.")
        if _one(call, "period") != "month":
            return _error(_("The demo Matomo only answers period=month."))
        months = _months(_one(call, "date") or "")
        if months is None:
            return _error(_("The date must be a range YYYY-MM-DD,YYYY-MM-DD."))
        region, series = site
        counts = series[_SITE]
        segment = _one(call, "segment")
        if segment:
            match = _SEGMENT.match(unquote(segment))
            if match is None:
                return _error(
                    _("The demo Matomo only knows the segment pageUrl=@/api/v3/{r}/{l}/.")
                )
            known = match["region"] == region and match["language"] in series
            counts = series[match["language"]] if known else dict.fromkeys(counts, 0)
        return {str(month): counts.get(month, []) for month in months}


def _months(dates: str) -> list[Month] | None:
    """The months of a range `YYYY-MM-DD,YYYY-MM-DD` (None: not such a range)."""
    try:
        start, end = (Month.of(date.fromisoformat(part)) for part in dates.split(","))
    except ValueError:
        return None
    months = []
    while start <= end:
        months.append(start)
        start = start.plus(1)
    return months or None


def matomo_demo_transport(today: date | None = None) -> httpx.MockTransport:
    """A transport for `httpx.AsyncClient` serving the demo Matomo offline."""
    statistics = DemoStatistics(today)

    def handle(request: httpx.Request) -> httpx.Response:
        if request.method != "POST":
            return httpx.Response(
                405, json=_error(_("The demo Matomo answers POST requests only."))
            )
        if request.url.path != "/index.php":
            unknown = _("No demo Matomo endpoint {path}.").format(path=request.url.path)
            return httpx.Response(404, json=_error(unknown))
        form = parse_qs(request.content.decode("utf-8", "replace"), keep_blank_values=True)
        body = orjson.dumps(statistics.answer(form))
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    return httpx.MockTransport(handle)
