"""Questions asked of coded data: claims by speaker and amount, and (later) stories,
framing and who sits at the table."""

from __future__ import annotations

from dataclasses import dataclass

from parley.models import Claim


def filter_claims(claims: list[Claim], *, speaker: str | None = None,
                  min_amount: float | None = None, max_amount: float | None = None,
                  currency: str | None = None) -> list[Claim]:
    """Claims whose speaker matches (code or text) and that hold an amount in range."""
    def speaker_ok(c: Claim) -> bool:
        if not speaker:
            return True
        s = c.speaker
        return bool(s) and speaker.lower() in " ".join(
            filter(None, [s.code, s.text, s.name])).lower()

    def amount_ok(c: Claim) -> bool:
        if min_amount is None and max_amount is None and not currency:
            return True
        return any((min_amount is None or (a.value or 0) >= min_amount)
                   and (max_amount is None or (a.value or 0) <= max_amount)
                   and (not currency or (a.currency or "").upper() == currency.upper())
                   for a in c.amounts)

    return [c for c in claims if speaker_ok(c) and amount_ok(c)]


@dataclass
class MoneyClaim:
    """A claim with its largest sum of money, for ranking claims by what they put at stake."""

    claim: Claim
    value: float
    currency: str | None
    amount_text: str
    speaker_label: str


def money_claims(claims: list[Claim]) -> list[MoneyClaim]:
    """Claims that hold a sum of money, largest sum first (currencies are not converted)."""
    found = []
    for c in claims:
        sums = [a for a in c.amounts if a.kind == "money" and a.value]
        if not sums:
            continue
        top = max(sums, key=lambda a: a.value or 0)
        speaker = (c.speaker.name or c.speaker.text) if c.speaker else "(article)"
        found.append(MoneyClaim(c, top.value or 0, top.currency,
                                f"{'≥' if top.vague else ''}{top.value:,.0f} {top.currency or ''}"
                                .strip(), speaker))
    return sorted(found, key=lambda m: -m.value)
