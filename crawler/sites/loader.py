"""Finding and reading site files: the built-in ones beside this module plus a sites directory."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from crawler.sites.config import BadSiteConfig, SiteConfig, UnknownSite, parse_site

BUILTIN_DIR = Path(__file__).resolve().parent
SITES_DIR_ENV = "NEWSARCHIVE_SITES_DIR"


def sites_directories(sites_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """Where site files are looked for, lowest precedence first: built-in, then ``sites_dir``
    (or ``NEWSARCHIVE_SITES_DIR``), so an operator's file replaces a built-in one of that key."""
    chosen = sites_dir or os.environ.get(SITES_DIR_ENV)
    if not chosen:
        return [BUILTIN_DIR]
    path = Path(chosen).expanduser()
    if not path.is_dir():
        raise BadSiteConfig(f"sites directory {path} does not exist or is not a directory")
    return [BUILTIN_DIR, path]


def site_files(sites_dir: str | os.PathLike[str] | None = None) -> dict[str, Path]:
    """Site key → the file that declares it (without reading the files)."""
    found: dict[str, Path] = {}
    for directory in sites_directories(sites_dir):
        for path in sorted(directory.glob("*.toml")):
            found[path.stem] = path
    return found


def site_keys(sites_dir: str | os.PathLike[str] | None = None) -> list[str]:
    return sorted(site_files(sites_dir))


def read_site(key: str, path: Path) -> SiteConfig:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise BadSiteConfig(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise BadSiteConfig(f"{path}: cannot read: {exc.strerror or exc}") from None
    return parse_site(key, data, source=path)


def load_site(key: str, sites_dir: str | os.PathLike[str] | None = None) -> SiteConfig:
    """The config of site ``key``; UnknownSite if no file declares it, BadSiteConfig if broken."""
    files = site_files(sites_dir)
    if key not in files:
        known = ", ".join(sorted(files)) or "none configured"
        raise UnknownSite(f"unknown site {key!r} (known: {known})")
    return read_site(key, files[key])


def load_sites(sites_dir: str | os.PathLike[str] | None = None) -> dict[str, SiteConfig]:
    """Every configured site by key; the first broken file raises BadSiteConfig."""
    return {key: read_site(key, path) for key, path in site_files(sites_dir).items()}
