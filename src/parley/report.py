"""`parley report`: one self-contained file answering "are dollars replacing diplomacy?".

The report is built once as plain sections (text, an optional Vega-Lite chart, tables
whose cells may link to evidence) and then written as HTML or Markdown. Charts are
rendered to inline SVG by vl-convert at build time, with external data loading refused,
so the HTML needs no script and no network to view. Every chart mark and table row links
to an anchor in the evidence appendix (#story-…, #ev-<event id>, #fr-<article id>).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import altair as alt
import vl_convert

from parley.analysis import money_claims
from parley.compare import compare, comparison_rows, framing_side_by_side, outlet_of
from parley.dyads import QUAD_CLASSES, dyad_series
from parley.framing import THEMES, Lexicon, SentenceFrame, frame, load_sentences, tag_sentences
from parley.models import Article, ParleyError
from parley.store import Store
from parley.stories import Story, build_stories
from parley.table import SECTORS, seats, sector_shares

REPORT_FORMATS = ("html", "md")
TALKS_DYAD = "USA-RUS"
TOP_DYADS = 6
TOP_CLAIMS = 15
TIMELINE_LEAD_DAYS = 31
CHART_WIDTH = 860


@dataclass
class Link:
    text: str
    anchor: str


Cell = str | int | float | None | Link | list[Link]


@dataclass
class Block:
    """A table: a caption, column names and rows of cells."""

    caption: str
    columns: list[str]
    rows: list[list[Cell]]
    row_ids: list[str | None] = field(default_factory=list)
    id: str | None = None


@dataclass
class Section:
    id: str
    title: str
    intro: str
    chart: dict[str, Any] | None = None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Report:
    title: str
    summary: str
    sections: list[Section]


def anchor(kind: str, key: str) -> str:
    """A fragment id safe in HTML and Markdown: kind-key with odd characters replaced."""
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9_-]", "_", key)


DEFAULT_TITLE = "Are dollars replacing diplomacy? US–Russia talks in the news"


def build_report(store: Store, title: str = DEFAULT_TITLE) -> Report:
    """Every section of the report, from the stories, framing and claims in a store."""
    articles = list(store.articles())
    if not articles:
        raise ParleyError(f"{store.url}: no articles to report on (run parley ingest and "
                          "parley code first)")
    stories = build_stories(store.events(), articles)
    frames = tag_sentences(load_sentences(store), Lexicon.load())
    counts = store.counts()
    sections = [
        _timeline(stories, articles),
        _framing(frames, articles),
        _table(stories),
        _dyads(stories),
        _claims(store, articles),
        _sources(store, stories, articles),
        _story_evidence(stories),
        _framing_evidence(frames, articles),
    ]
    summary = (f"{counts['articles']} articles from {len({outlet_of(a) for a in articles})} "
               f"outlets; {counts['events']} coded events grouped into {len(stories)} story "
               f"events; {counts['claims']} claims. Counts and series below count stories "
               "(one per real-world event), not reports.")
    return Report(title, summary, sections)


def write_report(store: Store, out: Path, fmt: str = "html", title: str = DEFAULT_TITLE
                 ) -> Path:
    """Build the report and write it as HTML or Markdown."""
    if fmt not in REPORT_FORMATS:
        raise ParleyError(f"--format {fmt}: expected one of {', '.join(REPORT_FORMATS)}")
    if not out.parent.is_dir():
        raise ParleyError(f"--out {out}: directory {out.parent} does not exist")
    report = build_report(store, title)
    out.write_text(to_html(report) if fmt == "html" else to_markdown(report), encoding="utf-8")
    return out


# --- sections ----------------------------------------------------------------------------

def _story_links(story: Story) -> list[Link]:
    return [Link(ev.outlet or ev.article_id, anchor("ev", ev.event_id)) for ev in story.evidence]


def _timeline(stories: list[Story], articles: list[Article]) -> Section:
    published = sorted(a.published for a in articles if a.published)
    start = date.fromisoformat(published[0]) - timedelta(days=TIMELINE_LEAD_DAYS)
    shown = [s for s in stories if s.date_precision == "day" and len(s.date) == 10
             and start <= date.fromisoformat(s.date) <= date.fromisoformat(published[-1])]
    talks = {seat.story_id: seat for seat in seats(shown, TALKS_DYAD)}
    values = [{"date": s.date, "type": s.type, "articles": s.n_articles,
               "kind": "US–Russia talks" if s.id in talks else "other story",
               "what": f"{s.type} {s.dyad} {s.place or ''}".strip(),
               "href": "#" + anchor("story", s.id)} for s in shown]
    chart = (alt.Chart(alt.Data(values=values)).mark_circle(opacity=0.8).encode(
        x=alt.X("date:T", title="story date"), y=alt.Y("type:N", title="PLOVER event type"),
        size=alt.Size("articles:Q", title="articles"),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(
            domain=["US–Russia talks", "other story"], range=["#c0392b", "#7f8c8d"])),
        href="href:N", tooltip=["date:T", "what:N", "articles:Q"])
        .properties(width=CHART_WIDTH, height=260, title="Story events by date"))
    rows = [[Link(s.date, anchor("story", s.id)), s.place or "",
             ", ".join(f"{p.name} ({p.sector or '?'})" for p in talks[s.id].participants),
             s.n_articles, ", ".join(s.outlets), _story_links(s)]
            for s in shown if s.id in talks]
    return Section(
        "timeline", "Timeline of story events",
        f"Story events dated to the day between {start} and {published[-1]}; the circles in "
        "red are US–Russia talks (CONSULT stories whose countries include the USA and "
        "Russia). Circle size is the number of articles reporting the story. Click a circle "
        "for its evidence.",
        chart.to_dict(),
        [Block("US–Russia talks",
               ["date", "place", "at the table (sector)", "articles", "outlets", "evidence"],
               rows)])


def _framing(frames: list[SentenceFrame], articles: list[Article]) -> Section:
    per_article = frame(frames, articles, "article")
    monthly = frame(frames, articles, "outlet-month")
    by_id = {a.id: a for a in articles}
    points = [{"published": by_id[f.key].published, "index": f.index, "outlet": f.outlet,
               "article": by_id[f.key].title or f.key, "href": "#" + anchor("fr", f.key)}
              for f in per_article if f.index is not None and by_id[f.key].published]
    lines = [{"month": f"{f.month}-15", "index": f.index, "outlet": f.outlet}
             for f in monthly if f.index is not None and f.month]
    color = alt.Color("outlet:N", title="outlet")
    chart = alt.layer(
        alt.Chart(alt.Data(values=lines)).mark_line(opacity=0.5).encode(
            x=alt.X("month:T", title="publication date"),
            y=alt.Y("index:Q", title="framing index", scale=alt.Scale(domain=[-1, 1])),
            color=color),
        alt.Chart(alt.Data(values=points)).mark_point(filled=True, size=90).encode(
            x="published:T", y="index:Q", color=color, href="href:N",
            tooltip=["article:N", "outlet:N", alt.Tooltip("index:Q", format=".2f")]),
    ).properties(width=CHART_WIDTH, height=280,
                 title="Framing index: commerce (+1) vs security and diplomacy (−1)")
    rows = [[Link(by_id[f.key].title or f.key, anchor("fr", f.key)), f.outlet,
             by_id[f.key].published, *(_pct(f.share(t)) for t in THEMES), _num(f.index),
             _num(f.tone)] for f in per_article]
    return Section(
        "framing", "Framing: commerce, security, diplomacy",
        "Each sentence is tagged with the project's theme lexicon (data/themes.yaml). The "
        "framing index is (C − M) / (C + M), with C the commercial hits and M the mean of "
        "security and diplomatic hits: +1 only commerce, 0 commerce as present as the "
        "other two on average, −1 no commerce. Points are articles (click for their themed "
        "sentences); lines are each outlet's monthly index. Tone is VADER's compound score, "
        "a weak signal on news text.",
        chart.to_dict(),
        [Block("Framing per article",
               ["article", "outlet", "published", *(f"{t} share" for t in THEMES),
                "framing index", "tone (VADER, weak)"], rows)])


def _table(stories: list[Story]) -> Section:
    shares = sector_shares(stories, TALKS_DYAD, "month")
    values = [{"period": t.period, "sector": s, "share": t.shares[s],
               "people": ", ".join(t.names[s]), "href": "#" + anchor("table", t.period)}
              for t in shares for s in SECTORS if t.shares[s]]
    chart = (alt.Chart(alt.Data(values=values)).mark_bar().encode(
        x=alt.X("period:O", title="month"),
        y=alt.Y("share:Q", title="share of people at the table", stack="zero",
                axis=alt.Axis(format="%")),
        color=alt.Color("sector:N", scale=alt.Scale(
            domain=list(SECTORS), range=["#2c7fb8", "#636363", "#e6550d", "#bdbdbd"])),
        href="href:N", tooltip=["period:O", "sector:N", "people:N",
                                alt.Tooltip("share:Q", format=".0%")])
        .properties(width=CHART_WIDTH, height=260,
                    title="Who sits at the table in US–Russia talks, by month"))
    by_story = {s.id: s for s in stories}
    rows = [[t.period, t.people, *(_pct(t.shares[s]) for s in SECTORS),
             "; ".join(f"{s}: {', '.join(t.names[s])}" for s in SECTORS if t.names[s]),
             [Link(by_story[i].date, anchor("story", i)) for i in t.story_ids]]
            for t in shares]
    return Section(
        "table", "Who sits at the table",
        "The people named as participants of US–Russia talks (CONSULT stories), with the "
        "sector the actor base gives them on the meeting's date, counted once per month. "
        "GOV includes diplomats and officials; BUS business people without a government post.",
        chart.to_dict(),
        [Block("Sector shares by month", ["month", "people", *SECTORS, "people by sector",
                                          "stories"], rows,
               [anchor("table", t.period) for t in shares])])


def _dyads(stories: list[Story]) -> Section:
    series = dyad_series(stories)
    totals = Counter()
    for c in series:
        totals[_dyad_label(c.dyad, c.directed)] += c.stories
    top = {d for d, _ in totals.most_common(TOP_DYADS)}
    per_month = Counter()
    for c in series:
        if _dyad_label(c.dyad, c.directed) in top:
            per_month[(c.period, _dyad_label(c.dyad, c.directed))] += c.stories
    values = [{"month": f"{p}-15", "dyad": d, "stories": n,
               "href": "#" + anchor("dyad", f"{p}-{d}")} for (p, d), n in sorted(per_month.items())]
    chart = (alt.Chart(alt.Data(values=values)).mark_line(point=True).encode(
        x=alt.X("month:T", title="month"), y=alt.Y("stories:Q", title="stories"),
        color=alt.Color("dyad:N", title="dyad"), href="href:N",
        tooltip=["dyad:N", "stories:Q"])
        .properties(width=CHART_WIDTH, height=260,
                    title=f"Stories per month, top {TOP_DYADS} dyads"))
    rows, ids, seen = [], [], set()
    for c in series:
        label = _dyad_label(c.dyad, c.directed)
        row_id = anchor("dyad", f"{c.period}-{label}")
        ids.append(None if row_id in seen else row_id)
        seen.add(row_id)
        rows.append([c.period, label, QUAD_CLASSES.get(c.quad_class or 0, ""), c.stories,
                     _num(c.goldstein, 1), [Link(i, anchor("story", i)) for i in c.story_ids]])
    return Section(
        "dyads", "Dyad series",
        "Stories per month by country pair and quad class, with the mean Goldstein score "
        "(−10 conflict … +10 cooperation). Directed pairs read source → target; talks have "
        "no direction and are written A–B (talks).",
        chart.to_dict(), [Block("Stories by month, dyad and quad class",
                                ["month", "dyad", "quad class", "stories", "mean Goldstein",
                                 "stories"], rows, ids)])


def _dyad_label(dyad: str, directed: bool) -> str:
    return dyad.replace("-", " → ") if directed else dyad.replace("-", "–") + " (talks)"


def _claims(store: Store, articles: list[Article]) -> Section:
    by_id = {a.id: a for a in articles}
    found = money_claims(store.claims())[:TOP_CLAIMS]
    values = [{"claim": f"{c.speaker_label}: {c.amount_text}", "usd": c.value,
               "href": "#" + anchor("claim", str(i))} for i, c in enumerate(found)
              if c.currency == "USD"]
    chart = (alt.Chart(alt.Data(values=values)).mark_bar().encode(
        x=alt.X("usd:Q", title="amount claimed (USD, log scale)", scale=alt.Scale(type="log")),
        y=alt.Y("claim:N", sort="-x", title=None), href="href:N",
        tooltip=["claim:N", alt.Tooltip("usd:Q", format="$,.0f")])
        .properties(width=CHART_WIDTH - 300, title="The largest sums claimed, in USD"))
    rows = [[c.speaker_label, c.amount_text, " ".join(c.claim.text.split()),
             outlet_of(by_id[c.claim.article_id]) if c.claim.article_id in by_id else "",
             f"{c.claim.article_id} §{c.claim.sentence_index}"] for c in found]
    return Section(
        "claims", "Top claims with amounts",
        "Claims holding a sum of money, largest first, with who made them and where. "
        "'≥' marks a vague amount ('billions of dollars'), read as its lower bound.",
        chart.to_dict() if values else None,
        [Block("Claims with amounts", ["speaker", "amount", "claim", "outlet", "article §"],
               rows, [anchor("claim", str(i)) for i in range(len(found))])])


def _sources(store: Store, stories: list[Story], articles: list[Article]) -> Section:
    outlets = sorted({outlet_of(a) for a in articles})
    pairs = sorted(((sum(1 for s in stories if a in s.outlets and b in s.outlets), a, b)
                    for a, b in combinations(outlets, 2)), key=lambda x: (-x[0], x[1], x[2]))
    blocks = []
    for shared, a, b in pairs:
        if not shared:
            continue
        c = compare(store, a, b, stories=stories)
        side = framing_side_by_side(c)
        blocks.append(Block(f"{a} vs {b}: framing and tone on the {shared} shared stories",
                            list(side[0]), [list(r.values()) for r in side]))
        rows = comparison_rows(c)
        blocks.append(Block(f"{a} vs {b}: what each reports or omits", list(rows[0]),
                            [[Link(v, anchor("story", v)) if k == "story" else v
                              for k, v in r.items()] for r in rows]))
    return Section(
        "sources", "Source comparison",
        "For every pair of outlets, the stories both cover: the actors and claims each "
        "reports and the other omits, and each outlet's framing index and tone over its "
        "articles on those stories.", None, blocks)


def _story_evidence(stories: list[Story]) -> Section:
    blocks = [Block(f"{s.date} {s.type} {s.dyad}" + (f" at {s.place}" if s.place else "")
                    + f": {s.n_articles} article(s), story {s.id}",
                    ["outlet", "published", "article", "sentence"],
                    [[ev.outlet or "", ev.published or "", ev.article_id, ev.sentence]
                     for ev in s.evidence],
                    [anchor("ev", ev.event_id) for ev in s.evidence], anchor("story", s.id))
              for s in stories]
    return Section("evidence", "Evidence: the sentences behind every story",
                   "Each story event with the sentences (one per coded event) that report it.",
                   None, blocks)


def _framing_evidence(frames: list[SentenceFrame], articles: list[Article]) -> Section:
    blocks = [Block(f"{a.title or a.id} ({outlet_of(a)}, {a.published})",
                    ["§", "themes", "tone (weak)", "sentence"],
                    [[f.index, ", ".join(f"{t}: {w}" for t, w in f.hits), _num(f.tone),
                      " ".join(f.text.split())]
                     for f in frames if f.article_id == a.id and f.hits],
                    id=anchor("fr", a.id)) for a in articles]
    return Section("framing-evidence", "Evidence: themed sentences per article",
                   "The sentences that carry theme hits, per article.", None, blocks)


def _pct(x: float | None) -> str:
    return "" if x is None else f"{x:.0%}"


def _num(x: float | None, digits: int = 2) -> str:
    return "" if x is None else f"{x:+.{digits}f}"


# --- writers -----------------------------------------------------------------------------

def render_svg(spec: dict[str, Any]) -> str:
    """A Vega-Lite spec as inline SVG, loading no external data, with links made local.

    Vega resolves hrefs against its default base URL; the report's links are fragments
    in the same file, so the base is stripped back off.
    """
    svg = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
    return re.sub(r'(xlink:href|href)="[^"#]*#', r'\1="#', svg)


_CSS = """body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.85em}
td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
caption{font-weight:bold;text-align:left;padding:4px 0}
tr:target{background:#fff3b0}figure{margin:1em 0}nav a{margin-right:1em}"""


def to_html(report: Report) -> str:
    """One HTML file: inline CSS and SVG, no script, no external resource."""
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{esc(report.title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{esc(report.title)}</h1><p>{esc(report.summary)}</p><nav>",
             *(f'<a href="#{s.id}">{esc(s.title)}</a>' for s in report.sections), "</nav>"]
    for section in report.sections:
        parts.append(f'<section id="{section.id}"><h2>{esc(section.title)}</h2>'
                     f"<p>{esc(section.intro)}</p>")
        if section.chart:
            parts.append(f'<figure class="chart">{render_svg(section.chart)}</figure>')
        parts.extend(_html_table(b) for b in section.blocks)
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _html_cell(cell: Cell) -> str:
    if isinstance(cell, Link):
        return f'<a href="#{cell.anchor}">{html.escape(cell.text)}</a>'
    if isinstance(cell, list):
        return " ".join(_html_cell(c) for c in cell)
    return html.escape("" if cell is None else str(cell))


def _html_table(block: Block) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in block.columns)
    ids = block.row_ids or [None] * len(block.rows)
    body = "".join(
        (f'<tr id="{row_id}">' if row_id else "<tr>")
        + "".join(f"<td>{_html_cell(c)}</td>" for c in row) + "</tr>"
        for row, row_id in zip(block.rows, ids))
    table_id = f' id="{block.id}"' if block.id else ""
    return (f"<table{table_id}><caption>{html.escape(block.caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def to_markdown(report: Report) -> str:
    """The same report in Markdown: tables and links, charts left to the HTML version."""
    lines = [f"# {report.title}", "", report.summary, ""]
    for section in report.sections:
        lines += [f'<a id="{section.id}"></a>', f"## {section.title}", "", section.intro, ""]
        if section.chart:
            lines += ["*(chart in the HTML report: `parley report --format html`)*", ""]
        for block in section.blocks:
            lines += [(f'<a id="{block.id}"></a>' if block.id else "") + f"**{block.caption}**",
                      "", *_md_table(block), ""]
    return "\n".join(lines)


def _md_cell(cell: Cell) -> str:
    if isinstance(cell, Link):
        return f"[{cell.text}](#{cell.anchor})"
    if isinstance(cell, list):
        return " ".join(_md_cell(c) for c in cell)
    return ("" if cell is None else str(cell)).replace("|", "\\|").replace("\n", " ")


def _md_table(block: Block) -> Sequence[str]:
    ids = block.row_ids or [None] * len(block.rows)
    rows = [[(f'<a id="{row_id}"></a>' if row_id and i == 0 else "") + _md_cell(c)
             for i, c in enumerate(row)] for row, row_id in zip(block.rows, ids)]
    return ["| " + " | ".join(block.columns) + " |",
            "|" + "---|" * len(block.columns),
            *("| " + " | ".join(r) + " |" for r in rows)]
