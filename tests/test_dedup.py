"""Near-duplicate detection on stories written for these tests."""

from __future__ import annotations

from pathlib import Path

from parley.dedup import Deduplicator, minhash, shingles

STORIES = Path(__file__).parent / "fixtures" / "ingest" / "dedup"
ORIGINAL = (STORIES / "original.txt").read_text()
REPUBLISHED = (STORIES / "republished.txt").read_text()  # new headline, extra last line
DIFFERENT = (STORIES / "different-story.txt").read_text()  # same event, written anew


def test_republished_copy_is_a_near_duplicate():
    dedup = Deduplicator()
    dedup.add("original", ORIGINAL)
    assert dedup.find(REPUBLISHED) == "original"


def test_separate_story_about_the_same_event_is_not():
    dedup = Deduplicator()
    dedup.add("original", ORIGINAL)
    assert dedup.find(DIFFERENT) is None


def test_earliest_added_copy_wins():
    dedup = Deduplicator.from_pairs([("different", DIFFERENT), ("first", ORIGINAL)])
    dedup.add("second", REPUBLISHED)
    assert dedup.find(ORIGINAL) == "first"
    assert len(dedup) == 3


def test_adding_an_id_twice_keeps_the_first_text():
    dedup = Deduplicator()
    dedup.add("story", ORIGINAL)
    dedup.add("story", DIFFERENT)
    assert len(dedup) == 1
    assert dedup.find(DIFFERENT) is None


def test_threshold_is_configurable():
    strict = Deduplicator.from_pairs([("original", ORIGINAL)], threshold=0.95)
    assert strict.find(REPUBLISHED) is None


def test_minhash_ignores_case_and_spacing():
    spaced = minhash("The talks  ended\nwithout a deal today.")
    assert spaced.jaccard(minhash("the talks ended without a deal today.")) == 1.0


def test_short_text_is_one_shingle():
    assert shingles("Talks ended.") == {"talks ended"}
    assert len(shingles(ORIGINAL)) > 150
