"""Event coding over spaCy dependency parses.

For every verb or event noun whose lemma is in the verb dictionary, the coder finds the
pattern that fits, reads the actor and recipient from the parse (active and passive
voice, compounds, appositions, prepositional targets, inherited subjects of ``xcomp``
and conjoined verbs), and sets PLOVER's auxiliary modes from the clause around it.
Verbless photo captions ("A and B in Moscow on Dec. 2") are read as meetings.
Each event records the pattern and the parse steps that produced it (``explanation``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.tokens import Span, Token

from parley.actors import BLOCS, DOMESTIC_SECTORS, DocumentActors, entity_of, names_backer
from parley.codebook import DEFAULT_RECIPIENTS, CameoCode, CameoTable, VerbDictionary, VerbPattern
from parley.models import ActorMention, Event, Place, TimeExpression
from parley.nlp import conjoined_subjects, sentence_entities, sentence_of

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
INHERIT_DEPS = {"xcomp", "conj", "advcl", "pcomp", "acomp"}  # acomp: "is due to discuss"
CONDITION_MARKS = {"if", "unless"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
INTENT_HEADS = {"plan", "intend", "expect", "aim", "prepare", "want", "hope", "seek", "promise",
                "schedule", "set", "due", "vow", "pledge", "agree", "decide", "offer",
                "ready", "willing", "eager", "prepared"}  # "was ready to resume talks"
OBLIGATION_WORDS = {"oblige", "obliged", "obligate", "require", "supposed", "bound"}
INTENT_NOUNS = {"plan", "intention", "bid", "offer", "promise", "pledge", "threat", "agreement",
                "deal", "decision", "proposal", "groundwork", "way", "preparation", "readiness",
                "willingness", "commitment", "order", "call", "request", "demand", "vow"}
ANONYMITY_VERBS = {"name", "identify", "quote", "comment", "confirm", "elaborate", "disclose",
                   "specify", "reveal", "speculate", "say", "answer", "respond", "discuss"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}
DEFINITE = {"the", "this", "these", "that", "those"}
PROPOSALS = {"proposal", "plan", "offer", "ceasefire", "truce", "deal", "agreement", "accord",
             "treaty", "terms", "settlement", "compromise", "initiative", "resolution", "demand",
             "request", "framework", "roadmap"}
PROPOSING = {"propose", "offer", "put", "present", "table", "unveil", "draft", "submit", "issue",
             "impose", "announce"}
REFERRING_NOUNS = {"decision", "move", "remark", "comment", "statement", "plan", "warrant",
                   "charge", "claim", "accusation", "policy", "measure", "step", "action",
                   "announcement", "order", "ruling", "proposal", "offer", "demand",
                   "threat", "raid", "escalation", "provocation", "violation"}
DEMAND_HEADS = {"demand", "insist", "ask", "urge", "request", "order", "propose", "suggest",
                "want"}
REQUEST_HEADS = {"urge", "ask", "call", "demand", "press", "request", "push", "appeal",
                 "implore", "encourage", "pressure", "tell", "order", "instruct", "warn",
                 "challenge", "beg", "lobby", "persuade", "convince", "exhort"}
NEGATING_HEADS = {"deny", "fail", "refuse", "decline", "unwilling", "unable"}
PARTICIPATION_VERBS = {"attend", "join", "represent", "participate", "lead", "host",
                       "conduct", "launch", "open", "resume", "begin", "start", "take",
                       "have", "organize", "organise", "chair", "convene", "stage", "carry",
                       "sign", "impose", "announce", "broker", "mediate", "make", "issue",
                       "lodge", "deliver",  # light verbs: "made an appeal", "issued a warning"
                       "order", "complete", "continue",  # "ordered the release of", "completed
                       # their withdrawal": ordering, finishing or going on with an act is it
                       "stag"}  # the parser's lemma of "staged" ("staged a protest")
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "parataxis", "csubj", "acl", "nsubj",
               "nsubjpass"}
DATE_LABELS = {"DATE", "TIME"}  # "on Saturday night" is a TIME entity
PART_OF_DAY = re.compile(r"\b(early|late)?\s*(morning|afternoon|evening|night|overnight)\b",
                         re.IGNORECASE)
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "off", "around"}
PLACE_NOUNS = {"city", "town", "village", "capital", "province", "region", "port", "district",
               "state", "island", "area", "resort"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
HISTORICAL_AFTER = timedelta(days=365)
THREAT_HEADS = {"threaten", "vow", "warn", "promise", "pledge"}
PRESUPPOSING = {"continue", "keep"}  # "if it continues to reject": it does reject
THREAT_CODES = {"ASSAULT": "138", "MOBILIZE": "138", "COERCE": "130", "SANCTION": "1312",
                "PROTEST": "133"}
# A refusal of a cooperative act or a concession, by what is refused (CAMEO 12x).
REFUSAL_CODES = {"CONSULT": "125", "AID": "121", "COOPERATE": "121", "SUPPORT": "120",
                 "AGREE": "120", "CONCEDE": "124", "RETREAT": "124"}
SELF_REQUESTS = {"ask", "request"}  # "asked to open talks": asked for, not yet done
REQUEST_NOUNS = {"demand", "call", "request", "appeal", "plea", "ultimatum", "order", "insistence"}
MEDIATING = {"broker", "mediate"}
TRUCE_CODES = {"0871"}  # ceasefires and truces: made between the sides at war
FORCE_ROOTS = {"17", "18", "19", "20"}  # CAMEO roots whose noun takes its target with "of"
UNREALISED_HEADS = {"have", "need", "depend", "rely", "count", "wait", "prefer", "wish"}
PERMISSION_VERBS = {"allow", "permit", "enable", "authorise", "authorize", "empower", "entitle"}
LEGAL_TEXTS = {"constitution", "law", "rule", "treaty", "charter", "provision", "clause",
               "article", "resolution", "bill", "decree", "statute", "mandate", "regulation"}
GOAL_NOUNS = {"plan", "goal", "aim", "idea", "strategy", "objective", "intention", "priority",
              "mission", "task", "hope", "ambition", "purpose"}
OBLIGATION_MODALS = {"should", "must", "ought"}
FRAMING_PREPS = {"during", "after", "following"}  # an act framed by an event that took place
EXCHANGES = {"exchange", "duel", "clash", "skirmish", "firefight", "fighting"}  # two-sided
DURATIONS = {"hour", "day", "night", "week", "month", "year", "decade"}
ATTITUDES = {"SUPPORT", "ACCUSE", "REJECT"}  # stances towards someone else
OWNER_KINDS = {"his": "person", "her": "person", "its": "group", "their": "group"}
INTENT_TYPES = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
INTENT_CODES = {"04": "036", "05": "032", "057": "030", "06": "031", "061": "0311",
                "062": "0312", "063": "0313", "064": "0314", "07": "033", "071": "0331",
                "072": "0332", "073": "0333", "074": "0334"}
NEEDS_RECIPIENT = {"COOPERATE", "AID", "SANCTION"}
PARTIES_NAMED = {"AGREE", "SUPPORT"}  # "the treaty between A and B was signed": A and B sign
CLAIM_SENSES = {"suggest", "propose"}  # with a clause of fact they state a view
PERFECT_OR_PROGRESSIVE = {"had", "has", "have", "was", "were", "is", "are", "been", "did", "does"}
OCCURRENCE_VERBS = {"continue", "spread", "erupt", "resume", "disrupt", "escalate",
                    "intensify", "paralyse", "paralyze", "rage", "enter", "persist"}
COMMITMENTS = {"agree", "offer", "promise", "pledge", "vow", "commit", "ready", "willing", "prepared",
               "eager"}
FORCE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}
STATE_AGENTS = {"arrest": "COP", "convict": "JUD"}  # who arrests and who convicts
NONCOMBATANTS = {"CVL", "MED", "JRN", "HLH", "REF", "EDU"}  # civilians, media, medics...
NOT_TARGET_PREPS = {"alongside", "besides", "like", "unlike", "including", "according",
                    "despite", "beside", "among", "from"}  # allies, examples and sources
ATTACK_SITE_PREPS = {"in", "inside", "on", "across", "near", "into"}
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten"}  # "promised Kyiv to send": the promiser acts
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
PERCEPTION_VERBS = {"see", "watch", "witness", "describe", "film", "show", "hear", "recall",
                    "record", "depict", "capture", "spot", "find", "photograph"}
ALLEGATION_HEADS = {"accuse", "blame", "charge", "suspect", "convict", "indict", "sentence",
                    "prosecute", "jail", "arrest", "detain", "try"}
CONTROL_PREPS = {"of", "for"}  # "accused X of attacking", "blamed X for attacking": X acts
CARGO_VERBS = {"load", "carry", "laden", "pack", "fill"}  # "ships loaded with medicines"
PREVENTION_PREPS = {"from"}  # "barred X from trading": the act is prevented
PARTITIVE_OBJECTS = {"most", "some", "all", "part", "much", "half", "many", "rest", "one",
                     "several", "none", "any", "dozens", "hundreds", "thousands", "scores",
                     "tens", "number", "series", "wave", "string", "barrage", "round", "spate"}


@dataclass
class SentenceContext:
    """What coding one sentence needs besides the parse."""

    article_id: str
    index: int
    published: date | None
    actors: DocumentActors
    resolve_date: Callable[[str, int, int], TimeExpression | None]  # (text, start, end)
    resolve_place: Callable[[str, int, int], Place | None]
    previous: list[Event] = field(default_factory=list)  # events of earlier sentences


class EventCoder:
    """Codes events in parsed sentences with a verb dictionary and the CAMEO table."""

    def __init__(self, verbs: VerbDictionary, cameo: CameoTable):
        self.verbs = verbs
        self.cameo = cameo

    # --- entry point --------------------------------------------------------------
    def code_sentence(self, sent: Span, ctx: SentenceContext) -> list[Event]:
        if sent.text.rstrip(" \n\"'”’»").endswith("?"):
            return []  # a question reports no event
        events: list[Event] = []
        used_nouns: set[int] = set()
        fallbacks: dict[int, Event] = {}  # trigger index -> an event of last resort
        for token in sent:
            if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
                for pattern, obj in self._verb_patterns(token, ctx):
                    event = self._verb_event(token, pattern, obj, sent, ctx)
                    if event and pattern.fallback:
                        fallbacks[token.i] = event
                        break
                    if event:
                        # the verb's object and prepositional objects are part of its event,
                        # unless the object names its own sides ("hosted talks between A and B")
                        used_nouns |= {t.i for t in [obj] if t is not None and not any(
                            c.dep_ == "prep" and c.lower_ == "between" for c in t.children)}
                        used_nouns |= {g.i for c in token.children if c.dep_ == "prep"
                                       for g in c.children if g.dep_ == "pobj" and not (
                                           c.lower_ == "at" and g.lemma_ in REQUEST_NOUNS)}
                        # "at Israel's request" is Israel's own act
                        events.append(event)
                        break
        for token in sent:
            if token.lemma_ in self.verbs.reporting:
                demand = self._reported_demand(token, sent, ctx)
                if demand:
                    events.append(demand)
        triggers = {e.trigger_start for e in events}
        for token in sent:
            if token.idx not in triggers:
                judgement = self._condemnation(token, sent, ctx) or self._unanswered(
                    token, sent, ctx)
                if judgement:
                    events.append(judgement)
        for token in sent:
            if token.pos_ in {"NOUN", "PROPN"} and token.i not in used_nouns:
                event = self._noun_event(token, sent, ctx)
                if event:
                    events.append(event)
        named = [e for e in events if e.plover == "ASSAULT" and not any(
            m.rule.startswith("discourse-agent:") for m in e.actors)]
        if named:  # "300 were killed ... when security forces fired": the sentence says who
            events = [e for e in events if not any(m.rule.startswith("discourse-agent:")
                                                    for m in e.actors)]
        coded = {t.i for e in events if (t := _token_at(sent.doc, e.trigger_start)) is not None}
        for i, event in fallbacks.items():  # "pledged to put its fighters on trial": the
            # pledge is the event only when what is pledged is not coded itself
            complement = [t for c in sent.doc[i].children if c.dep_ in {"xcomp", "ccomp"}
                          for t in [c, *c.conjuncts]]
            if not any(t.i in coded for t in complement):
                events.append(event)
        if not events:
            caption = self._caption_event(sent, ctx)
            if caption:
                events.append(caption)
        return _per_counterpart(_merge_duplicates(events, sent.doc))

    # --- choosing a pattern -------------------------------------------------------
    def _verb_patterns(self, verb: Token, ctx: SentenceContext
                       ) -> list[tuple[VerbPattern, Token | None]]:
        """The patterns that fit the verb, most specific first (each with the object
        token when the pattern constrains it)."""
        candidates = self.verbs.candidates("VERB", verb.lemma_)
        if not candidates:
            return []
        obj = _direct_object(verb)
        object_words = _object_words(obj) | {  # "were taken hostage": the object predicate
            c.lemma_.lower() for c in verb.children if c.dep_ == "oprd" and c.pos_ == "NOUN"}
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}  # "hit back" is
        # often parsed as an adverb: it selects a "back" pattern but blocks no other
        preps = {c.lower_ for c in verb.children if c.dep_ in {"prep", "agent", "dative"}}
        fitting = []
        for p in candidates:
            if p.object and not object_words & set(p.object):
                continue
            if object_words & set(p.not_object):
                continue
            if p.particle != (next(iter(particles)) if particles else None) and not (
                    p.particle and p.particle in particles | adverbs):
                continue  # a phrasal verb ("call off") is not its bare verb ("call")
            if p.exclude and any(c.dep_ in p.exclude for c in verb.children):
                continue
            if p.require and not all(any(c.dep_ == dep for c in verb.children)
                                     for dep in p.require):
                continue
            if p.prep and p.prep not in preps and not (
                    obj is not None and p.prep in {c.lower_ for c in obj.children}):
                continue
            if p.pp and not _has_pp(verb, *p.pp):
                continue
            if p.actor_sector:
                subject = self._subjects(verb, ctx)
                if not any((m.sector or "GOV") in p.actor_sector for m in subject):
                    # a bare country ("Iran warned") acts as its government
                    continue
            fitting.append(p)
        fitting.sort(key=lambda p: -p.specificity)  # stable: file order breaks ties
        return [(p, obj if p.object else None) for p in fitting]

    # --- verbs --------------------------------------------------------------------
    def _verb_event(self, verb: Token, pattern: VerbPattern, obj: Token | None, sent: Span,
                    ctx: SentenceContext) -> Event | None:
        if _requested(verb):
            return None  # "urged Rwanda to pull out its troops": the request is the event
        if _normative(verb, self.verbs.reporting):
            return None  # "Russia should withdraw": an opinion, not an event
        if _unrealised_infinitive(verb):
            return None
        if _alleged(verb):
            return None  # "accused Hamas of stalling": the accusation is the event, the
            # act is alleged
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children):
            return None  # "declined to confirm whether Putin had spoken to Trump": a question
        if any(c.dep_ == "mark" and (c.lower_ == "unless" or (
                c.lower_ == "until" and verb.tag_ in {"VBZ", "VBP", "VB"})) for c in verb.children):
            return None  # "unless he resigned", "until Yoon steps down": a condition
        if _time_anchor(verb):
            return None  # "has not allowed aid in since it took control": background
        if verb.dep_ == "relcl" and verb.head.lemma_ == "time" and verb.head.dep_ in {
                "npadvmod", "appos"}:  # "jets shot down drones, the first time a NATO
            return None  # member has fired on Russian assets": the same act, restated
        if _threat_condition(verb):
            return None  # "would face a harsher response if it retaliated": what is warned
            # against, not an event
        if _generic(verb) or _stative(verb):
            return None  # "it is easier to bomb a country", "are imprisoned or dead"
        if verb.head.lemma_ == "let" and verb.head.dep_ == "ROOT" and not any(
                c.dep_ == "nsubj" for c in verb.head.children):
            return None  # "Let them fight Isis": an exhortation
        if any(c.dep_ in {"cc", "mark"} and c.lower_ == "than" for c in verb.children) or (
                verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "than"
                                            for c in verb.head.children)):
            return None  # "should rehabilitate rather than prosecute": the road not taken
        if verb.dep_ == "pcomp" and (verb.head.lower_ == "without" or (
                verb.head.lower_ == "of" and any(c.lower_ == "instead"
                                                 for c in verb.head.children))):
            return None  # "instead of retreating", "took the town without firing a shot"
        if any(c.dep_ == "xcomp" and c.lemma_ in ANONYMITY_VERBS for c in verb.children):
            return None  # "declined to be named", "refused to comment": a source's reticence,
            # not a refusal
        if verb.lemma_ == "agree" and any(c.dep_ == "ccomp" and not _prospective(c)
                                          for c in verb.children):
            return None  # "agreed the regime had a pattern of abuse": shared opinion
        if verb.lemma_ in CLAIM_SENSES and any(c.dep_ == "ccomp" and _factual(c)
                                               for c in verb.children):
            return None  # "suggested the government had set a deadline": a claim
        explanation = [(f"trigger '{verb.text}' (lemma {verb.lemma_}, {verb.dep_}) matched "
                       f"pattern {pattern.id} from {pattern.source}")]
        passive = _passive(verb)
        actors = self._subjects(verb, ctx)
        explanation.append(f"actor from {'passive agent' if passive else 'subject'}: "
                           + ", ".join(f"{m.text}->{m.code} ({m.rule})" for m in actors))
        recipients = self._recipients(verb, pattern, obj, passive, ctx)
        if not _other_parties(actors, recipients) and self.cameo.get(
                pattern.cameo).plover in ATTITUDES and _own_object(verb, actors):
            return None  # "Trump defended his decision": no one else is addressed
        if pattern.actor:  # "Guterres drew criticism from Kyiv": Kyiv criticised him
            named = next((found for where in pattern.actor
                          if (found := self._resolve_all(_find_slot(verb, obj, where, pattern),
                                                         ctx))), [])
            if not named:
                return None
            actors, recipients = named, actors
            explanation.append("the actor is named in " + "/".join(pattern.actor)
                               + "; the subject is the recipient")
        code = self.cameo.get(pattern.cameo)
        sector = STATE_AGENTS.get(pattern.mode or code.mode or "")
        # no agent named, unresolved or not ("imprisoned by the group"), and no reduced
        # relative ("mothers detained in the camps" describes a state, not an act)
        unnamed = verb.dep_ != "acl" and not any(c.dep_ == "agent" for c in verb.children)
        if passive and not actors and sector and unnamed:
            # "more than 200 people were detained": only the state detains or convicts;
            # its police or courts, of the country where it happened or of the detained
            actors = self._state_agent(verb, recipients, sector, ctx)
            explanation.append(f"agentless arrest or conviction: the state's {sector} acts")
        passive_conj = verb.dep_ == "conj" and _passive(verb.head)  # "rounded up and shot"
        if passive and not actors and code.plover == "ASSAULT" and unnamed:
            actors = self._launch_site(verb, ctx)  # "missiles were fired from Iran"
            if actors:
                explanation.append(f"agentless passive of force fired from '{actors[0].text}'")
        if (passive or passive_conj) and not actors and code.plover == "ASSAULT" and unnamed:
            actors = self._recent_attackers(recipients, ctx)  # "Isis fighters stormed the
            # village. Dozens of men were shot.": who used force just before
            if actors:
                explanation.append(f"agentless passive of force: the attackers of the event "
                                   f"just before ({actors[0].rule})")
        if passive and not actors and obj is not None and code.plover in PARTIES_NAMED:
            actors = self._noun_modifier_actors(obj, ctx)  # "the treaty between India and
            # the US was signed": an agreement names its parties
            explanation.append("agentless passive: the parties named with the agreement act")
        if passive and not actors and code.plover in INTENT_TYPES and _prospective(verb) and (
                speaker := _reporting_speaker(verb, self.verbs.reporting)) is not None:
            actors = self._resolve_all([speaker], ctx)  # "announced that 3.5 billion euros
            # would be paid to Ukraine": who announces a future payment makes it
            explanation.append("agentless passive of a future act: the announcer acts")
        if passive and not actors and code.plover == "MOBILIZE":
            # "troops were sent to the assembly": the forces moved are the actor
            actors = recipients
            recipients = self._resolve_all(_find_slot(verb, None, "prep:to", pattern)
                                           + _find_slot(verb, None, "prep:into", pattern), ctx)
            explanation.append("agentless passive of a deployment: the forces are the actor")
        return self._build(pattern, verb, obj, actors, recipients, sent, ctx, explanation)

    def _recent_attackers(self, patients: list[ActorMention], ctx: SentenceContext
                          ) -> list[ActorMention]:
        """The actors of the latest use of force (not an arrest) in this sentence's two
        predecessors, when they are not the ones now attacked."""
        victims = {m.code for m in patients}
        for event in reversed(ctx.previous):
            if event.sentence_index < ctx.index - 2:
                break
            if event.quad_class == 4 and event.plover in {"ASSAULT", "COERCE"} and not (
                    {m.code for m in event.actors} & victims) and "arrest" not in event.modes:
                return [replace(m, rule=f"discourse-agent:{event.id}:{m.rule}")
                        for m in event.actors]
        return []

    def _target_owner(self, target: ActorMention, actors: list[ActorMention], trigger: Token,
                      ctx: SentenceContext) -> ActorMention:
        """'Tehran said an Israeli strike on its consulate': whoever uses force does not
        strike its own, so 'its' is the reporting speaker, else the latest other party
        named before it."""
        own = {a.country for a in actors}
        pronoun = _token_at(trigger.doc, target.start)
        if target.country not in own or pronoun is None or pronoun.dep_ != "poss" or (
                pronoun.lower_ not in {"its", "their"}):
            return target
        speaker = _reporting_speaker(trigger, self.verbs.reporting)
        named = [ctx.actors.resolve_token(speaker)] if speaker is not None else []
        owner = next((m for m in named if m and m.country and m.country not in own), None) or max(
            (m for m in ctx.actors.history if m.start < pronoun.idx
             and m.kind in {"org", "country", "agent"} and m.country
             and m.country not in own | BLOCS), key=lambda m: m.start, default=None)
        if owner is None:
            return target
        code = f"{owner.country}{target.sector or ''}"
        return replace(target, country=owner.country, code=code,
                       rule=f"target-owner:{owner.rule}")

    def _launch_site(self, verb: Token, ctx: SentenceContext) -> list[ActorMention]:
        """'missiles were fired at its territory from Iran': force that came from a country
        and names no one who used it is that country's."""
        for prep in _phrase_tokens(verb):
            if prep.dep_ == "prep" and prep.lower_ == "from" and (
                    prep.head is verb or not ctx.actors.agent_sector(prep.head)):  # not
                # "shots were fired at migrants from Afghanistan": where people come from
                text, start, end = _pobj_text(prep)
                country = ctx.actors.base.country_of(text) if text else None
                if country and country not in BLOCS:
                    return [ActorMention(text=text, start=start, end=end, code=country,
                                         country=country, kind="country",
                                         rule=f"launch-site:{text}", article_id=ctx.article_id,
                                         sentence_index=ctx.index)]
        return []

    def _unnamed_fighters(self, heads: list[Token], ctx: SentenceContext) -> list[ActorMention]:
        """'The RSF seized El Fasher. Survivors described fighters shooting men': irregulars
        of no named side ('fighters', 'gunmen', 'militants') are the irregulars who used
        force just before (not soldiers, who may be the other side)."""
        armed = [h for h in heads if h.pos_ == "NOUN" and ctx.actors.agent_sector(h) == "REB"
                 and not any(c.dep_ in {"amod", "compound", "poss", "nmod", "prep"}
                             for c in h.children)]
        found = self._recent_attackers([], ctx) if armed else []
        return found if found and all(m.sector == "REB" for m in found) else []

    def _speaker_for_we(self, heads: list[Token], verb: Token, ctx: SentenceContext
                        ) -> list[ActorMention]:
        """'"We will crush anyone who opposes us," Erdogan said': a quoted 'we' is the
        speaker's side."""
        if not any(h.lower_ == "we" for h in heads):
            return []
        speaker = _reporting_speaker(verb, self.verbs.reporting)
        return self._resolve_all([speaker], ctx) if speaker is not None else []

    def _reported_demand(self, reporting: Token, sent: Span, ctx: SentenceContext
                         ) -> Event | None:
        """'Trump said Russia should withdraw its troops': what a speaker says another
        party should or must do is a request to that party (CAMEO 100)."""
        clause = next((c for c in reporting.children if c.dep_ == "ccomp" and any(
            a.dep_ == "aux" and a.lower_ in OBLIGATION_MODALS for a in c.children)), None)
        speakers = self._subjects(reporting, ctx) if clause is not None else []
        addressed = self._subjects(clause, ctx) if speakers else []
        own = {m.country for m in speakers}
        addressed = [m for m in addressed if m.country not in own]
        if not addressed or _has_condition(reporting):
            return None
        pattern = VerbPattern(id="reported-obligation:100", lemma=clause.lemma_, cameo="100",
                              source="rule: a reported 'should' or 'must' of another party")
        explanation = [f"'{reporting.text}' reports what another party should do: a request"]
        return self._build(pattern, clause, None, speakers, addressed, sent, ctx, explanation)

    def _condemnation(self, verb: Token, sent: Span, ctx: SentenceContext) -> Event | None:
        """'called the strikes an act of war', 'described Lai as a parasite', 'said the
        parliament was illegitimate': a speaker who gives a party, or an act of a party, a
        condemning word accuses that party (CAMEO 111)."""
        kids = list(verb.children)
        if any(c.dep_ == "neg" for c in kids):
            return None
        if verb.lemma_ in self.verbs.labelling and verb.pos_ == "VERB":
            judged = next((c for c in kids if c.dep_ == "dobj"), None)
            named = [c for c in kids if c.dep_ == "dative"] + [  # "designated China a force"
                c for c in kids if c.dep_ == "dobj" and c is not judged]
            predicates = [c for c in kids if c.dep_ == "oprd"] + _as_phrase(verb) + (
                _as_phrase(judged) if judged is not None else [])
            if named and judged is not None and not predicates:
                judged, predicates = (named[0], [judged]) if named[0].i < judged.i else (
                    judged, named[:1])
            speakers = self._subjects(verb, ctx)
        elif verb.lemma_ == "be" and any(  # the cheap test first: this runs on every token
                c.dep_ in {"acomp", "attr"} and self._condemning(c) for c in kids) and (
                reporter := _reporting_verb(verb, self.verbs.reporting)) is not None:
            judged = next((c for c in kids if c.dep_ == "nsubj"), None)
            predicates = [c for c in kids if c.dep_ in {"acomp", "attr"}]
            speakers = self._subjects(reporter, ctx)
        else:
            return None
        if judged is None or judged.lower_ == "it" or not speakers or not any(
                # "it was unacceptable for troops to remain": "it" is no party
                self._condemning(p) for p in predicates) or any(
                c.dep_ == "det" and c.lower_ in {"any", "no"} for c in judged.children):
            return None  # "any such move would be unacceptable": no act of anyone yet
        pattern = VerbPattern(id="condemning-word:111", lemma=verb.lemma_, cameo="111",
                              require_recipient=True,
                              source="rule: a condemning word given to a party or its act")
        explanation = [f"'{verb.text}' gives '{judged.text}' a condemning word: an accusation"]
        return self._build(pattern, verb, None, speakers, self._judged_party(judged, verb, ctx),
                           sent, ctx, explanation)

    def _unanswered(self, verb: Token, sent: Span, ctx: SentenceContext) -> Event | None:
        """'warned that the raids would not go unanswered': a speaker who says an act will
        not go unpunished threatens to respond to whoever carried it out (CAMEO 138)."""
        if not any(c.dep_ == "neg" for c in verb.children) or not any(
                c.dep_ in {"acomp", "oprd", "advmod"} and c.lower_ in self.verbs.unanswered
                for c in verb.children):
            return None
        reporter = _reporting_verb(verb, self.verbs.reporting)
        if reporter is None:
            return None
        act = [c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        speakers = self._subjects(reporter, ctx)
        if not act or not speakers:
            return None
        pattern = VerbPattern(id="unanswered:138", lemma=verb.lemma_, cameo="138",
                              require_recipient=True,
                              source="rule: an act that will not go unanswered")
        explanation = [f"'{act[0].text}' will not go unanswered: a threat to respond"]
        event = self._build(pattern, verb, None, speakers,
                            self._event_noun_actors(act, ctx) or self._resolve_all(act, ctx),
                            sent, ctx, explanation)
        if event:  # the "not" belongs to the idiom: nothing is denied
            event.modes = [m for m in event.modes if m != "negation"]
        return event

    def _condemning(self, predicate: Token) -> bool:
        """Whether a predicate ('a highly provocative move', 'an act of war', 'treasonous')
        is, or is modified by, one of the dictionary's condemning words."""
        words = {predicate.lemma_.lower(), predicate.lower_}
        words |= {m.lemma_.lower() for c in predicate.children if c.dep_ in {"amod", "compound"}
                  for m in [c, *c.conjuncts]}  # "an unfriendly and hostile state"
        words |= {f"{predicate.lemma_} of {g.lemma_}".lower() for c in predicate.children
                  if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"}
        words |= {f"{c.lemma_} {predicate.lemma_}".lower() for c in predicate.children
                  if c.dep_ in {"amod", "compound"}}  # "war crime"
        return bool(words & self.verbs.condemning)

    def _judged_party(self, judged: Token, verb: Token, ctx: SentenceContext
                      ) -> list[ActorMention]:
        """The party a judgement is about: the actor named, or the one who carried out the
        act named; 'flew close to a destroyer in what it called a provocative move': the
        actor of the clause the judgement qualifies."""
        if judged.lower_ == "what" and verb.dep_ == "pcomp" and verb.head.head.pos_ in {
                "VERB", "AUX"}:
            return self._subjects(verb.head.head, ctx)
        return self._resolve_all([judged], ctx) or self._event_noun_actors([judged], ctx)

    def _state_agent(self, verb: Token, patients: list[ActorMention], sector: str,
                     ctx: SentenceContext) -> list[ActorMention]:
        """The police or court of the place named in the verb's phrase ('detained in
        Tbilisi'), else of the detained person's country, else of the story's country."""
        place = self._event_place(verb, None, ctx)
        country = (place.country if place and place.country else None) or next(
            (p.country for p in patients if p.country and p.country not in BLOCS), None) or (
            ctx.actors.context_country(verb))
        if not country:
            return []
        return [ActorMention(text="", start=verb.idx, end=verb.idx, code=f"{country}{sector}",
                             country=country, sector=sector, kind="agent",
                             rule=f"state-agent:{sector}", article_id=ctx.article_id,
                             sentence_index=ctx.index)]

    def _subjects(self, verb: Token, ctx: SentenceContext) -> list[ActorMention]:
        """The actor: subject, passive agent, or a subject inherited from the governing
        verb ('agreed to meet', 'met and signed', relative clauses)."""
        token, via = verb, ""
        for _ in range(4):
            passive = _passive(token)
            if passive:
                heads = [g for c in token.children if c.dep_ == "agent"
                         for g in c.children if g.dep_ == "pobj"]
                if not heads and via == "xcomp":  # "Modi is expected to travel"
                    heads = [c for c in token.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
                if not heads:  # "civilians were killed in the strikes": who struck
                    heads = [g for c in token.children if c.dep_ == "prep" and c.lower_ in
                             {"in", "during"} for g in c.children if g.dep_ == "pobj"
                             and self.verbs.candidates("NOUN", g.lemma_)]
                if not heads and not (token.dep_ == "conj" and _passive(token.head)):
                    return []  # "were later arrested": the agent is unnamed, not the patient
            else:
                heads = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            if heads and token.dep_ == "relcl" and all(h.lower_ in RELATIVE_PRONOUNS
                                                       for h in heads):
                heads = [token.head]  # "protesters, who marched": the antecedent acts
            if heads:
                found = (self._resolve_all(heads, ctx) or self._unnamed_fighters(heads, ctx)
                         or self._event_noun_actors(heads, ctx, self._kinds("VERB", verb))
                         or self._speaker_for_we(heads, token, ctx))
                if not found and via == "conj" and token.dep_ == "ccomp":
                    # "said such strikes would continue and accused Maduro": the parser
                    # hung the second verb on the reported clause; its subject is the speaker's
                    token, via = token.head, token.dep_
                    continue
                return found
            if token.dep_ == "pcomp" and token.head.dep_ == "prep":
                governor = token.head.head
                controller = [c for c in governor.children if c.dep_ == "dobj"]
                if governor.dep_ == "dobj" and governor.head.pos_ == "VERB":
                    controller = [governor]  # "accused [troops of opening fire]"
                if token.head.lower_ in CONTROL_PREPS and controller:
                    if any(c.dep_ == "auxpass" for c in token.children):
                        return []  # "accused them of being funded": they did not act
                    return self._resolve_all(controller, ctx)  # "accused Hamas of stalling"
                if token.head.lower_ in PREVENTION_PREPS | {"since"} or governor.pos_ not in {
                        "VERB", "AUX"}:  # "barred them from trading"; "since leaving the
                    return []  # market" (a time anchor); "the prospect of attacking"
                token, via = governor, "pcomp"  # "retaliated by lifting tariffs"
                continue
            if token.dep_ == "relcl" and not passive:
                return self._resolve_all([token.head], ctx)
            if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.dep_ in {
                    "nsubj", "nsubjpass", "appos", "dobj", "pobj"}:  # "troops targeting
                # Kurdish fighters", "the Turkish deployment, targeting ...", "described
                # fighters shooting men", "footage of soldiers beating": the noun acts
                found = self._resolve_all([token.head], ctx) or self._unnamed_fighters(
                    [token.head], ctx) or self._event_noun_actors([token.head], ctx,
                                                                  self._kinds("VERB", verb))
                if found:
                    return found
            owner = [c for c in token.head.children if c.dep_ == "poss"]
            if token.dep_ == "acl" and owner and owner[0].pos_ != "PRON":
                return self._resolve_all(owner, ctx)  # "criticised Trump's decision to
                # withdraw": Trump withdraws
            if token.dep_ == "acl" and token.head.dep_ in {"dobj", "attr", "nsubjpass"}:
                token = token.head.head  # "had plans to return": the planner returns
                continue
            if token.dep_ == "acl":
                return []
            if token.dep_ == "conj" and _infinitive(token.head) and (
                    token.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS
                                                     | {"MD"} for c in token.children)):
                token, via = token.head.head, "conj"  # "had allowed her to come and had
                continue  # not granted her asylum": the finite verb joins the governor
            if token.dep_ == "xcomp" and token.head.lemma_ not in SUBJECT_CONTROL:
                controller = [c for c in token.head.children
                              if c.dep_ == "dobj" and c.i < token.i]
                if controller:  # "prompted Finland and Sweden to join": they join
                    return self._resolve_all(controller, ctx)
            seen = [c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i]
            if token.dep_ == "advcl" and token.tag_ == "VBG" and seen and (
                    token.head.lemma_ in PERCEPTION_VERBS):  # "described fighters going
                return self._resolve_all(seen, ctx) or self._unnamed_fighters(seen, ctx)
                # door to door, shooting men": they shoot
            if token.dep_ in INHERIT_DEPS and token.head is not token:
                token, via = token.head, token.dep_
                continue
            break
        return []

    def _recipients(self, verb: Token, pattern: VerbPattern, obj: Token | None,
                    passive: bool, ctx: SentenceContext) -> list[ActorMention]:
        heads: list[Token] = []
        if passive:
            heads = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            if verb.dep_ == "relcl" and all(h.lower_ in RELATIVE_PRONOUNS for h in heads):
                heads = [verb.head]  # "Yunus, who was convicted"
            if not heads and verb.dep_ == "acl":
                heads = [verb.head]  # "the sanctions imposed on Russia by the EU"
        found = self._resolve_all(heads, ctx)
        paid = verb.dep_ != "acl" and bool(pattern.object) and obj is not None and any(
            _counted(h).i == obj.i for h in heads)  # "euros would be paid to Ukraine": the
        if found:  # subject is the thing, the slots name the party
            return found
        if heads and not paid:  # "the warrants were welcomed": who issued the warrants; but
            # "talks were held" are the event itself
            return [] if pattern.symmetric else self._referred_event_actors(
                self._event_nouns(heads), ctx)
        slots = [*pattern.recipient, *([f"prep:{pattern.prep}"] if pattern.prep else [])]
        referred: list[Token] = [obj] if obj is not None and obj.dep_ == "dobj" else []
        for where in slots:  # the first slot that names an actor
            if where == "object.agent" and obj is not None:  # "join any Israeli strike"
                found = self._noun_modifier_actors(obj, ctx)
                if found:
                    return found
                continue
            heads = _find_slot(verb, obj, where, pattern)
            found = [m for m in self._resolve_all(heads, ctx)
                     if not (pattern.symmetric and m.kind == "place")]  # met *at* a venue
            if found:
                return found
            referred += [h for h in self._event_nouns(heads) if h.dep_ == "dobj"]
        if pattern.symmetric:
            return []
        return self._resolve_all(_proposers(obj if obj is not None else _direct_object(verb),
                                            verb), ctx) or self._referred_event_actors(
            referred, ctx)

    def _kinds(self, pos: str, token: Token) -> set[str]:
        """The PLOVER types the dictionary gives a word."""
        return {self.cameo.get(p.cameo).plover for p in self.verbs.candidates(pos, token.lemma_)}

    def _event_nouns(self, heads: list[Token]) -> list[Token]:
        """The heads that name an event or an act ('the strikes', 'the decision')."""
        return [h for h in heads if h.pos_ == "NOUN" and (
            h.lemma_ in REFERRING_NOUNS or h.lemma_ in EXCHANGES
            or self.verbs.candidates("NOUN", h.lemma_))]

    def _event_noun_actors(self, heads: list[Token], ctx: SentenceContext,
                           verb_kinds: set[str] = frozenset()) -> list[ActorMention]:
        """An event as the subject ('artillery exchanges killed 13', 'the strikes killed
        31'): its actors are those named in the noun phrase, else those of the earlier
        event it refers to."""
        nouns = self._event_nouns(heads)
        for noun in nouns:
            found = self._noun_modifier_actors(noun, ctx) or self._noun_agents(noun, ctx)
            if not found and noun.lemma_ in EXCHANGES and "ASSAULT" in verb_kinds:
                found = self._latest_sides(noun, ctx)  # "artillery exchanges killed 13"
            if found:
                return found
        return self._referred_event_actors(nouns, ctx, verb_kinds)

    def _latest_sides(self, noun: Token, ctx: SentenceContext) -> list[ActorMention]:
        """'India struck Pakistan. Artillery exchanges killed 13 people': force traded with
        no side named is between the two sides of the latest use of force in the story."""
        event = next((e for e in reversed(ctx.previous) if e.plover == "ASSAULT"
                      and e.recipients), None)
        if event is None:
            return []
        return [replace(m, text=noun.text, start=noun.idx, end=noun.idx + len(noun),
                        kind="event-actor", rule=f"coref:sides:{event.id}")
                for m in event.actors + event.recipients]

    def _noun_agents(self, noun: Token, ctx: SentenceContext) -> list[ActorMention]:
        """Who carried out an event noun beyond its own modifiers and 'by' phrase (see
        _noun_modifier_actors): 'a bombing claimed by Islamic State', 'his killing at the
        hands of Houthi rebels'."""
        bys = [a for c in noun.children if c.dep_ == "acl" for a in c.children
               if a.dep_ == "agent"]
        bys += [of for c in noun.children if c.dep_ == "prep" and c.lower_ == "at"
                for hands in c.children if hands.lower_ == "hands"
                for of in hands.children if of.lower_ == "of"]  # "at the hands of rebels"
        return self._resolve_all([g for b in bys for g in b.children if g.dep_ == "pobj"], ctx)

    def _referred_event_actors(self, nouns: list[Token], ctx: SentenceContext,
                               verb_kinds: set[str] = frozenset()) -> list[ActorMention]:
        """'Qatar condemned the attack': the target is who carried out the attack, the
        actor of the latest earlier event of that kind, one named with the same word
        first ('the strikes' are the strikes reported before, not any later attack). 'The
        measures ban imports': a general noun refers to an event of the verb's kind, else
        to the latest event."""
        for noun in nouns:
            if not any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.lower_ == "such"
                       for c in noun.children):
                continue  # "announced sanctions" creates the event; "the sanctions" and
                # "such strikes" refer
            kinds = self._kinds("NOUN", noun)
            candidates = list(reversed(ctx.previous))
            if not kinds and verb_kinds:
                candidates.sort(key=lambda e: e.plover not in verb_kinds)  # stable
            candidates.sort(key=lambda e: noun.lemma_ not in _trigger_lemmas(e, noun.doc))
            for event in candidates:
                if not kinds or event.plover in kinds:
                    return [ActorMention(**{**a.__dict__, "text": noun.text, "start": noun.idx,
                                            "end": noun.idx + len(noun), "kind": "event-actor",
                                            "rule": f"coref:event:{event.id}"})
                            for a in event.actors]
        return []

    def _resolve_all(self, heads: list[Token], ctx: SentenceContext) -> list[ActorMention]:
        found: list[ActorMention] = []
        for head in heads:
            for token in [head, *head.conjuncts]:
                for m in ctx.actors.resolve_phrase(token) + self._possessor_actors(token, ctx):
                    if all((m.start, m.end, m.code) != (f.start, f.end, f.code) for f in found):
                        found.append(m)
        return found

    def _possessor_actors(self, token: Token, ctx: SentenceContext) -> list[ActorMention]:
        """'the U.S. and Russia's top diplomats': conjoined possessors each name a side."""
        extra = []
        for child in token.children:
            if child.dep_ == "poss":
                for conj in child.conjuncts:
                    m = ctx.actors.resolve_token(conj)
                    if m and m.country:
                        sector = ctx.actors.base.agent_sector(token.lemma_)
                        if sector and m.kind == "country":
                            m.sector, m.code = sector, m.country + sector
                        extra.append(m)
        return extra

    # --- event nouns --------------------------------------------------------------
    def _noun_event(self, noun: Token, sent: Span, ctx: SentenceContext) -> Event | None:
        words = _noun_words(noun)  # a noun entry's objects are its modifiers or complements
        fitting = [p for p in sorted(self.verbs.candidates("NOUN", noun.lemma_),
                                     key=lambda p: -p.specificity)
                   if not p.object or words & set(p.object)]
        if not fitting:
            return None
        pattern = next((p for p in fitting if not p.actor_sector), fitting[0])
        governor = noun.head if noun.dep_ in {"dobj", "nsubjpass"} else (
            noun.head.head if noun.dep_ == "pobj" else None)
        governed = governor is not None and governor.lemma_ in PARTICIPATION_VERBS
        if governed and (_normative(governor, self.verbs.reporting) or _requested(governor)
                         or _unrealised_infinitive(governor) or _alleged(governor) or (
                             governor.dep_ == "xcomp" and governor.head.lemma_ in REQUEST_HEADS)):
            return None  # "should impose sanctions", "urged them to hold talks", "asked to
            # open talks", "depends on member states to carry out arrests"
        if governed and governor.lemma_ in MEDIATING:
            return None  # "Qatar brokered the truce": the mediation is the event, the
            # mediator is no party to the truce
        anchored = any(t.ent_type_ == "DATE" or (t.dep_ == "prep" and t.lower_ in PLACE_PREPS
                                                 and _attached_place(t.head) is not None)
                       for t in _phrase_tokens(noun) if t is not noun)
        verbless = noun.dep_ == "ROOT" or (noun.head.pos_ in {"NOUN", "PROPN"} and not any(
            t.pos_ == "VERB" and t.dep_ == "ROOT" for t in sent))
        ongoing = (noun.dep_ == "nsubj" and _occurs(noun.head)
                   and not _has_condition(noun.head) and not _proviso(noun.head))
        # not "if the crackdown continued", "would not sign deals while the fighting lasted"
        in_force = pattern.cameo in TRUCE_CODES and _takes_effect(noun)
        existential = noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)
        actors = self._noun_modifier_actors(noun, ctx) or self._noun_agents(noun, ctx)
        counterpart = any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
        if (existential or counterpart) and not actors and (
                speaker := _reporting_speaker(noun, self.verbs.reporting)) is not None:
            actors = self._resolve_all([speaker], ctx)  # "said there would be no talks
            # with the RSF": the speaker's side rules them out; "said the talks with He
            # Lifeng had been productive": the speaker's side held them
        addressed = self._resolve_all([  # "Trump's demand that Germany repatriate"
            g for c in noun.children if c.dep_ == "acl" and noun.lemma_ in REQUEST_NOUNS
            for g in c.children if g.dep_ in SUBJECT_DEPS], ctx)
        prep = noun.head if noun.dep_ == "pobj" else None
        if prep is not None and prep.lower_ == "of" and prep.head.lemma_ in DURATIONS and (
                prep.head.dep_ == "pobj"):  # "after days of fighting with Congolese soldiers"
            prep = prep.head.head
        clause = prep.head if prep is not None else None
        framing = clause is not None and prep.lower_ in FRAMING_PREPS and (
            clause.pos_ in {"VERB", "AUX"}) and not _has_condition(clause) and (
            actors or any(c.dep_ == "prep" and c.lower_ in {"with", "between"}
                          for c in noun.children))  # not "during the talks" told before
        if framing and not actors:  # "said during a meeting with the emir": the speaker met
            actors = self._subjects(clause, ctx)
        granted = clause is not None and noun.head.lower_ == "at" and (
            noun.lemma_ in REQUEST_NOUNS) and clause.pos_ in {"VERB", "AUX"}
        if granted:  # "held a session at Israel's request", "at the request of Israel":
            # Israel asked it of whoever acts
            actors = actors or self._resolve_all([g for c in noun.children if c.dep_ == "prep"
                                                  and c.lower_ == "of" for g in c.children
                                                  if g.dep_ == "pobj"], ctx)
            addressed = self._subjects(clause, ctx) if actors else []
        demanded = bool(actors and addressed and {m.country for m in addressed}
                        - {a.country for a in actors})
        if not (governed or anchored or verbless or ongoing or in_force or existential or framing
                or demanded or (granted and addressed) or self._sides_named(noun, actors, ctx)):
            return None
        patients = [a for a in actors if a.kind == "person" and pattern.cameo[:2] in {"17", "18"}]
        actors = [a for a in actors if a not in patients]  # "Maduro's arrest": he is arrested
        if ongoing and not actors:  # "the protests would continue": who protests comes
            # from the earlier protest
            actors = self._referred_event_actors([noun], ctx)
        if in_force and not actors:
            actors = ctx.actors.story_sides(noun)
        if governed and not actors:
            actors = self._subjects(governor, ctx)
        pattern = next((p for p in fitting if p.actor_sector and any(  # "strikes by
            (a.sector or "GOV") in p.actor_sector for a in actors)), pattern)  # workers"
        if pattern.actor_sector and not any(
                (a.sector or "GOV") in pattern.actor_sector for a in actors):
            return None
        target_preps = {"with", "on", "against", "to", "for", "into"} | (
            {"of"} if pattern.cameo[:2] in FORCE_ROOTS else set()) | {  # "the killing of Saleh"
            w[5:] for w in pattern.recipient if w.startswith("prep:")
            and w not in DEFAULT_RECIPIENTS}  # the entry's own: "the release of Zia"
        recipients = patients + self._resolve_all(
            [g for c in noun.children if c.dep_ == "prep" and c.lower_ in target_preps
             for g in c.children if g.dep_ == "pobj"], ctx) + addressed
        explanation = [(f"event noun '{noun.text}' matched pattern {pattern.id}; "
                       f"{'governed by ' + governor.text if governed else 'anchored by date/place'}")]
        return self._build(pattern, noun, None, actors, recipients, sent, ctx, explanation)

    def _sides_named(self, noun: Token, actors: list[ActorMention], ctx: SentenceContext
                     ) -> bool:
        """'the first meeting between officials of the two countries', 'Russia's strikes on
        Kharkiv': a phrase naming both sides reports an event, unless its clause is an
        opinion, a request or a purpose ('should hold talks with Kyiv'). The object of a
        verb that is not a light verb is that verb's topic ('are driving the talks')."""
        force = any(p.cameo[:2] in FORCE_ROOTS for p in self.verbs.candidates("NOUN", noun.lemma_))
        preps = {"with", "on", "against"} | ({"of"} if force else set())  # "the arrest of X"
        targets = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
                   for g in c.children if g.dep_ == "pobj"]
        if noun.dep_ == "dobj" or not actors or not (len({a.country for a in actors}) > 1 or any(
                m.country not in {a.country for a in actors}
                for m in self._resolve_all(targets, ctx))):
            return False
        verb = next((t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}), None)
        return verb is None or not (_normative(verb, self.verbs.reporting) or _requested(verb)
                                    or _unrealised_infinitive(verb) or _has_condition(verb))

    def _noun_modifier_actors(self, noun: Token, ctx: SentenceContext) -> list[ActorMention]:
        """Actors named inside the noun phrase: 'a U.S.-Russia summit', 'Russia's attack',
        'the Trump-Putin summit', 'the Hamas-led attack', 'talks by the two presidents',
        'clashes between the army and the RSF'."""
        heads = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"}
                 and not names_backer(c)]  # "Iran-backed raids": Iran did not raid
        found: list[ActorMention] = []
        for head in heads:
            for tok in [head, *head.children]:
                if tok.dep_ in {"compound", "amod", "poss", "nmod", "conj", "npadvmod"} or (
                        tok is head):
                    m = ctx.actors.resolve_word(tok) or ctx.actors.resolve_token(
                        tok, as_argument=False) or _country_mention(tok, ctx)
                    if m and m.country and all(m.country != f.country or m.name != f.name
                                               for f in found):
                        found.append(m)
        named = self._resolve_all([g for c in noun.children if c.dep_ == "prep" and c.lower_
                                   in {"by", "between", "among"} for g in c.children
                                   if g.dep_ == "pobj"], ctx)
        return found + [m for m in named if all(m.code != f.code for f in found)]

    # --- verbless captions --------------------------------------------------------
    def _caption_event(self, sent: Span, ctx: SentenceContext) -> Event | None:
        """'A (R) and B (L), accompanied by C, in Moscow, Russia on Dec. 2, 2025.'"""
        root = sent.root
        if root.pos_ not in {"PROPN", "NOUN"} or any(
                t.pos_ in {"VERB", "AUX"} and t.dep_ in {"ROOT", "conj", "ccomp"}
                and t.tag_ not in {"VBN", "VBG"} for t in sent):
            return None
        heads = [root, *root.conjuncts]
        heads += [g for t in sent if t.lower_ == "by" and t.head.tag_ == "VBN"
                  for g in t.children if g.dep_ == "pobj"]
        people = self._resolve_all(heads, ctx)
        place = None
        for t in sent:
            if t.dep_ == "prep" and t.lower_ in PLACE_PREPS:
                place = ctx.resolve_place(*_pobj_text(t))
                if place:
                    break
        countries = {m.country for m in people}
        if len(countries) < 2 or place is None:
            return None
        hosts = [m for m in people if m.country == place.country]
        guests = [m for m in people if m.country != place.country]
        cameo = "042" if hosts and guests else "040"
        pattern = VerbPattern(id=f"caption:{'visit' if hosts else 'meet'}", lemma="",
                              cameo=cameo, source="events.py caption rule", symmetric=True)
        actors, recipients = (guests, hosts) if hosts else (people[:1], people[1:])
        explanation = ["verbless caption naming actors of several countries and a place: "
                       + ("visitors are the actors from outside the host country" if hosts
                          else "a meeting")]
        event = self._build(pattern, root, None, actors, recipients, sent, ctx, explanation)
        if event:
            event.place = place
        return event

    # --- assembling -----------------------------------------------------------------
    def _build(self, pattern: VerbPattern, trigger: Token, obj: Token | None,
               actors: list[ActorMention], recipients: list[ActorMention], sent: Span,
               ctx: SentenceContext, explanation: list[str]) -> Event | None:
        if not actors and pattern.symmetric and len(recipients) > 1:
            actors, recipients = recipients[:1], recipients[1:]
        actors, recipients = _drop_bare_countries(actors), _drop_bare_countries(recipients)
        if (pattern.plover or self.cameo.get(pattern.cameo).plover) in FORCE_TYPES:
            recipients = [self._target_owner(r, actors, trigger, ctx) for r in recipients]
        recipients = _other_parties(actors, recipients)
        if (pattern.symmetric and not recipients) or _reciprocal(trigger):
            actors, recipients = _split_sides(actors)  # "A and B met"
        if _is_consult(pattern):  # talking to the press is not a consultation, and an act
            # ("welcomed the warrants") is not a party met, though its author is named
            recipients = [r for r in recipients if r.sector not in {"MED", "JRN"}
                          and r.kind != "event-actor"]
        if not recipients and (pattern.plover or self.cameo.get(pattern.cameo).plover) == "ASSAULT":
            recipients = self._attack_site(trigger, obj, actors, ctx)
            if recipients:
                explanation.append(f"no target in the parse: the attack was in "
                                   f"'{recipients[0].text}', which stands for its country")
        if not actors or (pattern.require_recipient and not recipients):
            return None  # checked before any fallback: the parse must name the target
        code = self.cameo.get(pattern.cameo)
        if pattern.plover:
            code = replace(code, plover=pattern.plover, mode=pattern.mode or code.mode)
        if not code.plover:
            return None
        if code.plover in FORCE_TYPES and all(a.sector in NONCOMBATANTS for a in actors):
            return None  # "a doctor said their family had been killed": not who used force
        modes, why = _modes(trigger, self.verbs.reporting)
        if pattern.prospective_only and not {"future", "hypothetical"} & set(modes):
            return None  # "retaliated by lifting tariffs": the retaliation is the lifting
        explanation += why
        when = self._event_date(trigger, sent, ctx)
        if when and ctx.published and _after_publication(when, ctx.published) and not (
                {"future", "historical"} & set(modes)):
            modes.append("future")  # "is convening talks on Thursday" (a later Thursday)
            explanation.append(f"future: dated {when.value}, after publication")
        reporter = _reporting_speaker(trigger, self.verbs.reporting)
        source_actor = ctx.actors.resolve_token(reporter) if reporter is not None else None
        if code.plover in REFUSAL_CODES and _refusal(trigger, modes, self.verbs.reporting):
            reporter = _reporting_verb(trigger, self.verbs.reporting)
            warning = reporter is not None and reporter.lemma_ in {"warn", "threaten"}
            code = self.cameo.get("1313" if warning else REFUSAL_CODES[code.plover])
            modes = [m for m in modes if m not in {"negation", "future"}]
            explanation.append(f"a warning that cooperation will be withheld is a threat "
                               f"(CAMEO {code.code})" if warning else
                               f"a stated refusal to cooperate or yield is REJECT "
                               f"(CAMEO {code.code})")
        if "negation" in modes and "future" in modes:
            modes.remove("future")  # "denied it had plans to return": a denial of the act
        if code.plover in THREAT_CODES and trigger.dep_ == "xcomp" and (
                trigger.head.lemma_ in THREAT_HEADS):  # "threatened to impose tariffs"
            code = self.cameo.get(THREAT_CODES[code.plover])
            modes = [m for m in modes if m != "future"]
            explanation.append(f"threatened act: coded as a threat (CAMEO {code.code})")
        if (code.plover in THREAT_CODES and code.plover != "PROTEST"  # a planned protest
                and {"future", "hypothetical"} & set(modes)
                and "negation" not in modes and source_actor and source_actor.country
                and (not actors or source_actor.country in {a.country for a in actors})):
            code = self.cameo.get(THREAT_CODES[code.plover])
            actors = [source_actor]
            recipients = [r for r in recipients if r.country != source_actor.country]
            explanation.append(f"a conflictual act announced by '{source_actor.text}' is a "
                               f"threat (CAMEO {code.code})")
        if code.plover == "RETREAT" and "future" in modes and "negation" not in modes:
            code = replace(code, plover="CONCEDE", mode=None)  # "will cut its levy"
            explanation.append("PLOVER manual: an announced or agreed future retreat is CONCEDE")
        elif code.plover in INTENT_TYPES and {"future", "hypothetical"} & set(modes):
            code, actors, recipients = self._as_intent(code, actors, recipients, source_actor,
                                                       trigger, ctx)
            explanation.append(f"PLOVER: cooperation stated for the future or on a condition "
                               f"is AGREE (CAMEO {code.code})")
        if "future" in modes and (code.plover == "THREATEN" or (
                code.plover in {"AGREE", "CONCEDE"} and _committed(trigger))):
            modes.remove("future")  # a threat, or "agreed to slash tariffs": the event is
            # the present commitment, not the act it promises
        if not recipients and code.plover == "PROTEST":
            recipients = [_domestic(actors[0], "GOV", "protest")]
            explanation.append("a protest with no stated target is against the government")
        if not recipients and code.mode == "crowd-control":
            recipients = [_domestic(actors[0], "CVL", "crowd-control")]
            explanation.append("crowd control with no stated target is against civilians")
        if not recipients and code.quad_class >= 3:
            recipients = self._target_by_kind(trigger, actors, ctx)
            if recipients:
                explanation.append(f"'{recipients[0].text}' names the target: "
                                   f"{recipients[0].code}")
        if not recipients and not pattern.symmetric:
            domestic = code.quad_class >= 3
            recipients = self._nearby_recipient(trigger, _phrase_tokens(trigger), actors, ctx,
                                                domestic)
            if not recipients and code.plover in NEEDS_RECIPIENT:  # the manual: one exists
                recipients = self._nearby_recipient(trigger, sent, actors, ctx, domestic)
            if recipients:
                explanation.append(f"no recipient in the parse: took '{recipients[0].text}', "
                                   "the other actor named in the sentence")
            else:
                recipients = self._discourse_recipient(actors, ctx, code.quad_class >= 3)
                if recipients:
                    explanation.append(f"no recipient in the sentence: took "
                                       f"'{recipients[0].text}' from the sentences before "
                                       f"({recipients[0].rule})")
        if code.plover in NEEDS_RECIPIENT and not recipients:
            return None  # the PLOVER manual: COOPERATE, AID and SANCTION require a recipient
        if code.plover == "CONSULT" and not recipients:
            if len({a.country for a in actors}) > 1:  # "the first visit between leaders
                actors, recipients = _split_sides(actors)  # of the two countries"
            elif not any(a.country in BLOCS for a in actors):
                return None  # "brokered the deal", "opened the session": no counterpart
                # named, no consultation, unless a bloc meets ("NATO leaders gather")
        if code.mode:
            modes.insert(0, code.mode)
        if when and ctx.published and when.granularity != "vague" and _before_window(
                when, ctx.published) and "historical" not in modes:
            modes.append("historical")
            explanation.append(f"historical: dated {when.value}, over a year before publication")
        if when is None and ctx.published:
            when = TimeExpression(value=ctx.published.isoformat(), granularity="reported",
                                  rule="publication-date")
        where = self._event_place(trigger, obj, ctx)
        for mention in actors + recipients:  # provenance: found in this sentence unless
            if mention.article_id is None:  # it came from an earlier one
                mention.article_id, mention.sentence_index = ctx.article_id, ctx.index
        trigger_text = trigger.text if obj is None else f"{trigger.text} … {obj.text}"
        return Event(
            article_id=ctx.article_id, sentence_index=ctx.index, cameo=code.code,
            plover=code.plover, actors=actors, recipients=recipients, trigger=trigger_text,
            start=sent.start_char, end=sent.end_char, sentence=sent.text, rule=pattern.id,
            quad_class=code.quad_class, goldstein=code.goldstein, modes=modes,
            context=list(code.context), date=when, place=where, source_actor=source_actor,
            confidence=_confidence(pattern, actors, recipients, when, modes),
            trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger),
            explanation=explanation, id=f"{ctx.article_id}-s{ctx.index}-t{trigger.i - sent.start}")

    def _target_by_kind(self, trigger: Token, actors: list[ActorMention],
                        ctx: SentenceContext) -> list[ActorMention]:
        """'banned all demonstrations' targets civilians, 'air strikes on villages in Shan
        state' civilians of Myanmar: what is acted on names the target's sector, in the
        country of a place named with it; a home act ('banned demonstrations') in the
        actor's own country."""
        objects = [_direct_object(trigger)] if trigger.pos_ == "VERB" else []
        heads = [t for t in [trigger, *objects] if t is not None]
        sites = [g for h in heads for c in h.children if c.dep_ == "prep"
                 and c.lower_ in {"on", "against"} for g in c.children if g.dep_ == "pobj"]
        objects += [g for h in heads for c in h.children if c.dep_ == "prep" and (
            c.lower_ == "into" or (c.lower_ == "of" and h is not trigger))
            for g in c.children if g.dep_ == "pobj"]  # "an investigation into two firms",
        # "revoked the licences of 16 companies": what is acted on
        for target in filter(None, objects + sites):
            lemma = target.lemma_.lower()
            sector = self.verbs.target_sites.get(lemma) or (
                self.verbs.object_targets.get(lemma) if target in objects else None)
            if sector is None:
                continue
            site = next((p for h in [target, *heads] for c in h.children if c.dep_ == "prep"
                         and c.lower_ in PLACE_PREPS and (p := ctx.resolve_place(
                             *_pobj_text(c))) is not None and p.country), None)
            country = site.country if site else (
                actors[0].country if lemma in self.verbs.object_targets else None)
            if country:
                mention = _domestic(actors[0], sector, f"object:{target.lemma_}")
                return [replace(mention, text=target.text, start=target.idx,
                                end=target.idx + len(target), country=country,
                                code=f"{country}{sector}")]
        return []

    def _as_intent(self, code: CameoCode, actors: list[ActorMention],
                   recipients: list[ActorMention], speaker: ActorMention | None,
                   trigger: Token, ctx: SentenceContext
                   ) -> tuple[CameoCode, list[ActorMention], list[ActorMention]]:
        """PLOVER codes cooperation reported in the future as AGREE. When a speaker states
        it, the speaker expresses the intent, towards the other parties named."""
        intent = self.cameo.get(INTENT_CODES.get(code.code[:3], INTENT_CODES.get(
            code.code[:2], "030")))
        chain = list(_clause_chain(trigger, self.verbs.reporting))
        committed = any(t.lemma_ in COMMITMENTS for t in chain if t is not trigger)
        guessed = speaker is not None and "context" in speaker.rule  # "the ministry said"
        if speaker and speaker.country and not committed and not guessed:  # not "said Iran
            # had agreed to hold talks": Iran's own commitment
            clause = chain[-1]
            named = self._resolve_all([t for t in clause.subtree if t.dep_ in
                                       SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"dobj", "pobj"}],
                                      ctx)
            others = [m for m in actors + recipients + named if m.country != speaker.country]
            seen: set[str] = set()
            others = [m for m in others if not (m.code in seen or seen.add(m.code))]
            return intent, [speaker], others
        return intent, actors, recipients

    def _attack_site(self, trigger: Token, obj: Token | None, actors: list[ActorMention],
                     ctx: SentenceContext) -> list[ActorMention]:
        """'drones hit targets in the Moscow region': an attack abroad targets the country
        it took place in."""
        own = {a.country for a in actors}
        obj = obj if obj is not None else _direct_object(trigger)  # "hit a radar near Tehran"
        for head in [trigger, *([obj] if obj is not None else [])]:
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in ATTACK_SITE_PREPS:
                    continue
                text, start, end = _pobj_text(prep)
                place = ctx.resolve_place(text, start, end) if text else None
                if place and place.country and place.country not in own:
                    return [ActorMention(text=text, start=start, end=end, code=place.country,
                                         country=place.country, kind="place",
                                         rule=f"attack-site:{place.name}",
                                         article_id=ctx.article_id, sentence_index=ctx.index)]
        return []

    def _nearby_recipient(self, trigger: Token, scope: Iterable[Token],
                          actors: list[ActorMention], ctx: SentenceContext, domestic: bool
                          ) -> list[ActorMention]:
        """The first other actor named in the scope (the trigger's clause, or the whole
        sentence), outside the actors and outside allies and sources ('fought alongside the
        Americans', 'backed by Iran'): another country, or a different agent of the same
        country ('police fired on protesters')."""
        countries = {a.country for a in actors}
        codes = {a.code for a in actors}
        taken = [(a.start, a.end) for a in actors]
        for token in sorted(scope, key=lambda t: t.i):
            if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ not in {
                    "poss", "pobj", "dobj", "compound", "conj", "appos"}:
                continue
            if any(start <= token.idx < end for start, end in taken) or _beside(token, trigger):
                continue
            for m in ctx.actors.resolve_phrase(token):
                if m.kind == "place":
                    continue  # "agreed in Jeddah": the venue is not a party
                other_country = m.country not in countries
                other_agent = domestic and m.kind == "agent" and m.code not in codes and (
                    m.sector in DOMESTIC_SECTORS)  # police fired on protesters
                if other_country or other_agent:
                    return [m]
        return []

    def _discourse_recipient(self, actors: list[ActorMention], ctx: SentenceContext,
                             conflict: bool) -> list[ActorMention]:
        """An implicit target ('officials dismissed the claims') is the actor's counterpart
        in the story so far: the party most often on the other side of its earlier events
        of the same kind (conflict or cooperation) before those of any kind, the latest on a
        tie; else the country the story names most besides its own."""
        countries = {a.country for a in actors}
        sectors = {a.sector for a in actors}
        tally: Counter[str] = Counter()
        latest: dict[str, tuple[ActorMention, Event]] = {}
        for event in ctx.previous:
            weight = 100 if (event.quad_class >= 3) == conflict else 1  # fighting or talking
            sides = [event.actors, event.recipients]
            if not event.recipients:  # "Thailand and Cambodia agreed": each is the other's
                sides = [event.actors, event.actors]
            for own, other in (sides, sides[::-1]):
                if not {m.country for m in own} & countries:
                    continue
                for m in other:
                    key = m.country if m.country not in countries else m.code
                    if m.country and (m.country not in countries or (
                            m.sector and None not in sectors and m.sector not in sectors)):
                        tally[key] += weight  # a country's agents count as one side
                        latest.pop(key, None)
                        latest[key] = (m, event)  # re-inserted: the dict keeps recency order
        if tally:
            order = list(latest)
            code = max(tally, key=lambda c: (tally[c], order.index(c)))
            mention, event = latest[code]
            return [replace(mention, rule=f"discourse:{event.id}:{mention.rule}")]
        named = Counter(m.country for m in ctx.actors.history
                        if m.sentence_index is not None and m.sentence_index < ctx.index
                        and m.country not in countries and m.country not in BLOCS
                        and m.kind != "place")
        if not named:
            return []
        top = max(named.values())
        mention = next(m for m in reversed(ctx.actors.history) if named.get(m.country) == top
                       and m.sentence_index is not None and m.sentence_index < ctx.index
                       and m.kind != "place")
        return [replace(mention, rule=f"discourse:main-country:{mention.rule}")]

    def _event_date(self, trigger: Token, sent: Span, ctx: SentenceContext
                    ) -> TimeExpression | None:
        """A DATE entity in the trigger's own phrase, else the nearest one in the sentence."""
        own = [entity_of(t) for t in _phrase_tokens(trigger) if t.ent_type_ in DATE_LABELS]
        nearest = sorted((e for e in sentence_entities(sent) if e.label_ in DATE_LABELS),
                         key=lambda e: abs(e.start - trigger.i))
        for ent in own[:1] + nearest:
            if ent.start > 0 and ent.doc[ent.start - 1].lower_ in {"since", "until", "before"}:
                continue  # "the first meeting since 2019": a bound, not the event's date
            if ent.root.dep_ in {"nummod", "compound", "amod", "nmod"} and (
                    ent.root.head.i != trigger.i and ent.root.head.pos_ == "NOUN"):
                continue  # "waive a 1992 law": the date of the law, not of the waiving
            text = PART_OF_DAY.sub("", ent.text).strip()  # "Saturday night" -> "Saturday"
            found = ctx.resolve_date(text, ent.start_char, ent.end_char) if text else None
            if found:
                return found
        return None

    def _event_place(self, trigger: Token, obj: Token | None, ctx: SentenceContext
                     ) -> Place | None:
        """The first 'in/at/near <place>' phrase in the trigger's own phrase, else one
        elsewhere in the sentence, else a visited place named as the object."""
        sent = sentence_of(trigger)
        own = list(_phrase_tokens(trigger))
        for token in own + [t for t in sent if t not in own]:
            if token.dep_ == "prep" and token.lower_ in PLACE_PREPS and any(
                    t.ent_type_ in PLACE_LABELS for t in token.subtree):
                place = ctx.resolve_place(*_pobj_text(token))
                if place:
                    return place
        visited = [c for c in trigger.children if c.dep_ == "dobj" and c.ent_type_]
        if trigger.lemma_ in {"visit", "tour"} and visited:  # "visited the White House"
            span = entity_of(visited[0])
            return ctx.resolve_place(span.text, span.start_char, span.end_char)
        return None


# --- parse helpers ------------------------------------------------------------------

def _takes_effect(noun: Token) -> bool:
    """'The ceasefire took effect at midnight', 'a truce that came into force on Friday',
    'the truce held': an agreement in force is reported, not just named."""
    verbs = [noun.head] if noun.dep_ == "nsubj" else [
        c for c in noun.children if c.dep_ == "relcl"]
    for verb in verbs:
        if _has_condition(verb) or any(c.dep_ == "neg" for c in verb.children):
            continue
        if verb.lemma_ == "hold" and not any(c.dep_ == "dobj" for c in verb.children):
            return True
        if verb.lemma_ in {"take", "come", "go", "enter"} and any(
                t.lemma_ in {"effect", "force"} and t.dep_ in {"dobj", "pobj"}
                for t in verb.subtree if verb in {t.head, t.head.head}):
            return True
    return False


def _beside(token: Token, trigger: Token) -> bool:
    """Whether the token hangs off the trigger through an ally, a source or an agent
    ('alongside the Americans', 'according to AFP', 'backed by Iran')."""
    current = token
    while current.i != trigger.i and current.head.i != current.i:
        if current.dep_ == "agent" or (current.dep_ == "prep" and current.lower_ in
                                       NOT_TARGET_PREPS) or (
                current.dep_ == "pobj" and current.lemma_ in {"side", "behalf"}):
            return True  # "fighting on the side of Assad's regime"
        current = current.head
    return False


def _threat_condition(verb: Token) -> bool:
    """The 'if' clause of a threat ('threatened Moscow with sanctions if ...'), or of a
    warning that the one who would act would suffer for it ('warned that Israel would face a
    harsher response if it retaliated'), states what is warned against, not an act; 'if it
    continues to reject' still reports the ongoing rejection, and 'warned that the crisis
    would deepen if the rebels advanced' is a forecast of the advance."""
    clause = verb
    while clause.dep_ in {"xcomp", "conj"} and clause.head.lemma_ not in PRESUPPOSING:
        clause = clause.head
    if clause.dep_ != "advcl" or clause.lemma_ in PRESUPPOSING or not any(
            m.dep_ == "mark" and m.lower_ == "if" for m in clause.children):
        return False
    main = clause.head
    if main.lemma_ in THREAT_HEADS:
        return True
    actor = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    sufferer = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
    return main.dep_ == "ccomp" and main.head.lemma_ in THREAT_HEADS and (
        actor is not None and sufferer is not None) and (
        actor.pos_ == "PRON" or actor.lower_ == sufferer.lower_)


def _as_phrase(token: Token) -> list[Token]:
    """What 'as' gives a word ('described X as a parasite', 'as treasonous')."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "as"
            for g in c.children if g.dep_ in {"pobj", "amod", "acomp"}]


def _trigger_lemmas(event: Event, doc) -> set[str]:
    """The lemmas of an event's trigger words ('launched … strikes': launch, strike)."""
    words = set(event.trigger.split(" … "))
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    return {t.lemma_ for t in span or () if t.text in words}


def _alleged(verb: Token) -> bool:
    """'accused X of attacking', 'convicted of fighting', 'blamed X for attacking'."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in CONTROL_PREPS:
        return False
    attached = verb.head.head  # the parser hangs "of" on the verb or on the accused
    return attached.lemma_ in ALLEGATION_HEADS or (
        attached.dep_ in {"dobj", "nsubjpass"} and attached.head.lemma_ in ALLEGATION_HEADS)


def _own_object(verb: Token, actors: list[ActorMention]) -> bool:
    """Whether the object belongs to the actor ('defended its decision'): a possessive
    pronoun that agrees with the subject is bound by it."""
    target = _direct_object(verb)
    owners = [c.lower_ for c in target.children if c.dep_ == "poss" and c.pos_ == "PRON"
              ] if target is not None else []
    kinds = {"person" if a.kind == "person" else "group" for a in actors}
    return any(OWNER_KINDS.get(o) in kinds for o in owners)


def _generic(verb: Token) -> bool:
    """'it is legal to kill them', 'it is preferable to arrest and prosecute': what an
    impersonal judgement weighs is not an act anyone took."""
    while verb.dep_ == "conj":
        verb = verb.head
    head = verb.head
    return verb.dep_ in {"xcomp", "ccomp"} and head.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.pos_ == "ADJ" for c in head.children) and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)


def _time_anchor(verb: Token) -> bool:
    """'has not allowed convoys in since it took control': a 'since' clause under a
    perfect dates the state the main clause reports; its own act is background."""
    head = verb.head
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since"
                                        for c in verb.children) and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)


def _stative(verb: Token) -> bool:
    """'their fathers are imprisoned, missing or dead': a participle listed with
    adjectives describes a condition."""
    return _passive(verb) and any(c.dep_ == "conj" and c.pos_ == "ADJ" for c in verb.children)


def _committed(trigger: Token) -> bool:
    """'agreed to swap prisoners', 'offered to hold consultations': the infinitive is
    what a present commitment promises ('will agree to' stays future)."""
    head = trigger.head
    return trigger.dep_ == "xcomp" and head.lemma_ in COMMITMENTS and not any(
        c.dep_ == "aux" and c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX for c in head.children)


def _infinitive(verb: Token) -> bool:
    return verb.dep_ in {"xcomp", "ccomp"} and any(c.dep_ == "aux" and c.lower_ == "to"
                                                   for c in verb.children)


def _passive(verb: Token) -> bool:
    """'was criticised by', and the reduced relative 'a ceasefire proposed by Washington'."""
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS | {"auxpass"} for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


def _direct_object(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in {"dobj", "attr"} or (c.dep_ in PASSIVE_SUBJECT_DEPS):
            clause = verb
            while clause.dep_ == "xcomp":  # "a truce which the army declined to accept"
                clause = clause.head
            if clause.dep_ == "relcl" and c.lower_ in RELATIVE_PRONOUNS and c.dep_ == "dobj":
                return clause.head  # "the tariff that Washington imposed": the antecedent
            return _counted(c)
    if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" and any(
            c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children):
        return verb.head  # "the sanctions Washington imposed": an object gap
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head  # "Cantlie, captured by Isis": the noun is what was captured
    for c in verb.children:  # "engage in talks", "take part in negotiations"
        if c.dep_ == "prep" and c.lower_ in {"in", "into"}:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _proposers(obj: Token | None, verb: Token) -> list[Token]:
    """Who put forward what is accepted or turned down: 'a ceasefire proposed by
    Washington', 'proposed a truce, which the army declined to accept'."""
    if obj is None or obj.pos_ != "NOUN" or obj.lemma_ not in PROPOSALS:
        return []  # not "pound the area, backed by Iranian allies"
    agents = [g for c in obj.children if c.dep_ == "acl" for a in c.children
              if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    if agents or obj.dep_ != "dobj" or obj.head == verb or obj.head.lemma_ not in PROPOSING:
        return agents
    return [c for c in obj.head.children if c.dep_ in SUBJECT_DEPS]


def _counted(token: Token) -> Token:
    """'suspended most of his tariffs': the object is what the partitive counts."""
    if token.lower_ in PARTITIVE_OBJECTS:
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
    return token


def _object_words(obj: Token | None) -> set[str]:
    """The object's lemma and form, alone and with its modifier ('military aid'), and
    '@person' for a person named in full."""
    if obj is None:
        return set()
    words: set[str] = set()
    for noun in [obj, *obj.conjuncts]:  # "intelligence sharing and security assistance"
        words |= {noun.lemma_.lower(), noun.lower_}
        words |= {w for c in _cargo(noun) for w in (c.lemma_.lower(), c.lower_)}
        if noun.ent_type_ == "PERSON" and len(entity_of(noun)) > 1:
            words.add("@person")  # "captured John Cantlie": a full name (a lone word
            # tagged PERSON is as often a place: "seized Avdiivka")
        for child in noun.children:
            if child.dep_ in {"amod", "compound"}:
                words |= {f"{child.lower_} {w}" for w in (noun.lemma_.lower(), noun.lower_)}
    return words


def _cargo(noun: Token) -> list[Token]:
    """'ships loaded with medicines', 'planes carrying aid': what a vehicle carries is
    what is sent."""
    acts = [c for c in noun.children if c.dep_ == "acl" and c.lemma_ in CARGO_VERBS]
    heads = [g for a in acts for c in a.children
             for g in ([c] if c.dep_ == "dobj" else c.children if c.dep_ == "prep" else [])
             if g.dep_ in {"dobj", "pobj"}]
    return [t for h in heads for t in [h, *h.conjuncts]]


def _occurs(verb: Token) -> bool:
    """'the protests continued', 'the ceasefire took effect': the
    clause says that its subject event happens."""
    return verb.lemma_ in OCCURRENCE_VERBS or (verb.lemma_ == "take" and any(
        c.dep_ == "dobj" and c.lemma_ == "effect" for c in verb.children))


def _noun_words(noun: Token) -> set[str]:
    """What qualifies an event noun: its modifiers ('joint exercises') and the objects of
    'in', 'on' and 'of' ('a pause in offensive operations')."""
    words = {c.lemma_.lower() for c in noun.children if c.dep_ in {"amod", "compound"}}
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "on", "of"}:
            words |= {w for g in prep.children if g.dep_ == "pobj" for w in _object_words(g)}
    return words


def _has_pp(verb: Token, prep: str, objects: tuple[str, ...]) -> bool:
    """Whether the verb has the prepositional phrase a pattern asks for ('on the phone')."""
    return any(
        child.dep_ in {"prep", "agent"} and child.lower_ == prep and (
            not objects or any(g.lemma_.lower() in objects or g.lower_ in objects
                               for g in child.children if g.dep_ == "pobj"))
        for child in verb.children)


def _find_slot(verb: Token, obj: Token | None, where: str, pattern: VerbPattern) -> list[Token]:
    """Heads in a slot: 'dobj', 'dative', 'prep:with', 'object.prep:on'."""
    owner, _, slot = where.rpartition(".")
    if owner == "xcomp":  # "asked to open talks with Washington": a slot of the act asked for
        act = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        return _find_slot(act, _direct_object(act), slot, pattern) if act is not None else []
    if owner == "object" and obj is None:
        obj = _direct_object(verb)  # "discuss the crisis with von der Leyen"
    base = {"object": obj, "ccomp": next((c for c in verb.children if c.dep_ == "ccomp"),
                                         None)}.get(owner, verb)
    if base is None:
        return []
    if owner == "ccomp" and verb.lemma_ not in DEMAND_HEADS and not _prospective(base):
        return []  # "warned that Somalia was facing famine": a forecast names no target
    if slot in {"nsubj", "poss", "compound"}:  # "granted China mining rights"
        return [c for c in base.children if c.dep_ == slot]
    if slot == "dobj":
        if pattern.object:
            return []  # the object is the event noun, not the recipient
        return [c for c in base.children if c.dep_ == "dobj"]
    if slot == "dative":
        return [g for c in base.children if c.dep_ == "dative"
                for g in ([c] if c.pos_ != "ADP" else c.children)]
    if slot.startswith("prep:"):
        word = slot[5:]
        bases = [base] if owner else [base, *([obj] if obj is not None else [])]
        preps = [c for b in bases for c in b.children
                 if c.dep_ in {"prep", "dative"} and c.lower_ == word]
        preps += [j for c in preps for j in c.conjuncts if j.lower_ == word]  # "with A and with B"
        return [g for c in preps for g in c.children if g.dep_ == "pobj"]
    return []


def _prospective(clause: Token) -> bool:
    """A clause about what will, would or must happen ('that Israel would face', 'that
    Ukraine withdraw'), as opposed to a report of what is the case."""
    aux = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
    return bool(aux & (FUTURE_AUX | HYPOTHETICAL_AUX | {"must", "should"})) or (
        clause.tag_ == "VB" and not aux)


def _factual(clause: Token) -> bool:
    """A clause reporting what happened or is the case ('the government had set', 'it
    was'), as opposed to a proposal ('that the two sides build a tunnel')."""
    aux = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
    if aux & (FUTURE_AUX | HYPOTHETICAL_AUX | {"must", "should", "to"}):
        return False
    return clause.tag_ in {"VBD", "VBZ", "VBN"} or bool(aux & PERFECT_OR_PROGRESSIVE)


def _unrealised_infinitive(verb: Token) -> bool:
    """'a pretext for the US to launch strikes', 'the motivation to launch attacks',
    'in an attempt to enter': a purpose or possibility, not a reported act. Infinitives
    under verbs of intent, request, threat, refusal or success are handled elsewhere."""
    bare = verb.tag_ == "VB" or (verb.tag_ == "VBN" and any(  # "for a force to be stationed"
        c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children))
    if not bare or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ in {"xcomp", "ccomp"} and head.pos_ in {"VERB", "AUX", "ADJ"}:
        # "have to attack", "depends on member states to carry out arrests": an obligation
        # or a reliance ("is to meet" is planned); "the constitution allows the president
        # to declare martial law": what a text permits
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        return head.lemma_ in UNREALISED_HEADS or (head.lemma_ in PERMISSION_VERBS and any(
            c.lemma_ in LEGAL_TEXTS for c in subjects)) or (
            head.lemma_ == "be" and any(c.lemma_ in GOAL_NOUNS for c in subjects))
        # "the plan is to bomb them into submission": a goal
    if verb.dep_ == "advcl" and verb.lemma_ in {"protest", "demonstrate"}:
        return False  # "set up blockades to protest over low incomes": the act is the protest
    if verb.dep_ == "acl" and head.lemma_ in INTENT_NOUNS:
        return False  # "plans to return", "a deal to release": intent, coded as such
    if verb.dep_ == "advcl" and any(t.lemma_ in INTENT_NOUNS and t.pos_ == "NOUN"
                                    for t in head.subtree if t.i < verb.i):
        return False  # "laying the groundwork for Exxon to return"
    return verb.dep_ in {"acl", "advcl", "relcl"}


def _phrase_tokens(token: Token) -> Iterator[Token]:
    """The token and what hangs off it, breadth first, without entering other clauses."""
    queue = [token]
    while queue:
        current = queue.pop(0)
        yield current
        queue.extend(c for c in current.children if c.dep_ not in CLAUSE_DEPS
                     and not (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}))


def _attached_place(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            for g in child.children:
                if g.dep_ == "pobj" and (g.ent_type_ in PLACE_LABELS or any(
                        t.ent_type_ in PLACE_LABELS for t in g.subtree)):
                    return child
    return None


def _pobj_text(prep: Token) -> tuple[str, int, int]:
    """The place named by a preposition's object: its entity, with the qualifiers that
    follow it ('Anchorage, Alaska, U.S.'), stopping at a date or another preposition."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if not objects:
        return "", prep.idx, prep.idx
    head = objects[0]
    if head.lower_ in PLACE_NOUNS:  # "in the Saudi city of Jeddah"
        head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), head)
    start = min(entity_of(head).start, _compound_start(head))
    end = entity_of(head).end
    doc = prep.doc
    while end < len(doc) - 1 and doc[end].text == "," and doc[end + 1].ent_type_ in PLACE_LABELS:
        end = entity_of(doc[end + 1]).end
    span = doc[start:end]
    return span.text, span.start_char, span.end_char


def _compound_start(head: Token) -> int:
    """Where a name built of compounds begins: 'Joint Base Elmendorf-Richardson'."""
    start = head.i
    for tok in reversed(list(head.lefts)):
        if tok.i == start - 1 and (tok.dep_ in {"compound", "amod", "nmod"} or tok.text == "-"):
            start = tok.i
        else:
            break
    return start


def _country_mention(token: Token, ctx: SentenceContext) -> ActorMention | None:
    """Hyphenated country pairs like 'U.S.-Russia' are split by the tokenizer; each part
    is a country name."""
    code = ctx.actors.base.country_of(token.text)
    if not code:
        return None
    return ActorMention(text=token.text, start=token.idx, end=token.idx + len(token),
                        code=code, country=code, kind="country", rule=f"country:{token.text}")


def _related(a: Event, b: Event, doc) -> bool:
    """Whether one trigger lies in the other's phrase."""
    ta, tb = _token_at(doc, a.trigger_start), _token_at(doc, b.trigger_start)
    if ta is None or tb is None:
        return False
    return tb in set(_phrase_tokens(ta)) or ta in set(_phrase_tokens(tb))


def _token_at(doc, char: int | None) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand") if char is not None else None
    return span[0] if span is not None and len(span) else None


def _merge_duplicates(events: list[Event], doc) -> list[Event]:
    """One sentence can name the same event twice ('shake hands at the end of a summit'):
    keep the first, and give it the date or place only the other one found."""
    kept: list[Event] = []
    for event in events:
        same = next((k for k in kept if k.plover == event.plover and (
            (_sides(k) == _sides(event) and set(k.modes) == set(event.modes)
             and _related(k, event, doc)) or _one_act(k, event, doc))), None)
        if same is None:
            kept.append(event)
            continue
        same.recipients += [r for r in event.recipients  # "fired at X, wounding Y"
                            if r.country not in {k.country for k in same.recipients}]
        if same.place is None:
            same.place = event.place
        if event.date and (same.date is None or same.date.granularity == "reported"):
            same.date = event.date
        same.explanation.append(f"merged with the same event at '{event.trigger}'")
    return kept


def _per_counterpart(events: list[Event]) -> list[Event]:
    """A consultation is dyadic: 'spoke separately with Sharif and with Doval', 'telephoned
    both leaders' are one call per counterpart country, as PLOVER dyads count them."""
    split: list[Event] = []
    for event in events:
        countries = list(dict.fromkeys(r.country for r in event.recipients))
        if event.plover != "CONSULT" or len(countries) < 2:
            split.append(event)
            continue
        split += [replace(event, recipients=[r for r in event.recipients if r.country == c],
                          id=f"{event.id}-{c}", explanation=[
                              *event.explanation, f"one consultation per counterpart: {c}"])
                  for c in countries]
    return split


def _one_act(a: Event, b: Event, doc) -> bool:
    """'fired a missile, wounding two soldiers', 'was arrested and remains detained',
    'refused to accept', 'travelled to Kyiv and met Zelensky': a participle of result, a
    complement of the same type, or a conjoined verb of the same code (any consultation
    verb: a visit and its meeting are one consultation), by the same actors
    against compatible targets, reports one act."""
    ta, tb = _token_at(doc, a.trigger_start), _token_at(doc, b.trigger_start)
    if ta is None or tb is None or {m.country for m in a.actors} != {m.country for m in b.actors}:
        return False
    ra, rb = {m.country for m in a.recipients}, {m.country for m in b.recipients}
    if ra and rb and not ra & rb:
        return False
    first, second = (ta, tb) if ta.i < tb.i else (tb, ta)
    if first.dep_ == "nsubj" and first.head == second:
        return True  # "protests by farmers disrupted traffic": the protests did it
    if first.pos_ == "NOUN" and first.dep_ in {"dobj", "nsubjpass"}:
        first = first.head  # "began exercises around Taiwan, sending warships": the noun's
        # light verb heads the participle
    if second.head.i != first.i:
        return False
    return (second.dep_ == "advcl" and second.tag_ == "VBG") or second.dep_ == "xcomp" or (
        second.dep_ == "conj" and (a.cameo == b.cameo or (
            a.plover == "CONSULT" and "negation" not in a.modes + b.modes))) or (  # "refused to accept the truce"
        second.dep_ == "ccomp" and first.lemma_ in THREAT_HEADS)  # "warned it would respond"


def _sides(event: Event) -> frozenset[frozenset[str]]:
    sides = [frozenset(m.country for m in event.actors),
             frozenset(m.country for m in event.recipients)]
    return frozenset(sides) if event.plover == "CONSULT" else frozenset(
        [frozenset(("A", *sides[0])), frozenset(("R", *sides[1]))])


def _normative(verb: Token, reporting: frozenset[str]) -> bool:
    """'should', 'must' or 'ought to': an opinion, the writer's or a speaker's ('Trump said
    Russia should withdraw' is his demand, coded as such, not a withdrawal)."""
    chain = list(_clause_chain(verb, reporting))
    reported = chain[-1].dep_ == "ccomp" and chain[-1].head.lemma_ in reporting
    obliged = any(tok.lemma_ in OBLIGATION_WORDS for tok in chain[1:])  # "obliged to arrest"
    return (obliged and not reported) or any(
        c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for tok in chain for c in tok.children)


def _requested(verb: Token) -> bool:
    """Whether the verb is what someone asks another to do (the complement of 'urge',
    'call on', 'ask', 'demand', 'press')."""
    while verb.dep_ == "conj":  # "urged them to repatriate and prosecute"
        verb = verb.head
    head = verb.head
    if verb.dep_ == "ccomp" and head.lemma_ in DEMAND_HEADS:
        return True  # "demands that Ukraine withdraw"
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_ in REQUEST_NOUNS and any(
            c.dep_ in SUBJECT_DEPS or (c.dep_ == "mark" and c.lower_ == "that")
            for c in verb.children):
        return True  # "Trump's demand that Germany repatriate"
    infinitive = verb.dep_ in {"advcl", "ccomp"} and any(c.lower_ == "to" and c.dep_ == "aux"
                                                         for c in verb.children)
    # "told reporters he expected": a finite clause under "tell" is reported, not requested
    return (verb.dep_ == "xcomp" or infinitive) and head.lemma_ in REQUEST_HEADS and (
        any(c.dep_ in {"dobj", "prep"} for c in head.children) or head.lemma_ in SELF_REQUESTS)


def _is_consult(pattern: VerbPattern) -> bool:
    """CAMEO 04: meetings, calls, visits."""
    return pattern.cameo.startswith("04")


def _other_parties(actors: list[ActorMention], recipients: list[ActorMention]
                   ) -> list[ActorMention]:
    """Recipients that are not the actors themselves (nor their country named bare, nor
    something of theirs: 'seized its own territory', but 'seized the army's stronghold'
    targets the army; nor their own side in an event referred to: 'hosted the meeting')."""
    own, own_codes = {a.country for a in actors}, {a.code for a in actors}
    return [r for r in recipients if all(r.start != a.start for a in actors)
            and r.code not in own_codes
            and not (r.country in own and (r.kind in {"country", "place", "event-actor"} or (
                r.kind == "modifier" and not r.sector)))]


def _drop_bare_countries(mentions: list[ActorMention]) -> list[ActorMention]:
    """'Dmitriev ... Russia': a bare country adds nothing beside an actor of that country."""
    specific = {m.country for m in mentions if m.kind not in {"country", "place"}}
    return [m for m in mentions if m.kind not in {"country", "place"} or m.country not in specific]


def _domestic(actor: ActorMention, sector: str, why: str) -> ActorMention:
    """The default target of a domestic act: protesters' government, police's crowd."""
    return ActorMention(text="", start=actor.start, end=actor.start,
                        code=f"{actor.country}{sector}", country=actor.country, sector=sector,
                        kind="agent", rule=f"{why}:default-{sector}",
                        article_id=actor.article_id, sentence_index=actor.sentence_index)


def _reciprocal(trigger: Token) -> bool:
    """'condemned each other', 'met one another'."""
    for tok in trigger.subtree:
        if tok.lower_ in {"other", "another"} and any(
                c.lower_ in {"each", "one"} for c in tok.children):
            return True
    return False


def _split_sides(actors: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    """For meetings with no stated recipient, 'A and B met': the first country's actors
    are the actor, the others the recipient (CONSULT is scored as an unordered pair)."""
    if not actors:
        return actors, []
    first = actors[0].country
    return ([a for a in actors if a.country == first], [a for a in actors if a.country != first])


def _clause_chain(token: Token, reporting: frozenset[str] = frozenset()) -> Iterator[Token]:
    """The token and the words governing it, up to the clause a reporting verb governs."""
    current = token
    for _ in range(10):
        yield current
        if current.dep_ in {"ROOT", "parataxis", "relcl"} or current.head is current:
            return  # a relative clause keeps its own modes
        if current.dep_ == "ccomp" and (current.head.lemma_ in reporting
                                        or current.head.lemma_ in NEGATING_HEADS):
            return
        current = current.head


def _modes(trigger: Token, reporting: frozenset[str]) -> tuple[list[str], list[str]]:
    """PLOVER's auxiliary modes from the clause chain above the trigger."""
    modes: list[str] = []
    why: list[str] = []

    def add(mode: str, reason: str) -> None:
        if mode not in modes:
            modes.append(mode)
            why.append(f"{mode}: {reason}")

    chain = list(_clause_chain(trigger, reporting))
    top = chain[-1]
    reported = top.dep_ == "ccomp" and top.head.lemma_ in reporting
    conditional = next((t for t in chain if _has_condition(t)), None)
    if conditional is not None:
        add("hypothetical", f"conditional clause at '{conditional.text}'")
    own_scope = True  # negation reaches down through complements, not into adjuncts
    intent_scope = True  # "expected X but had not spoken": intent does not cross 'but'
    aux_scope = True
    for below, tok in zip([None, *chain], chain):
        if below is not None and below.dep_ in {"advcl", "conj", "acl"} and not (
                below.dep_ == "acl" and tok.lemma_ in INTENT_NOUNS):  # "no plans to meet"
            own_scope = False  # "had not intended X and offered Y": Y is not negated
        if below is not None and below.dep_ == "conj":
            intent_scope = False
            # "would continue and accused": a finite verb carries its own tense
            aux_scope = aux_scope and below.tag_ not in FINITE_TAGS
        kids = list(tok.children)
        if own_scope and (any(c.dep_ == "neg" for c in kids) or (tok.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in kids))):
            add("negation", f"'{tok.text}' is negated")  # "did not meet", "had no plans"
        aux = {c.lower_ for c in kids if c.dep_ in {"aux", "auxpass"}} if aux_scope else set()
        if aux & FUTURE_AUX or {"going"} <= aux:
            add("future", f"auxiliary at '{tok.text}'")
        elif "would" in aux and reported and conditional is None:
            add("future", f"'would' in reported speech at '{tok.text}'")  # said it would
        elif aux & HYPOTHETICAL_AUX:
            add("hypothetical", f"modal '{min(aux & HYPOTHETICAL_AUX)}'")
        if (tok is not trigger and intent_scope and tok.lemma_ in INTENT_HEADS
                and tok.lemma_ != trigger.lemma_):  # not "expected X but had not spoken"
            add("future", f"intent verb '{tok.text}'")
        if tok is not trigger and own_scope and tok.lemma_ in NEGATING_HEADS:
            add("negation", f"governed by '{tok.text}'")
    if top.dep_ == "ccomp" and top.head.lemma_ in NEGATING_HEADS:
        add("negation", f"reported under '{top.head.text}'")
    return modes, why


def _refusal(trigger: Token, modes: list[str], reporting: frozenset[str]) -> bool:
    """'would not join', 'will not take part', 'had no plans to meet', 'refused to
    release': an actor declaring it will not act refuses (PLOVER REJECT). A denial
    ('denied it had plans to return') or a failure stays a negated event."""
    if "negation" not in modes:
        return False
    heads = {tok.lemma_ for tok in _clause_chain(trigger, reporting) if tok is not trigger}
    top = list(_clause_chain(trigger, reporting))[-1]
    denied = heads & {"deny", "fail"} or top.head.lemma_ in {"deny", "fail"}
    return not denied and ("future" in modes or bool(heads & {"refuse", "decline", "unwilling"}))


def _has_condition(token: Token) -> bool:
    """'if'/'unless' on the clause or on a clause under it; 'even if' concedes a fact."""
    def conditional(clause: Token) -> bool:
        kids = list(clause.children)
        return any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in kids) and not any(
            c.dep_ == "advmod" and c.lower_ == "even" for c in kids)
    return conditional(token) or any(c.dep_ == "advcl" and conditional(c)
                                     for c in token.children)


def _proviso(clause: Token) -> bool:
    """'would not conclude trade deals while the fighting continued': a 'while' clause
    under a future or hypothetical clause states a condition, not what is going on."""
    return any(m.dep_ == "mark" and m.lower_ == "while" for m in clause.children) and any(
        a.dep_ == "aux" and a.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX
        for a in clause.head.children)


def _reporting_verb(trigger: Token, reporting: frozenset[str]) -> Token | None:
    """The verb that reports the trigger's clause ('said that ...', 'warned that ...')."""
    top = list(_clause_chain(trigger, reporting))[-1]
    return top.head if top.dep_ == "ccomp" and top.head.lemma_ in reporting else None


def _reporting_speaker(trigger: Token, reporting: frozenset[str]) -> Token | None:
    verb = _reporting_verb(trigger, reporting)
    subjects = conjoined_subjects(verb, frozenset(SUBJECT_DEPS)) if verb is not None else []
    return subjects[0] if subjects else None


def _after_publication(when: TimeExpression, published: date) -> bool:
    """A day or month that starts after the article was published."""
    if when.granularity not in {"day", "month"}:
        return False
    return when.value > published.isoformat()[:len(when.value)]


def _before_window(when: TimeExpression, published: date) -> bool:
    end = when.end_value or when.value
    year = int(end[:4])
    last_day = {"day": end, "month": f"{end}-28", "year": f"{year}-12-31",
                "decade": f"{year + 9}-12-31"}.get(when.granularity)
    if not last_day:
        return False
    return date.fromisoformat(last_day[:10]) < published - HISTORICAL_AFTER


def _confidence(pattern: VerbPattern, actors: list[ActorMention],
                recipients: list[ActorMention], when: TimeExpression | None,
                modes: list[str]) -> float:
    score = 0.5 + 0.1 * min(pattern.specificity, 2) + (0.15 if recipients else 0)
    score += 0.05 if when else 0
    score += 0.1 if all(a.rule.startswith("actor:") for a in actors) else 0
    score -= 0.1 if {"hypothetical", "negation"} & set(modes) else 0
    return round(min(score, 0.95), 2)
