"""Fetch one web page or feed without letting a URL reach places it should not.

A URL given to parley may come from a feed or a file written by someone else, so
every hop of a redirect chain is checked: only http(s), only public addresses
(unless ``allow_private``), a size cap enforced while streaming, and a deadline
for the whole request. Proxies from the environment are ignored so that the
address we check is the address we connect to; the connected peer is checked
again before the body is read, which narrows (but cannot close) the window for
DNS rebinding between our lookup and httpx's.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from parley.models import ParleyError

DEFAULT_ACCEPT = (
    "text/html",
    "application/xhtml+xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "text/plain",
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "parley/0.1 (news event coding; +https://example.invalid/parley)"


@dataclass
class FetchResult:
    """The final response of a fetch, after redirects."""

    url: str  # final URL, after redirects
    status: int  # 200, or 304 for a conditional request that found no change
    content_type: str  # media type without parameters, lower-case
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    charset: str | None = None  # from the Content-Type header, if given


def is_public_address(address: str) -> bool:
    """True if an IP literal is globally routable unicast, the only kind we fetch by default."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_host(url: str, host: str, port: int, *, allow_private: bool = False) -> None:
    """Resolve ``host`` and refuse it if any of its addresses is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ParleyError(f"{url}: cannot resolve host {host!r} ({exc})") from None
    if allow_private:
        return
    for info in infos:
        address = str(info[4][0])
        if not is_public_address(address):
            raise ParleyError(f"{url}: refusing non-public address {address} for host {host!r}")


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Refuse URLs parley must not fetch: non-http(s) schemes and non-public hosts."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ParleyError(f"{url}: only http and https URLs can be fetched")
    if not parts.hostname:
        raise ParleyError(f"{url}: URL has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise ParleyError(f"{url}: invalid port") from None
    check_host(url, parts.hostname, port, allow_private=allow_private)


def fetch_url(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = 20_000_000,
    max_redirects: int = 5,
    allow_private: bool = False,
    accept: tuple[str, ...] = DEFAULT_ACCEPT,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """GET ``url``, following at most ``max_redirects`` redirects, each one re-checked.

    ``etag`` and ``last_modified`` (from an earlier FetchResult) make the request
    conditional; an unchanged resource comes back with status 304 and an empty body.
    Every failure raises ParleyError with a one-line message naming the URL.
    """
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(accept) + ", */*;q=0.1"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for _ in range(max_redirects + 1):
            check_url(current, allow_private=allow_private)
            result = _get_once(client, current, headers, deadline, max_bytes, accept, allow_private)
            if isinstance(result, FetchResult):
                return result
            current = result
    raise ParleyError(f"{url}: too many redirects (more than {max_redirects})")


def _get_once(
    client: httpx.Client,
    url: str,
    headers: dict[str, str],
    deadline: float,
    max_bytes: int,
    accept: tuple[str, ...],
    allow_private: bool,
) -> FetchResult | str:
    """One request: a FetchResult, or the next URL when the server redirects."""
    try:
        with client.stream("GET", url, headers=headers) as response:
            _check_peer(url, response, allow_private)
            if response.status_code in REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location:
                    status = response.status_code
                    raise ParleyError(f"{url}: redirect ({status}) without a Location header")
                return urljoin(url, location)
            return _read_response(url, response, deadline, max_bytes, accept)
    except httpx.TimeoutException:
        raise ParleyError(f"{url}: timed out") from None
    except httpx.HTTPError as exc:
        raise ParleyError(f"{url}: request failed ({type(exc).__name__}: {exc})") from None


def _check_peer(url: str, response: httpx.Response, allow_private: bool) -> None:
    """Re-check the address actually connected to, in case DNS changed since our lookup."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not allow_private and peer and not is_public_address(str(peer[0])):
        raise ParleyError(f"{url}: refusing non-public address {peer[0]}")


def _read_response(
    url: str, response: httpx.Response, deadline: float, max_bytes: int, accept: tuple[str, ...]
) -> FetchResult:
    """Turn a final (non-redirect) response into a FetchResult, enforcing type, size and time."""
    etag = response.headers.get("etag")
    last_modified = response.headers.get("last-modified")
    content_type, charset = _parse_content_type(response.headers.get("content-type", ""))
    if response.status_code == 304:
        return FetchResult(str(response.url), 304, content_type, b"", etag, last_modified, charset)
    if response.status_code >= 400:
        raise ParleyError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
    if content_type not in accept:
        raise ParleyError(f"{url}: unsupported content type {content_type or '(none)'}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        size = f"{int(declared) / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit"
        raise ParleyError(f"{url}: response too large ({size})")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise ParleyError(f"{url}: response too large (over {max_bytes / 1e6:.1f} MB limit)")
        if time.monotonic() > deadline:
            raise ParleyError(f"{url}: timed out")
    final = str(response.url)
    status = response.status_code
    return FetchResult(final, status, content_type, bytes(body), etag, last_modified, charset)


def _parse_content_type(value: str) -> tuple[str, str | None]:
    """Split 'text/html; charset=UTF-8' into ('text/html', 'UTF-8')."""
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.strip().partition("=")
        if key.lower() == "charset" and val:
            charset = val.strip().strip('"')
    return media_type.strip().lower(), charset
