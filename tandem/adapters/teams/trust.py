"""Whom the Bot Framework endpoint listens to, and which addresses it may call back.

Without a Microsoft app id nothing is authenticated (the Agents Playground on this
machine): the endpoint then answers only peers on this machine, and calls back only this
machine (its replies go to the activity's ``serviceUrl``, a file to its upload URL), so
nobody can make Tandem send requests elsewhere. With an app id, botbuilder checks the
token and that ``serviceUrl`` is the one its claim names; a file is then uploaded only to
Microsoft's OneDrive and SharePoint hosts. In single-tenant mode
(``MICROSOFT_APP_TENANT_ID``), activities from any other tenant are refused.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

# Where OneDrive opens upload sessions (public cloud, US government, China, Germany).
MICROSOFT_FILE_HOSTS = (
    "sharepoint.com",
    "sharepoint.us",
    "sharepoint-mil.us",
    "sharepoint.cn",
    "sharepoint.de",
    "onedrive.com",
    "graph.microsoft.com",
    "graph.microsoft.us",
)


def is_loopback_host(host: str | None) -> bool:
    """``localhost``, 127.0.0.0/8 or ``::1`` (an IPv4 address mapped in IPv6 too)."""
    if not host:
        return False
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def _host(url: str, *, schemes: tuple[str, ...]) -> str | None:
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        return None
    if parts.scheme not in schemes or not host or parts.username or parts.password:
        return None
    return host.lower()


@dataclass(frozen=True, slots=True)
class Trust:
    """What the endpoint accepts: ``authenticated`` when a Microsoft app id is set;
    ``tenant_id`` in single-tenant mode."""

    authenticated: bool
    tenant_id: str | None = None

    def peer_allowed(self, remote: str | None) -> bool:
        """Without authentication only this machine may post activities."""
        return self.authenticated or is_loopback_host(remote)

    def service_url_allowed(self, url: str) -> bool:
        """Where replies to an activity go: this machine only, without authentication."""
        host = _host(url, schemes=("http", "https"))
        if host is None:
            return False
        return self.authenticated or is_loopback_host(host)

    def upload_url_allowed(self, url: str) -> bool:
        """Where an accepted file is PUT: Microsoft's file hosts over HTTPS, or this
        machine without authentication (the Agents Playground)."""
        if not self.authenticated:
            return is_loopback_host(_host(url, schemes=("http", "https")))
        host = _host(url, schemes=("https",))
        return host is not None and any(
            host == known or host.endswith("." + known) for known in MICROSOFT_FILE_HOSTS
        )

    def tenant_allowed(self, tenant_id: str | None) -> bool:
        """In single-tenant mode, only that tenant's activities (naming none is refused)."""
        if not self.tenant_id:
            return True
        if not tenant_id:
            return False
        return tenant_id.strip().lower() == self.tenant_id.strip().lower()
