"""Framing: does a text talk about commerce, security or diplomacy, and in what tone?

Sentences are tagged with the project's theme lexicon (``data/themes.yaml``): each lexicon
hit counts once for its theme, longest phrase first. For any group of sentences (an
article, an outlet, a month) with C commercial, S security and D diplomatic hits:

* the shares are C, S and D over C + S + D;
* the framing index is (C − M) / (C + M), with M = (S + D) / 2, the mean of the two other
  themes. It runs from −1 (no commercial talk) through 0 (commerce as present as the
  average of security and diplomacy) to +1 (commerce only); None without any hit.

Tone is VADER's compound score (−1..+1) per sentence, averaged. VADER was built for
social-media text; on news it is a weak signal, and is labelled so wherever it is shown.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import sqlalchemy as sa
import yaml
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from parley.models import Article, ParleyError, Sentence
from parley.store import Store
from parley.store import articles as articles_table
from parley.store import sentences as sentences_table

THEMES = ("commercial", "security", "diplomatic")
GROUPINGS = ("article", "outlet", "month", "outlet-month")
UNKNOWN_OUTLET = "(unknown outlet)"
_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass
class Lexicon:
    """Token sequences (every inflection spelled out) and the theme each belongs to."""

    forms: dict[tuple[str, ...], str]
    longest: int

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        source = path or resources.files("parley") / "data" / "themes.yaml"
        try:
            data = yaml.safe_load(source.read_text(encoding="utf-8"))
            themes = data["themes"]
        except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
            raise ParleyError(f"{source}: not a theme lexicon ({exc})") from exc
        forms: dict[tuple[str, ...], str] = {}
        for theme, entries in themes.items():
            for entry in [*entries.get("words", []), *entries.get("phrases", [])]:
                for form in _entry_forms(str(entry)):
                    if forms.setdefault(form, theme) != theme:
                        raise ParleyError(f"{source}: '{' '.join(form)}' (from '{entry}') is "
                                          f"in both {forms[form]} and {theme}")
        return cls(forms=forms, longest=max(map(len, forms), default=1))

    def match(self, text: str) -> list[tuple[str, str]]:
        """(theme, matched words) for each hit in the text, longest match first."""
        tokens = _TOKEN.findall(text.lower())
        hits, i = [], 0
        while i < len(tokens):
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                theme = self.forms.get(tuple(tokens[i:i + n]))
                if theme:
                    hits.append((theme, " ".join(tokens[i:i + n])))
                    i += n
                    break
            else:
                i += 1
        return hits


def _inflections(word: str) -> set[str]:
    """Regular English inflections of a lemma; irregular forms are listed in the lexicon."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    return forms


def _entry_forms(entry: str) -> list[tuple[str, ...]]:
    words = _TOKEN.findall(entry.lower())
    if not words:
        return []
    return [(*words[:-1], last) for last in sorted(_inflections(words[-1]))]


@dataclass
class SentenceFrame:
    """One sentence's theme hits and VADER tone."""

    article_id: str
    index: int
    text: str
    hits: list[tuple[str, str]]
    tone: float

    def count(self, theme: str) -> int:
        return sum(1 for t, _ in self.hits if t == theme)


@dataclass
class Framing:
    """Theme hits, shares, framing index and mean tone of a group of sentences."""

    by: str
    key: str
    outlet: str | None
    month: str | None
    articles: int
    sentences: int
    commercial: int
    security: int
    diplomatic: int
    index: float | None
    tone: float | None

    def share(self, theme: str) -> float | None:
        total = self.commercial + self.security + self.diplomatic
        return getattr(self, theme) / total if total else None


def framing_index(commercial: int, security: int, diplomatic: int) -> float | None:
    """(C − M) / (C + M) with M the mean of security and diplomatic hits; None if no hits."""
    other = (security + diplomatic) / 2
    return (commercial - other) / (commercial + other) if commercial + other else None


def load_sentences(store: Store) -> list[Sentence]:
    """The stored sentences of every article that is not a near-duplicate."""
    s, a = sentences_table, articles_table
    query = (sa.select(s.c.article_id, s.c.idx, s.c.start, s.c.end, s.c.text)
             .join(a, a.c.id == s.c.article_id).where(a.c.duplicate_of.is_(None))
             .order_by(s.c.article_id, s.c.idx))
    with store.engine.connect() as conn:
        return [Sentence(*row) for row in conn.execute(query)]


def tag_sentences(sentences: Iterable[Sentence], lexicon: Lexicon) -> list[SentenceFrame]:
    """Theme hits and VADER compound tone for each sentence."""
    vader = SentimentIntensityAnalyzer()
    return [SentenceFrame(s.article_id, s.index, s.text, lexicon.match(s.text),
                          vader.polarity_scores(s.text)["compound"]) for s in sentences]


def frame(frames: Iterable[SentenceFrame], articles: Iterable[Article],
          by: str = "article") -> list[Framing]:
    """Framing of each article, outlet, month or outlet-month, sorted by key."""
    if by not in GROUPINGS:
        raise ParleyError(f"--by {by}: expected one of {', '.join(GROUPINGS)}")
    by_id = {a.id: a for a in articles}
    groups: dict[tuple[str, str | None, str | None], list[SentenceFrame]] = defaultdict(list)
    for f in frames:
        article = by_id.get(f.article_id)
        if article is None:
            continue
        outlet = article.outlet or UNKNOWN_OUTLET
        month = (article.published or "")[:7] or None
        key = {"article": (article.id, outlet, month), "outlet": (outlet, outlet, None),
               "month": (month or "(undated)", None, month),
               "outlet-month": (f"{outlet} {month or '(undated)'}", outlet, month)}[by]
        groups[key].append(f)
    return [_framing(by, key, outlet, month, members)
            for (key, outlet, month), members in sorted(groups.items(),
                                                        key=lambda kv: str(kv[0]))]


def _framing(by: str, key: str, outlet: str | None, month: str | None,
             members: list[SentenceFrame]) -> Framing:
    counts = {t: sum(f.count(t) for f in members) for t in THEMES}
    return Framing(by=by, key=key, outlet=outlet, month=month,
                   articles=len({f.article_id for f in members}), sentences=len(members),
                   **counts, index=framing_index(*(counts[t] for t in THEMES)),
                   tone=sum(f.tone for f in members) / len(members) if members else None)


def framing_row(f: Framing) -> dict:
    """A flat view for tables, CSV and JSON."""
    def rounded(x: float | None) -> float | None:
        return None if x is None else round(x, 3)

    return {f.by: f.key, **({"outlet": f.outlet} if f.by == "article" else {}),
            "sentences": f.sentences, "commercial": f.commercial, "security": f.security,
            "diplomatic": f.diplomatic,
            **{f"{t}_share": rounded(f.share(t)) for t in THEMES},
            "framing_index": rounded(f.index), "tone_vader_weak": rounded(f.tone)}


def store_framing(store: Store, by: str = "article",
                  lexicon: Lexicon | None = None) -> list[Framing]:
    """Framing of a store's articles, grouped ``by`` article, outlet, month or outlet-month."""
    frames = tag_sentences(load_sentences(store), lexicon or Lexicon.load())
    return frame(frames, store.articles(), by)
