"""Find near-duplicate articles: the same wire story republished with small edits.

Exact copies are caught by ``Article.content_hash`` in storage; this module catches
copies with a new headline, a trimmed intro or an extra closing paragraph, which
would otherwise count the same events twice. MinHash over word 5-gram shingles
estimates Jaccard similarity; LSH makes lookups sub-linear, and each LSH candidate
is confirmed against the threshold because LSH alone lets some false positives in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

from parley.ingest import normalise_text

NUM_PERM = 128
SHINGLE_WORDS = 5
WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams of the normalised, lower-cased text (the whole text if it is shorter)."""
    words = WORD.findall(normalise_text(text).lower())
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str, num_perm: int = NUM_PERM) -> MinHash:
    """The MinHash signature of a text's shingles (deterministic: datasketch's fixed seed)."""
    signature = MinHash(num_perm=num_perm)
    signature.update_batch([s.encode("utf-8") for s in shingles(text)])
    return signature


class Deduplicator:
    """An index of seen articles that answers: is this text a near-copy of one of them?"""

    def __init__(self, threshold: float = 0.8, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}  # id -> position in which it was added

    @classmethod
    def from_pairs(
        cls, pairs: Iterable[tuple[str, str]], threshold: float = 0.8, num_perm: int = NUM_PERM
    ) -> Deduplicator:
        """Rebuild the index from stored (article_id, text) pairs, oldest first."""
        dedup = cls(threshold=threshold, num_perm=num_perm)
        for article_id, text in pairs:
            dedup.add(article_id, text)
        return dedup

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    def add(self, article_id: str, text: str) -> None:
        """Index a text; adding an id again is a no-op, so re-ingesting is harmless."""
        if article_id in self._signatures:
            return
        signature = minhash(text, self.num_perm)
        self._lsh.insert(article_id, signature)
        self._signatures[article_id] = signature
        self._order[article_id] = len(self._order)

    def find(self, text: str) -> str | None:
        """The id of the earliest-added near-duplicate of ``text``, or None."""
        signature = minhash(text, self.num_perm)
        candidates = {
            key
            for key in self._lsh.query(signature)
            if self._signatures[key].jaccard(signature) >= self.threshold
        }
        return min(candidates, key=self._order.__getitem__, default=None)
