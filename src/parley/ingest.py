"""Read news into Article records from files, directories, globs, stdin, URLs and feeds.

Ingest is where untrusted input enters parley, so every item is read on its own:
a bad file, record or feed entry becomes an IngestError and the batch carries on.
Sizes are checked before text is decoded, text is normalised the same way
whatever its source (so offsets and content hashes are comparable), and ids are
derived from names a person recognises (file stems, record ids, URL paths).

Metadata precedence, most specific first: what the item itself says (front
matter, HTML metadata, record columns, feed fields), then the directory's
manifest (meta.jsonl / meta.csv), then the ``outlet`` / ``published`` given by
the caller, which only fill fields still missing and never override the item.
"""

from __future__ import annotations

import codecs
import csv
import glob
import gzip
import hashlib
import html
import io
import json
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from time import struct_time
from typing import IO, Any
from urllib.parse import urlsplit

import charset_normalizer
import feedparser
import htmldate
import trafilatura
import yaml

from parley.fetch import fetch_url
from parley.models import Article, IngestError, ParleyError

TEXT_EXTENSIONS = frozenset({".txt", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
FEED_EXTENSIONS = frozenset({".rss", ".atom", ".xml"})
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | FEED_EXTENSIONS | {".jsonl", ".csv"}
MANIFEST_NAMES = frozenset({"meta.jsonl", "meta.csv"})
META_FIELDS = ("title", "outlet", "url", "author", "published", "language")
SNIFF_BYTES = 8192
MB = 1_000_000

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# A well-formed multi-byte UTF-8 sequence: its presence in undecodable bytes means
# damaged UTF-8 rather than a legacy 8-bit encoding.
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Non-letters that legacy Western encodings (cp1252, latin-1) legitimately carry.
LEGACY_PUNCTUATION = frozenset("‘’‚“”„–—…•€£¥¢©®°±§¶«»·×÷¡¿\u00a0")
CONTROL_BYTES = frozenset(range(9)) | frozenset(range(14, 32)) - {27}
BLOCK_END = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr)\b[^>]*>", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")
FEED_CONTENT_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass
class IngestOptions:
    """Limits and column names for one ingest run."""

    max_bytes: int = 20 * MB  # per file, page or record (decompressed)
    max_items: int | None = None  # stop after this many articles
    allow_private: bool = False  # let URLs reach loopback/private addresses
    timeout: float = 10.0  # seconds per URL, whole request
    max_redirects: int = 5
    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    date_field: str = "published"  # falls back to "date" when missing
    outlet_field: str = "outlet"
    id_field: str = "id"
    author_field: str = "author"


class _Skip(Exception):
    """One item cannot be read; it becomes an IngestError and the batch goes on."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage
        self.message = message


@dataclass
class _Batch:
    """State shared by the items of one read_inputs call (never across calls)."""

    options: IngestOptions
    defaults: dict[str, str | None]
    manifests: dict[Path, dict[Path, dict[str, Any]]] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)


# --- public helpers -------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """Canonical article text: \\n newlines, NFC, no trailing spaces, at most one blank line.

    Every source goes through this, so offsets computed later refer to one form.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def content_hash(text: str) -> str:
    """sha256 of the text ignoring case and whitespace, to spot exact re-publications."""
    canonical = " ".join(normalise_text(text).lower().split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def slugify(value: str, max_length: int = 80) -> str:
    """A lower-case ASCII id fragment: 'Openness to Cooperation!' -> 'openness-to-cooperation'."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "article"


def normalise_date(value: object) -> str | None:
    """YYYY-MM-DD from a date, datetime, struct_time, ISO 8601 or RFC 2822 string; else None.

    A datetime keeps its own calendar date (not converted to UTC): that is the
    day the outlet published it.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


# --- entry point ----------------------------------------------------------------------


def read_inputs(
    inputs: Iterable[str],
    *,
    outlet: str | None = None,
    published: str | None = None,
    options: IngestOptions | None = None,
) -> Iterator[Article | IngestError]:
    """Yield one Article per article found in ``inputs``, or an IngestError per bad item.

    Each input is a file, a directory (recursive, supported extensions only,
    hidden entries skipped), a glob pattern, "-" for stdin, or an http(s) URL of a
    page or feed. ``outlet`` and ``published`` fill only fields an item lacks.
    Raises ParleyError only for a bad ``published`` argument.
    """
    options = options or IngestOptions()
    default_date = normalise_date(published) if published else None
    if published and default_date is None:
        raise ParleyError(f"{published}: not a date (expected YYYY-MM-DD)")
    batch = _Batch(options, {"outlet": outlet, "published": default_date})
    count = 0
    for spec in inputs:
        for item in _read_input(spec, batch):
            yield item
            if isinstance(item, Article):
                count += 1
                if options.max_items is not None and count >= options.max_items:
                    return


def articles_from_feed(
    body: bytes, source: str, options: IngestOptions | None = None
) -> Iterator[Article | IngestError]:
    """Articles from an RSS/Atom body fetched by the caller, e.g. with a conditional request.

    ``source`` is the feed's URL; entries without a link get ids derived from it.
    A malformed feed becomes one IngestError, as it would through read_inputs.
    """
    batch = _Batch(options or IngestOptions(), {"outlet": None, "published": None})
    path_slug = slugify(urlsplit(source).path.rsplit(".", 1)[0])
    base_id = path_slug if path_slug != "article" else slugify(urlsplit(source).netloc)
    yield from _guard(source, _read_feed(body, source, base_id, batch))


def _read_input(spec: str, batch: _Batch) -> Iterator[Article | IngestError]:
    """Dispatch one input string to the reader for its kind."""
    if spec == "-":
        yield from _guard("-", _read_stdin(batch))
        return
    if urlsplit(spec).scheme in ("http", "https"):
        yield from _guard(spec, _read_url(spec, batch))
        return
    path = Path(spec).expanduser()
    if path.is_dir():
        for file in _walk(path):
            yield from _read_file(file, batch)
    elif path.exists():
        if path.name.lower() not in MANIFEST_NAMES:  # a manifest describes articles, is not one
            yield from _read_file(path, batch)
    elif glob.has_magic(spec):
        yield from _read_glob(spec, batch)
    else:
        yield IngestError(spec, "read", "no such file or directory")


def _read_glob(pattern: str, batch: _Batch) -> Iterator[Article | IngestError]:
    """Every supported file matched by a glob (directories matched are walked)."""
    files: list[Path] = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        if path.is_dir():
            files.extend(_walk(path))
        elif _is_candidate(path):
            files.append(path)
    if not files:
        yield IngestError(pattern, "read", "no supported files match this pattern")
    for path in files:
        yield from _read_file(path, batch)


def _walk(directory: Path) -> list[Path]:
    """Supported files under a directory, sorted, skipping hidden files and folders."""
    return [
        path
        for path in sorted(directory.rglob("*"))
        if path.is_file()
        and _is_candidate(path)
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    ]


def _is_candidate(path: Path) -> bool:
    return path.name.lower() not in MANIFEST_NAMES and _extension(path) in SUPPORTED_EXTENSIONS


def _extension(path: Path) -> str:
    """The format extension, looking through a trailing .gz ('a.jsonl.gz' -> '.jsonl')."""
    name = path.name.lower()
    name = name.removesuffix(".gz")
    return Path(name).suffix


def _stem(path: Path) -> str:
    """The file name without format extension or .gz: the basis of the article id."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return Path(name).stem


def _guard(source: str, items: Iterator[Article | IngestError]) -> Iterator[Article | IngestError]:
    """Turn a failure while reading one input into an IngestError for it."""
    try:
        yield from items
    except _Skip as exc:
        yield IngestError(source, exc.stage, exc.message)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield IngestError(source, "read", f"truncated or corrupt gzip ({exc})")
    except OSError as exc:
        yield IngestError(source, "read", (exc.strerror or str(exc)).lower())


# --- files, stdin and URLs ------------------------------------------------------------


def _read_file(path: Path, batch: _Batch) -> Iterator[Article | IngestError]:
    """Articles from one local file, with its manifest entry as fallback metadata."""
    manifest, errors = _manifest_entry(path, batch)
    yield from errors
    yield from _guard(str(path), _read_file_items(path, manifest, batch))


def _read_file_items(
    path: Path, manifest: dict[str, Any], batch: _Batch
) -> Iterator[Article | IngestError]:
    extension = _extension(path)
    if extension and extension not in SUPPORTED_EXTENSIONS:
        supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        raise _Skip("read", f"unsupported file type {extension} (supported: {supported})")
    compressed = path.name.lower().endswith(".gz")
    size, limit = path.stat().st_size, batch.options.max_bytes
    if not compressed and extension not in (".jsonl", ".csv") and size > limit:
        raise _Skip("read", _too_large(size, limit))  # records files are limited per record
    opener = gzip.open if compressed else open
    with opener(path, "rb") as stream:
        yield from _read_stream(stream, extension, str(path), _stem(path), manifest, batch)


def _read_stdin(batch: _Batch) -> Iterator[Article | IngestError]:
    """Articles from standard input; the format is sniffed from the content."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data = buffer.read(batch.options.max_bytes + 1)
    else:  # a text stream without bytes underneath (e.g. replaced in tests)
        data = sys.stdin.read(batch.options.max_bytes + 1).encode("utf-8")
    yield from _read_stream(io.BytesIO(data), "", "-", "stdin", {}, batch)


def _read_url(url: str, batch: _Batch) -> Iterator[Article | IngestError]:
    """Articles from a fetched page or feed; the kind comes from content type or sniffing."""
    options = batch.options
    try:
        result = fetch_url(
            url,
            timeout=options.timeout,
            max_bytes=options.max_bytes,
            max_redirects=options.max_redirects,
            allow_private=options.allow_private,
        )
    except ParleyError as exc:
        raise _Skip("fetch", str(exc).removeprefix(f"{url}: ")) from None
    text = _decode_with_charset(result.body, result.charset)
    if result.content_type in FEED_CONTENT_TYPES:
        kind = "feed"
    elif result.content_type in HTML_CONTENT_TYPES:
        kind = "feed" if _sniff_kind(text) == "feed" else "html"
    else:
        kind = _sniff_kind(text)
    path_slug = slugify(urlsplit(result.url).path.rsplit(".", 1)[0])
    base_id = path_slug if path_slug != "article" else slugify(urlsplit(result.url).netloc)
    yield from _parse_item(kind, result.body, text, url, base_id, {"url": result.url}, batch)


def _read_stream(
    stream: IO[bytes],
    extension: str,
    source: str,
    stem: str,
    manifest: dict[str, Any],
    batch: _Batch,
) -> Iterator[Article | IngestError]:
    """Records are streamed one by one; every other format is read whole, within the limit."""
    if extension == ".jsonl":
        yield from _read_jsonl(stream, source, stem, batch)
        return
    if extension == ".csv":
        yield from _read_csv(stream, source, stem, batch)
        return
    limit = batch.options.max_bytes
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _Skip("read", _over_limit("file", limit))
    text = _decode(data)
    kind = _kind_for_extension(extension) or _sniff_kind(text)
    if kind == "jsonl":
        yield from _read_jsonl(io.BytesIO(data), source, stem, batch)
        return
    yield from _parse_item(kind, data, text, source, slugify(stem), manifest, batch)


def _kind_for_extension(extension: str) -> str | None:
    if extension in TEXT_EXTENSIONS:
        return "text"
    if extension in HTML_EXTENSIONS:
        return "html"
    if extension in FEED_EXTENSIONS:
        return "feed"
    return None


def _sniff_kind(text: str) -> str:
    """Guess a format from the first characters, for stdin, URLs and extension-less files."""
    head = text.lstrip()[:2048].lower()
    if head.startswith("{"):
        return "jsonl"
    if re.search(r"<(?:rss|feed|rdf:rdf)[\s>]", head):
        return "feed"
    if re.search(r"<(?:!doctype html|html|head|body)[\s>]", head):
        return "html"
    return "text"


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({size / MB:.1f} MB > {limit / MB:.1f} MB limit)"


def _over_limit(what: str, limit: int) -> str:
    """For streams whose full size we refuse to learn by reading them."""
    return f"{what} too large (over the {limit / MB:.1f} MB limit)"


# --- decoding -------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    """Text from bytes: UTF-8, or a confidently detected legacy Western encoding.

    Refuses binary data, empty files and damaged UTF-8 with a message that says which.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _Skip("read", "invalid UTF-16 after a UTF-16 byte order mark") from None
    elif _looks_binary(data[:SNIFF_BYTES]):
        raise _Skip("read", "binary file")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            legacy = _legacy_decode(data)
            if legacy is None:
                problem = f"invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
                raise _Skip("read", problem) from None
            text = legacy
    if not text.strip():
        raise _Skip("read", "empty file")
    return text


def _decode_with_charset(data: bytes, charset: str | None) -> str:
    """Decode a fetched body with its declared charset, else as a file would be."""
    if charset:
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            return _decode(data)
        if text.strip():
            return text
    return _decode(data)


def _looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters: not something we should treat as text."""
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in CONTROL_BYTES)
    return controls > len(head) * 0.05


def _legacy_decode(data: bytes) -> str | None:
    """Decoded text if the bytes are plausibly cp1252/latin-1-style text, else None.

    Short texts often fit several code pages equally well; cp1252, by far the most
    common legacy encoding of English and Western European news, wins such ties.
    """
    if UTF8_MULTIBYTE.search(data):
        return None
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    tied = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    chosen = next((m for m in tied if m.encoding == "cp1252"), best)
    text = str(chosen)
    return text if _plausible_legacy_text(text) else None


def _plausible_legacy_text(text: str) -> bool:
    """Non-ASCII characters are Latin letters or typographic punctuation, some inside words.

    Stray bytes in English text decode to isolated symbols or foreign letters and
    fail this test; accented words such as 'déclaré' pass it.
    """
    in_word = False
    for match in re.finditer(r"[^\x00-\x7f]", text):
        char, index = match.group(), match.start()
        if char in LEGACY_PUNCTUATION:
            continue
        if not (char.isalpha() and "LATIN" in unicodedata.name(char, "")):
            return False
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        in_word = in_word or before.isalpha() or after.isalpha()
    return in_word


# --- formats --------------------------------------------------------------------------


def _parse_item(
    kind: str,
    data: bytes,
    text: str,
    source: str,
    base_id: str,
    fallback: dict[str, Any],
    batch: _Batch,
) -> Iterator[Article | IngestError]:
    """Articles from one item of a whole-item format (text, HTML or feed).

    Feeds get the raw bytes so that feedparser can honour the XML encoding declaration.
    """
    if kind == "feed":
        yield from _read_feed(data, source, base_id, batch)
    elif kind == "html":
        body, meta = _parse_html(text, fallback.get("url"))
        yield _build(batch, base_id, body, source, meta, fallback)
    else:
        body, meta = _split_front_matter(text)
        yield _build(batch, base_id, body, source, meta, fallback)


def _split_front_matter(text: str) -> tuple[str, dict[str, Any]]:
    """Separate a leading YAML block (--- ... ---) from the body."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    match = FRONT_MATTER.match(text)
    if not match:
        return text, {}
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        problem = str(exc).splitlines()[0]
        raise _Skip("parse", f"invalid YAML front matter ({problem})") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise _Skip("parse", "front matter is not a mapping of field: value")
    if "published" not in meta and "date" in meta:
        meta["published"] = meta["date"]
    return text[match.end() :], meta


def _parse_html(page: str, url: str | None) -> tuple[str, dict[str, Any]]:
    """Main text and metadata of a web page; comments and boilerplate are left out."""
    doc = trafilatura.bare_extraction(
        page,
        url=url,
        include_comments=False,
        favor_precision=True,
        with_metadata=True,
    )
    if doc is None or not doc.text:
        raise _Skip("parse", "no article text found in the HTML")
    paragraphs = [line.strip() for line in doc.text.splitlines() if line.strip()]
    meta = {
        "title": doc.title,
        "author": doc.author,
        "outlet": doc.sitename,
        "url": doc.url,
        "published": htmldate.find_date(page, original_date=True, extensive_search=False, url=url),
    }
    return "\n\n".join(paragraphs), meta


def _read_feed(
    data: bytes, source: str, base_id: str, batch: _Batch
) -> Iterator[Article | IngestError]:
    """One Article per RSS/Atom entry; the feed's title is the outlet.

    feedparser gets a stream, never a string: given a string it may open it as a path or URL.
    """
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.bozo:
            problem = str(parsed.get("bozo_exception", "unreadable")).splitlines()[0]
            raise _Skip("parse", f"malformed feed ({problem})")
        if not parsed.version:
            raise _Skip("parse", "not an RSS or Atom feed")
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{source}#entry {number}"
        body = _entry_text(entry)
        if not body:
            yield IngestError(where, "parse", "feed entry has no text")
            continue
        link = entry.get("link")
        meta = {
            "title": entry.get("title"),
            "url": link,
            "author": entry.get("author"),
            "outlet": outlet,
            "published": _entry_date(entry),
        }
        link_slug = slugify(urlsplit(link).path.rsplit(".", 1)[0]) if link else "article"
        entry_id = link_slug if link_slug != "article" else f"{base_id}-entry{number}"
        try:
            yield _build(batch, entry_id, body, where, meta, {})
        except _Skip as exc:
            yield IngestError(where, exc.stage, exc.message)


def _entry_text(entry: Any) -> str:
    """The fullest text an entry carries (content over summary), as plain text."""
    candidates = [part.get("value", "") for part in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    fragment = max(candidates, key=len)
    return _html_to_text(fragment) if fragment else ""


def _entry_date(entry: Any) -> str | None:
    """The entry's own calendar date; the parsed (UTC) tuple only if the string is odd."""
    for key in ("published", "updated"):
        value = normalise_date(entry.get(key))
        if value:
            return value
    for key in ("published_parsed", "updated_parsed"):
        value = normalise_date(entry.get(key))
        if value:
            return value
    return None


def _html_to_text(fragment: str) -> str:
    """Plain text from a small HTML fragment (feed summaries), keeping paragraph breaks."""
    text = BLOCK_END.sub("\n\n", fragment)
    text = html.unescape(TAG.sub("", text))
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return normalise_text("\n".join(lines))


# --- records --------------------------------------------------------------------------


def _read_jsonl(
    stream: IO[bytes], source: str, stem: str, batch: _Batch
) -> Iterator[Article | IngestError]:
    """One Article per JSON line; a bad line is reported with its number and skipped."""
    if _looks_binary(_peek(stream)):
        raise _Skip("read", "binary file")
    limit = batch.options.max_bytes
    seen_any = False
    for number, line in _numbered_lines(stream, limit):
        where = f"{source}#line {number}"
        if line is None:
            yield IngestError(where, "read", _over_limit("record", limit))
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            record = _parse_json_line(line)
            yield _record_article(record, where, stem, number, batch)
        except _Skip as exc:
            yield IngestError(where, exc.stage, exc.message)
    if not seen_any:
        raise _Skip("read", "empty file")


def _peek(stream: IO[bytes]) -> bytes:
    """The first bytes of a stream without consuming them."""
    peek = getattr(stream, "peek", None)
    return peek(SNIFF_BYTES)[:SNIFF_BYTES] if peek else b""


def _numbered_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; None instead of a line longer than ``limit``, never read whole."""
    number = 0
    while chunk := stream.readline(limit + 1):
        number += 1
        if len(chunk) <= limit:
            yield number, chunk
            continue
        while chunk and not chunk.endswith(b"\n"):  # skip the rest of the oversized line
            chunk = stream.readline(limit + 1)
        yield number, None


def _parse_json_line(line: bytes) -> dict[str, Any]:
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = f"invalid UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1})"
        raise _Skip("read", problem) from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Skip("parse", f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise _Skip("parse", "record is not a JSON object")
    return record


def _read_csv(
    stream: IO[bytes], source: str, stem: str, batch: _Batch
) -> Iterator[Article | IngestError]:
    """One Article per CSV row (UTF-8, header row first); line numbers count the header."""
    if _looks_binary(_peek(stream)):
        raise _Skip("read", "binary file")
    reader = csv.DictReader(io.TextIOWrapper(stream, encoding="utf-8-sig", newline=""))
    line = 1
    try:
        columns = reader.fieldnames
        if not columns:
            raise _Skip("read", "empty file")
        text_field = batch.options.text_field
        if text_field not in columns:
            raise _Skip("parse", f"no {text_field!r} column (columns: {', '.join(columns)})")
        for row in reader:
            start, line = line + 1, reader.line_num
            where = f"{source}#line {start}"
            try:
                yield _record_article(row, where, stem, start, batch)
            except _Skip as exc:
                yield IngestError(where, exc.stage, exc.message)
    except UnicodeDecodeError as exc:
        problem = f"invalid UTF-8 (byte 0x{exc.object[exc.start]:02x}) after line {line}"
        raise _Skip("read", problem) from None
    except csv.Error as exc:
        raise _Skip("parse", f"malformed CSV after line {line} ({exc})") from None


def _record_article(
    record: dict[str, Any], where: str, stem: str, number: int, batch: _Batch
) -> Article:
    """An Article from one JSONL/CSV record, using the column names in the options."""
    options = batch.options
    text = record.get(options.text_field)
    if not isinstance(text, str) or not text.strip():
        raise _Skip("parse", f"record has no text in field {options.text_field!r}")
    meta = {
        "title": record.get(options.title_field),
        "url": record.get(options.url_field),
        "outlet": record.get(options.outlet_field),
        "author": record.get(options.author_field),
        "published": record.get(options.date_field) or record.get("date"),
    }
    record_id = record.get(options.id_field)
    if record_id in (None, ""):
        base_id = f"{slugify(stem)}-line{number}"
    else:
        base_id = slugify(str(record_id))
    return _build(batch, base_id, text, where, meta, {})


# --- manifests ------------------------------------------------------------------------


def _manifest_entry(path: Path, batch: _Batch) -> tuple[dict[str, Any], list[IngestError]]:
    """The manifest record for a file (or {}), plus the manifest's errors the first time."""
    directory = path.parent.resolve()
    errors: list[IngestError] = []
    if directory not in batch.manifests:
        batch.manifests[directory], errors = _load_manifest(directory)
    entries = batch.manifests[directory]
    resolved = path.resolve()
    uncompressed = resolved.with_name(resolved.name.removesuffix(".gz"))
    entry = entries.get(resolved) or entries.get(uncompressed)
    return entry or {}, errors


def _load_manifest(directory: Path) -> tuple[dict[Path, dict[str, Any]], list[IngestError]]:
    """meta.jsonl or meta.csv of a directory, keyed by the resolved path of each 'file'."""
    entries: dict[Path, dict[str, Any]] = {}
    errors: list[IngestError] = []
    for name in sorted(MANIFEST_NAMES, reverse=True):  # meta.jsonl before meta.csv
        manifest = directory / name
        if not manifest.is_file():
            continue
        try:
            records = _manifest_records(manifest)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            errors.append(IngestError(str(manifest), "manifest", f"cannot read manifest ({exc})"))
            continue
        for number, record in records:
            where = f"{manifest}#line {number}"
            if isinstance(record, str):
                errors.append(IngestError(where, "manifest", record))
            elif not record.get("file"):
                errors.append(IngestError(where, "manifest", "record has no 'file'"))
            else:
                entries.setdefault((directory / str(record["file"])).resolve(), record)
    return entries, errors


def _manifest_records(manifest: Path) -> list[tuple[int, dict[str, Any] | str]]:
    """(line number, record or problem) for each record of a manifest file."""
    text = manifest.read_text(encoding="utf-8-sig")
    if manifest.suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows = [{k: v for k, v in row.items() if v not in ("", None)} for row in reader]
        return [(index + 2, row) for index, row in enumerate(rows)]
    records: list[tuple[int, dict[str, Any] | str]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            records.append((number, f"invalid JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(record, dict):
            record = "record is not a JSON object"
        records.append((number, record))
    return records


# --- building records -----------------------------------------------------------------


def _build(
    batch: _Batch,
    base_id: str,
    text: str,
    source: str,
    meta: dict[str, Any],
    fallback: dict[str, Any],
) -> Article:
    """An Article from text and metadata layers: item, then manifest, then caller defaults."""
    body = normalise_text(text)
    if not body:
        raise _Skip("parse", "no text")
    values: dict[str, str | None] = {}
    for name in META_FIELDS:
        candidates = (meta.get(name), fallback.get(name), batch.defaults.get(name))
        values[name] = next(filter(None, (_clean(name, value) for value in candidates)), None)
    return Article(
        id=_unique_id(batch, base_id),
        text=body,
        title=values["title"],
        outlet=values["outlet"],
        url=values["url"],
        author=values["author"],
        published=values["published"],
        language=values["language"] or "en",
        source=source,
        content_hash=content_hash(body),
    )


def _clean(name: str, value: object) -> str | None:
    """One metadata value as stored: dates normalised, anything else as single-spaced text."""
    if value is None:
        return None
    if name == "published":
        return normalise_date(value)
    return " ".join(str(value).split()) or None


def _unique_id(batch: _Batch, base_id: str) -> str:
    """``base_id``, or base_id-2, -3 ... if another item of this batch already has it."""
    candidate, n = base_id, 1
    while candidate in batch.ids:
        n += 1
        candidate = f"{base_id}-{n}"
    batch.ids.add(candidate)
    return candidate
