"""Resolve temporal expressions in news text to dated records.

News writes dates relative to the day it was published ("On February 18",
"last month", "Tuesday"), so every expression is resolved against the
article's publication date. Patterns that dateparser gets wrong or cannot
read (decades, "early March", ranges, weekdays, vague phrases) are handled
first by small rules; the rest goes to dateparser, never over whole text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml
from dateparser.date import DateDataParser

from parley.models import TimeExpression

_YEAR_MIN, _YEAR_MAX = 1900, 2100
_ORDINAL = r"(?:st|nd|rd|th)?"
_TRAILING_PUNCT = ".,;:!?)]\"'’ "
_LEADING_PUNCT = "([\"'‘“ "


@dataclass(frozen=True)
class _Tables:
    """The word tables of data/dates.yaml, compiled into regexes once."""

    months: dict[str, int]
    weekdays: dict[str, int]
    month_re: str
    weekday_re: str
    preposition_re: re.Pattern[str]
    part_re: str
    softener_re: re.Pattern[str]
    cue_re: re.Pattern[str]
    vague_res: tuple[re.Pattern[str], ...]
    amount_words: str
    amount_re: re.Pattern[str]


@dataclass(frozen=True)
class _Context:
    """What a rule needs besides the text: the base date and the narrative year."""

    published: dt.date
    year_hint: int | None
    tables: _Tables


def _alternation(words: list[str] | dict[str, int]) -> str:
    """Longest first, so "sept" wins over "sep" and "the end of" over "end of"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _tables() -> _Tables:
    """Load the tables once; they are read-only afterwards."""
    raw = yaml.safe_load(resources.files("parley").joinpath("data/dates.yaml").read_text("utf-8"))
    months: dict[str, int] = raw["months"]
    weekdays: dict[str, int] = raw["weekdays"]
    cues = _alternation(raw["relative_cues"])
    softeners = _alternation(raw["relative_softeners"] + raw["period_parts"])
    amount_words = _alternation(raw["amount_words"])
    return _Tables(
        months=months,
        weekdays=weekdays,
        month_re=rf"(?:{_alternation(months)})\.?",
        weekday_re=rf"(?:{_alternation(weekdays)})\.?",
        preposition_re=re.compile(
            rf"^(?:{_alternation(raw['leading_prepositions'])})\s+", re.IGNORECASE
        ),
        part_re=_alternation(raw["period_parts"]),
        softener_re=re.compile(rf"^(?:{softeners})[\s-]+(?=(?:{cues})\b)", re.IGNORECASE),
        cue_re=re.compile(rf"\b(?:{cues})\b", re.IGNORECASE),
        vague_res=tuple(re.compile(p, re.IGNORECASE) for p in raw["vague_patterns"]),
        amount_words=amount_words,
        amount_re=re.compile(rf"[%$€£]|\b(?:{amount_words})\b", re.IGNORECASE),
    )


def _month_number(name: str, tables: _Tables) -> int:
    return tables.months[name.lower().rstrip(".")]


def _is_year(value: int) -> bool:
    return _YEAR_MIN <= value <= _YEAR_MAX


def _clean(expression: str, tables: _Tables) -> str:
    """Drop the preposition and punctuation around a date entity ("On February 18,")."""
    text = re.sub(r"\s+", " ", expression.replace("–", "-").replace("—", "-")).strip()
    text = text.strip(_TRAILING_PUNCT).lstrip(_LEADING_PUNCT)
    previous = None
    while previous != text:
        previous, text = text, tables.preposition_re.sub("", text, count=1)
    return text


def _year_for(month: int, day: int, ctx: _Context) -> int:
    """The year of a date written without one: the narrative's, else not after publication."""
    if ctx.year_hint is not None:
        return ctx.year_hint
    published = ctx.published
    return (
        published.year if (month, day) <= (published.month, published.day) else published.year - 1
    )


def _vague(text: str, ctx: _Context) -> TimeExpression | None:
    """Phrases like "recently" carry no date; anchor them at the published year."""
    if any(p.search(text) for p in ctx.tables.vague_res):
        return TimeExpression(str(ctx.published.year), "vague", rule="vague-word")
    return None


def _decade(text: str, ctx: _Context) -> TimeExpression | None:
    """Decades ("the 1990s", "the early 2000s", "the '90s"), which dateparser misreads."""
    m = re.fullmatch(
        r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<full>\d{3}0)s|['’‘](?P<short>\d0)s)",
        text,
        re.IGNORECASE,
    )
    if not m:
        return None
    if m["full"]:
        year = int(m["full"])
    else:
        year = 2000 + int(m["short"])
        if year > ctx.published.year:
            year -= 100
    if not _is_year(year):
        return None
    return TimeExpression(str(year), "decade", rule="pattern:decade")


def _period_part(text: str, ctx: _Context) -> TimeExpression | None:
    """Parts of a month or year ("early March", "the end of 2024") keep its precision."""
    tables = ctx.tables
    m = re.fullmatch(
        rf"(?:{tables.part_re})[\s-]+(?:(?P<month>{tables.month_re})(?:,?\s*(?P<year>\d{{4}}))?"
        rf"|(?P<only_year>\d{{4}}))",
        text,
        re.IGNORECASE,
    )
    if not m:
        return None
    if m["only_year"]:
        year = int(m["only_year"])
        return (
            TimeExpression(str(year), "year", rule="pattern:year-part") if _is_year(year) else None
        )
    month = _month_number(m["month"], tables)
    year = int(m["year"]) if m["year"] else _year_for(month, 1, ctx)
    if not _is_year(year):
        return None
    return TimeExpression(f"{year:04d}-{month:02d}", "month", rule="pattern:month-part")


@dataclass(frozen=True)
class _Side:
    """One end of a range as written: any of day, month and year may be missing."""

    day: int | None
    month: int | None
    year: int | None


def _range_side(text: str, tables: _Tables) -> _Side | None:
    m = re.fullmatch(
        rf"(?:(?P<day1>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?)?(?:(?P<month>{tables.month_re})\s*)?"
        rf"(?:(?P<day2>\d{{1,2}}){_ORDINAL})?\s*,?\s*(?P<year>\d{{4}})?",
        text,
        re.IGNORECASE,
    )
    if not m or (m["day1"] and m["day2"]) or not any(m.groups()):
        return None
    day = m["day1"] or m["day2"]
    return _Side(
        day=int(day) if day else None,
        month=_month_number(m["month"], tables) if m["month"] else None,
        year=int(m["year"]) if m["year"] else None,
    )


def _range(text: str, ctx: _Context) -> TimeExpression | None:
    """Ranges ("February 18-19, 2025", "3 and 5 March"): each side lends the other month/year."""
    m = re.fullmatch(
        r"(?:between\s+)?(?P<a>.+?)\s*(?:-|\band\b|\bto\b|\buntil\b|\bthrough\b|\btill\b)\s*(?P<b>.+)",
        text,
        re.IGNORECASE,
    )
    if not m:
        return None
    a, b = _range_side(m["a"], ctx.tables), _range_side(m["b"], ctx.tables)
    if a is None or b is None or (a.day is None) != (b.day is None):
        return None
    first_month, last_month = a.month or b.month, b.month or a.month
    if a.day is not None and first_month is None:
        return None  # "3-5" is a number range, not a date range
    return _build_range(a, b, first_month, last_month, ctx)


def _build_range(
    a: _Side, b: _Side, first_month: int | None, last_month: int | None, ctx: _Context
) -> TimeExpression | None:
    """Turn two completed sides into a record at the precision both share."""
    if first_month is None or last_month is None:
        start_year, end_year = a.year, b.year
        if start_year is None or end_year is None or not start_year <= end_year:
            return None
        if not (_is_year(start_year) and _is_year(end_year)):
            return None
        return TimeExpression(
            str(start_year), "year", rule="pattern:range", end_value=str(end_year)
        )
    first_day, last_day = a.day or 1, b.day or 1
    crosses_new_year = int((last_month, last_day) < (first_month, first_day))
    if a.year is not None:
        start_year = a.year
    elif b.year is not None:
        start_year = b.year - crosses_new_year
    else:
        start_year = _year_for(first_month, first_day, ctx)
    end_year = b.year or start_year + crosses_new_year
    try:
        start = dt.date(start_year, first_month, first_day)
        end = dt.date(end_year, last_month, last_day)
    except ValueError:
        return None
    if end < start:
        return None
    if a.day is None:
        return TimeExpression(
            f"{start:%Y-%m}", "month", rule="pattern:range", end_value=f"{end:%Y-%m}"
        )
    return TimeExpression(start.isoformat(), "day", rule="pattern:range", end_value=end.isoformat())


def _weekday(text: str, ctx: _Context) -> TimeExpression | None:
    """A bare weekday is the latest such day on or before publication; "next" looks ahead."""
    m = re.fullmatch(
        rf"(?:(?P<rel>last|this|past|next|coming)\s+)?(?P<wd>{ctx.tables.weekday_re})"
        r"(?:\s+(?:morning|afternoon|evening|night))?",
        text,
        re.IGNORECASE,
    )
    if not m:
        return None
    wanted = ctx.tables.weekdays[m["wd"].lower().rstrip(".")]
    published = ctx.published
    relation = (m["rel"] or "").lower()
    if relation in ("next", "coming"):
        date = published + dt.timedelta(days=(wanted - published.weekday()) % 7 or 7)
    else:
        back = (published.weekday() - wanted) % 7
        if relation in ("last", "past") and back == 0:
            back = 7
        date = published - dt.timedelta(days=back)
    return TimeExpression(date.isoformat(), "day", rule="pattern:weekday")


def _bare_year(text: str, ctx: _Context) -> TimeExpression | None:
    """A lone four-digit number is a year only within 1900-2100."""
    if re.fullmatch(r"\d{4}", text) and _is_year(int(text)):
        return TimeExpression(text, "year", rule="pattern:year")
    return None


def _looks_like_date(text: str, tables: _Tables) -> bool:
    """Keep dateparser away from bare numbers ("two", "10 days"), which it reads as dates."""
    return bool(
        re.search(rf"\b{tables.month_re}(?!\w)", text, re.IGNORECASE)
        or re.search(rf"\b{tables.weekday_re}(?!\w)", text, re.IGNORECASE)
        or any(_is_year(int(y)) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", text))
        or tables.cue_re.search(text)
    )


@lru_cache(maxsize=64)
def _parser(published: dt.date) -> DateDataParser:
    """A parser per publication date: building one costs far more than using it."""
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def _dateparser(text: str, ctx: _Context) -> TimeExpression | None:
    """Absolute and relative dates dateparser reads well, at the period it reports."""
    tables = ctx.tables
    if not _looks_like_date(text, tables):
        return None
    text = tables.softener_re.sub("", text)
    data = _parser(ctx.published).get_date_data(text)
    if data.date_obj is None:
        return None
    date, period = data.date_obj.date(), data.period or "day"
    if period == "week":
        monday = date - dt.timedelta(days=date.weekday())
        return TimeExpression(monday.isoformat(), "vague", rule="dateparser:week")
    if period not in ("month", "year"):
        period = "day"
    has_year = re.search(r"(?<!\d)\d{4}(?!\d)", text)
    if not has_year and not tables.cue_re.search(text) and period != "year":
        day = date.day if period == "day" else 1
        try:
            date = date.replace(year=_year_for(date.month, day, ctx))
        except ValueError:
            return None
    value = {"day": date.isoformat(), "month": f"{date:%Y-%m}", "year": f"{date:%Y}"}[period]
    return TimeExpression(value, period, rule="dateparser")


_RULES: tuple[Callable[[str, _Context], TimeExpression | None], ...] = (
    _vague,
    _decade,
    _period_part,
    _range,
    _weekday,
    _bare_year,
    _dateparser,
)


def resolve_date(
    expression: str, published: dt.date, *, year_hint: int | None = None
) -> TimeExpression | None:
    """Resolve a DATE entity or phrase against the article's publication date.

    A date written without a year takes ``year_hint`` (the year the narrative
    is in, see :func:`narrative_year`) or else the latest year that does not
    put it after publication. Vague phrases ("recently", "over the past thirty
    years") get granularity ``vague`` and the published year as value, so
    they still sort and filter by year. Weeks ("last week", "this week") are
    also ``vague``, with the Monday of that week as a YYYY-MM-DD value: no
    single day is meant, but the week is known. Amounts and bare numbers
    ("50%", "14.4", "two") give None.
    """
    tables = _tables()
    text = _clean(expression, tables)
    if not text or tables.amount_re.search(text):
        return None
    ctx = _Context(published=published, year_hint=year_hint, tables=tables)
    for rule in _RULES:
        result = rule(text, ctx)
        if result is not None:
            result.text = expression
            return result
    return None


def _dated_years(text: str, tables: _Tables) -> list[int]:
    """Years in text that stand in a date context, in order of appearance."""
    month = tables.month_re
    date_context = re.compile(
        rf"(?:\b(?:in|since|during|by|of|until|before|after|from|through|to|early|mid|late)[\s-]+"
        rf"(?:{month}\s+(?:\d{{1,2}}{_ORDINAL},?\s+)?)?"
        rf"|\b{month}\s+(?:\d{{1,2}}{_ORDINAL},?\s+)?"
        rf"|\b\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?{month},?\s+)$",
        re.IGNORECASE,
    )
    # "dropped from 50% in 2021 to 14.4% in 2023": the year dates a figure, not the story.
    figure_context = re.compile(
        rf"(?:\d|%|\b(?:{tables.amount_words}))\s+(?:in|by|of)\s+$", re.IGNORECASE
    )
    # "has kept a truce since April 2022": a state that lasts until now, not a move back
    lasting = re.compile(rf"\bsince\s+(?:{month}\s+)?$", re.IGNORECASE)
    years: list[int] = []
    for m in re.finditer(r"(?<![\w$€£.,])(\d{4})(?!\w|%|[.,]\d)", text):
        year, before = int(m[1]), text[max(0, m.start() - 40) : m.start()]
        if not _is_year(year) or tables.amount_re.match(text[m.end() : m.end() + 20].lstrip()):
            continue
        if date_context.search(before) and not (figure_context.search(before)
                                                or lasting.search(before)):
            years.append(year)
    return years


def narrative_year(text_before: str, published: dt.date) -> int | None:
    """The year the story has moved back to, for dates written without one.

    Takes the last year in a date-like context ("In February 2022", "on March
    3, 2021") in the preceding text and returns it only when
    it is earlier than the published year; a story back in the present, or
    text with no such year, gives None. Years that are amounts ("$2020",
    "2025 billion"), decades ("the 2000s"), years that date a figure ("14.4%
    in 2023"), the start of a lasting state ("since 2014") and bare numbers
    without a date context are ignored.
    """
    years = _dated_years(text_before, _tables())
    return years[-1] if years and years[-1] < published.year else None
