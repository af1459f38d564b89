"""``parley eval``: score the coder on hand-coded gold sentences.

"mode" is scored on PLOVER's auxiliary modes (negation, hypothetical, future, historical);
"plover_mode" on the others (phone, visit, ...).

Matching follows ``shared/gold/README.md``: a predicted event matches a gold event when
its PLOVER type is the gold type (or one of its ``alt`` types) and the actor and
recipient countries overlap (CONSULT compares the two sides as an unordered pair; an
empty gold recipient matches on the actor alone). Unmatched predictions are false
positives unless they match an ``optional`` gold event. Countries, sectors, modes,
dates (at the gold granularity) and places (by country) are scored on matched events.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from parley.models import Event, ParleyError
from parley.pipeline import Pipeline, article_from_text

AUX_MODES = {"negation", "hypothetical", "future", "historical"}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class Report:
    files: list[str]
    lines: int = 0
    overall: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=dict)
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def tally(self, plover: str) -> Tally:
        return self.by_type.setdefault(plover, Tally())

    def score(self, name: str, ok: bool) -> None:
        self.accuracy.setdefault(name, Accuracy()).add(ok)

    def as_dict(self) -> dict[str, Any]:
        return {"files": self.files, "lines": self.lines, "overall": self.overall.as_dict(),
                "by_type": {k: v.as_dict() for k, v in sorted(self.by_type.items())},
                "accuracy": {k: (round(v.value, 3) if v.value is not None else None)
                             for k, v in self.accuracy.items()},
                "accuracy_counts": {k: [v.right, v.total] for k, v in self.accuracy.items()},
                "errors": self.errors}


def _countries(codes: Iterable[str]) -> set[str]:
    return {c[:3] for c in codes if c}


def _pred_countries(mentions) -> set[str]:
    return {m.country for m in mentions if m.country}


def matches(pred: Event, gold: dict[str, Any]) -> bool:
    types = {gold["event"], *gold.get("alt", [])}
    if pred.plover not in types:
        return False
    pa, pr = _pred_countries(pred.actors), _pred_countries(pred.recipients)
    ga, gr = _countries(gold.get("actor", [])), _countries(gold.get("recipient", []))
    if not gr:
        return bool(pa & ga) or (gold["event"] == "CONSULT" and bool(pr & ga))
    if pa & ga and pr & gr:
        return True
    return gold["event"] == "CONSULT" and bool(pa & gr) and bool(pr & ga)


def _sides_equal(pred: Event, gold: dict[str, Any]) -> bool:
    pa, pr = _pred_countries(pred.actors), _pred_countries(pred.recipients)
    ga, gr = _countries(gold.get("actor", [])), _countries(gold.get("recipient", []))
    if not gr:
        return pa == ga or (gold["event"] == "CONSULT" and (pa | pr) == ga)
    return (pa, pr) == (ga, gr) or (gold["event"] == "CONSULT" and (pa, pr) == (gr, ga))


def _date_ok(pred: Event, gold_date: str) -> bool:
    return bool(pred.date) and pred.date.value[:len(gold_date)] == gold_date and (
        len(pred.date.value) >= len(gold_date))


def read_gold(paths: Iterable[Path]) -> list[dict[str, Any]]:
    lines = []
    for path in paths:
        if not Path(path).is_file():
            raise ParleyError(f"{path}: no such gold file")
        for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if raw.strip():
                try:
                    line = json.loads(raw)
                except json.JSONDecodeError as exc:
                    raise ParleyError(f"{path}:{number}: not JSON ({exc.msg})") from exc
                if not isinstance(line, dict) or not isinstance(line.get("text"), str):
                    raise ParleyError(f"{path}:{number}: a gold line needs a text")
                line.setdefault("id", f"{Path(path).stem}:{number}")
                line.setdefault("events", [])
                lines.append(line)
    return lines


def code_line(pipeline: Pipeline, line: dict[str, Any]) -> list[Event]:
    """Code a gold line's text, reading its context_before as the preceding article."""
    before = line.get("context_before") or ""
    prefix = before + "\n\n" if before else ""
    text = prefix + line["text"]
    article = article_from_text(text, article_id=line["id"], published=line.get("doc_date"))
    coded = pipeline.code_doc(pipeline.nlp(text), article)
    return [e for e in coded.events if e.start >= len(prefix)]


def evaluate(paths: list[Path], pipeline: Pipeline | None = None) -> Report:
    pipeline = pipeline or Pipeline()
    report = Report(files=[str(p) for p in paths])
    for line in read_gold(paths):
        report.lines += 1
        _score_line(report, line, code_line(pipeline, line), pipeline)
    return report


def _score_line(report: Report, line: dict[str, Any], predicted: list[Event],
                pipeline: Pipeline) -> None:
    unmatched = list(predicted)
    golds = sorted(line["events"], key=lambda g: bool(g.get("optional")))
    for gold in golds:
        hit = next((p for p in unmatched if matches(p, gold)), None)
        if hit is not None:
            unmatched.remove(hit)
        if gold.get("optional"):
            continue
        tally = report.tally(gold["event"])
        if hit is None:
            report.overall.fn += 1
            tally.fn += 1
            report.errors.append({"kind": "miss", "id": line["id"], "text": line["text"],
                                  "gold": gold})
            continue
        report.overall.tp += 1
        tally.tp += 1
        _score_attributes(report, line, gold, hit, pipeline)
    for pred in unmatched:
        report.overall.fp += 1
        report.tally(pred.plover or "?").fp += 1
        report.errors.append({"kind": "false positive", "id": line["id"], "text": line["text"],
                              "predicted": _brief(pred)})


def _score_attributes(report: Report, line: dict, gold: dict, hit: Event,
                      pipeline: Pipeline) -> None:
    report.score("actor_recipient_country", _sides_equal(hit, gold))
    report.score("mode", set(hit.modes) & AUX_MODES == set(gold.get("mode", [])) & AUX_MODES)
    report.score("plover_mode", set(hit.modes) - AUX_MODES == set(gold.get("mode", []))
                 - AUX_MODES)
    gold_sectors = {c[3:] for c in gold.get("actor", []) if len(c) > 3}
    if gold_sectors:
        report.score("actor_sector", bool({m.sector for m in hit.actors} & gold_sectors))
    if gold.get("date"):
        report.score("date", _date_ok(hit, gold["date"]))
    if gold.get("place"):
        place = pipeline.gazetteer.resolve(gold["place"])
        report.score("place_country", bool(hit.place and place and
                                           hit.place.country == place.country))
    if not _sides_equal(hit, gold) or set(hit.modes) & AUX_MODES != set(
            gold.get("mode", [])) & AUX_MODES:
        report.errors.append({"kind": "attributes", "id": line["id"], "text": line["text"],
                              "gold": gold, "predicted": _brief(hit)})


def _brief(e: Event) -> dict[str, Any]:
    return {"event": e.plover, "cameo": e.cameo,
            "actor": [m.code for m in e.actors], "recipient": [m.code for m in e.recipients],
            "mode": e.modes, "date": e.date.value if e.date else None,
            "place": e.place.name if e.place else None, "rule": e.rule, "trigger": e.trigger}


def print_report(report: Report, console: Console, *, show_errors: bool = False) -> None:
    table = Table(title=f"Events: {report.lines} gold lines from {', '.join(report.files)}")
    for column in ("type", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for name, tally in [*sorted(report.by_type.items()), ("ALL", report.overall)]:
        table.add_row(name, str(tally.tp), str(tally.fp), str(tally.fn),
                      f"{tally.precision:.2f}", f"{tally.recall:.2f}", f"{tally.f1:.2f}")
    console.print(table)
    acc = Table(title="On matched events")
    acc.add_column("measure")
    acc.add_column("accuracy", justify="right")
    acc.add_column("n", justify="right")
    for name, a in report.accuracy.items():
        acc.add_row(name, f"{a.value:.2f}" if a.value is not None else "-", str(a.total))
    console.print(acc)
    if show_errors:
        kinds = Counter(e["kind"] for e in report.errors)
        console.print(f"errors: {dict(kinds)}")
        for e in report.errors:
            console.print(f"[bold]{e['kind']}[/bold] {e['id']}: {e['text']}", highlight=False)
            if "gold" in e:
                console.print(f"   gold: {json.dumps(e['gold'])}", highlight=False)
            if "predicted" in e:
                console.print(f"   predicted: {json.dumps(e['predicted'])}", highlight=False)
