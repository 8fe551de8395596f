"""Attributions: who is cited, through which cue, saying what.

Pattern-based over the text layer's tokens, one clause at a time:
- verb cues in verb-first order, ``ذكرت صحيفة الغارديان أن ...`` (source after the cue), or
  after their subject, ``مسؤولون في تركيا قالوا إن ...`` (source before the cue);
- prepositional cues, ``بحسب الصحيفة`` / ``وفقا للمسؤولين``: the content is the clause before
  the cue when there is one, else the clause after it; ``بحسب ما قال دبلوماسيون`` likewise;
- participle cues that go on reporting the previous source, ``..., لافتا إلى أن ...``, and
  continuing verbs without a subject, ``ويضيف للجارديان: "..."``;
- chains: ``نقلت الصحيفة عن مسؤولين أتراك`` (source: the officials, via: the paper; an apposition
  such as ``الذي ترجمته عربي21`` may stand between), ``قالت بحسب الصحيفة`` (via the paper),
  ``وتطرق التقرير بحسب المركز`` (the report citing the centre);
- anaphora: ``وتقول الصحيفة`` resolves to the last outlet the article named, a relative pronoun
  (``التي قالت``) to the source named just before.
Reported content runs to the end of the clause: the sentence end, or the next cue that opens a
new clause (after a comma or فيما، حيث ...). A quotation is direct content when it closes the
clause; a quoted phrase inside running content (``أن "المسلحين الأجانب" لم يعودوا``) is not.
The source's addressee (``للجارديان``, ``تحدثوا للصحيفة``) is not part of the source: it is the
source's intermediary (``via``), as is the medium that carried a statement (``في تصريح بثه
الموقع الرسمي لنادي العين``) or saw a report (``الذي أطلعت عليه واس``), and the report whose
content a trailing ``بحسب تقرير لصحيفة ...`` cites. Verbs with another common sense (أضاف هدفا،
نقل المباراة) are cues only when content plainly opens after their subject. Canonical names and
kinds are `isnad.article.source_names`'; reading the phrases around a cue is
`isnad.article.cue_phrases`'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from isnad.arabic import (
    Token,
    conjunction_forms,
    has_conjunction,
    has_glued_preposition,
    is_definite,
    is_stopword,
    lexicon,
    normalize,
    particle_forms,
    strip_particles,
    tokenize,
)
from isnad.arabic.speakers import (
    ANNOUNCING_VERBS,
    SHOWING_VERBS,
    is_prepositional_object,
    names_a_manner,
    relative_is_object,
    reports_with_object,
    titles_a_person,
    turn_length,
    turned_out,
)
from isnad.article.cue_phrases import (
    COMMAS,
    LINK_EXTENSION,
    MAX_SOURCE_TOKENS,
    MIN_CONTENT_BEFORE,
    addressee_start,
    after_preposition,
    can_name_a_source,
    content_after,
    cue_kind,
    is_form_of,
    is_statement_noun,
    is_statement_or_document,
    leading_addressee,
    opens_content,
    opens_with_verb,
    participle_opens,
    past_time,
    phrase,
    skip_apposition,
    skip_aside,
    skip_preposition_words,
    source_after,
    source_before,
    statement_addressee,
    trim_addressee,
)
from isnad.article.source_names import (
    canonical_source,
    earlier_source,
    is_issued_statement,
    source_kind,
    speaker_then_object,
)
from isnad.article.subject_ends import (
    before_announced,
    before_bi,
    before_object,
    before_warning,
    glued_bi,
    name_follows,
)
from isnad.model import Article, Attribution, SourceKind, Span

MAX_CLAUSE_SUBJECT = 6  # "وتبنت الحركة الانفصالية الكردية ... وقالت": a short subject


@dataclass(frozen=True)
class _Source:
    """A cited source as written, with its canonical name and kind."""

    text: str
    canonical: str
    kind: SourceKind
    via: str | None = None


def _is_body(attribution: Attribution) -> bool:
    """Whether a cited source is a body (a ministry, a council, a company), which publishes reports."""
    words = normalize(attribution.source).split()
    heads = lexicon.INSTITUTION_HEADS | lexicon.ORGANISATION_HEADS | lexicon.QUOTED_NAME_HEADS
    return attribution.kind == "official" or (bool(words) and strip_particles(words[0]) in heads)


def _medium_at(tokens: list[Token], m: int) -> bool:
    """Whether the medium a statement was given through is named from token m on: "عبر
    التلفزيون", or an interview's "مع قناة ..."."""
    if m >= len(tokens):
        return False
    with_outlet = (
        m + 1 < len(tokens)
        and tokens[m].norm == lexicon.WITH
        and is_form_of(tokens[m + 1], lexicon.OUTLET_NOUNS)
    )
    return tokens[m].norm in lexicon.THROUGH or with_outlet


def _names_again(subject: str, earlier: str) -> bool:
    """Whether a clause's subject opens with a word of the name of the source cited before it."""
    first = [strip_particles(w) for w in normalize(subject).split()[:1]]
    return bool(first) and first[0] in normalize(earlier).split()


def find_attributions(article: Article, sentences: Sequence[list[Token]] | None = None) -> list[Attribution]:
    """Every attribution in the article's sentences, in text order (``sentences``: their tokens,
    when the caller has them already)."""
    if sentences is None:
        sentences = [tokenize(article.text, start, end) for start, end in article.sentences]
    reader = _Reader(article)
    for tokens in sentences:
        reader.read_sentence(tokens)
    return reader.found


def _person_after_comma(
    tokens: list[Token], j: int, titles: frozenset[str]
) -> tuple[list[Token], int] | None:
    """A description's person after a comma, introduced by one of ``titles``: the name phrase and
    where it ends, or None ("وفقًا لمدير شرطة المنطقة، اللواء عبدالعزيز الصولي،")."""
    if not (j + 1 < len(tokens) and tokens[j].text in COMMAS and tokens[j + 1].norm in titles):
        return None
    named, after = source_after(tokens, j + 1)
    return (named, after) if len(named) > 1 else None


def _introduces_a_person(tokens: list[Token]) -> bool:
    """Whether a clause names a person by a title or "called" ("مقاتل في «داعش» يدعى سيف الله")."""
    return any(titles_a_person(t.norm) or t.norm in lexicon.CALLED for t in tokens)


def _lam_of_cue(cue: Token, first: Token) -> bool:
    """Whether the ل glued to a cited phrase is the cue's (وفقا لوكالة الطاقة), not an addressee's."""
    return is_form_of(cue, lexicon.TAKE_LAM) and first.norm[:1] == "ل"


MAX_SETTING_WORDS = 8  # "في تقريرها السنوي لعام 2014،": where a statement was made, before a relay


class _Reader:
    """Reads the sentences of one article in order, remembering what anaphora resolve to."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.found: list[Attribution] = []
        self.speaker: Attribution | None = None  # the last attribution not nested in another
        self.last_outlet: str | None = article.outlet
        self.sentence: list[Attribution] = []
        self.tokens: list[Token] = []  # the sentence being read
        self.previous: list[Token] = []  # the sentence before it, when it cited no one

    def read_sentence(self, tokens: list[Token]) -> None:
        self.previous = self.tokens if not self.sentence else []
        self.sentence = []
        self.tokens = tokens
        i = 0
        while i < len(tokens):
            kind = cue_kind(tokens[i])
            attribution, next_i = None, i
            if kind == "verb":
                attribution, next_i = self._verb(tokens, i)
            elif kind == "preposition":
                attribution, next_i = self._preposition(tokens, i)
            elif kind == "participle":
                attribution, next_i = self._participle(tokens, i)
            elif tokens[i].norm in lexicon.CAME_IN:
                attribution, next_i = self._came_in(tokens, i)
            if attribution is None:
                i += 1
                continue
            self.found.append(attribution)
            inside = (
                self.speaker is not None
                and self.speaker.quote_span is not None
                and (self.speaker.quote_span[0] <= tokens[i].start < self.speaker.quote_span[1])
            )
            if not inside:
                self.speaker = attribution
            self.sentence.append(attribution)
            # An outlet cited in a trailing clause (", بحسب تقرير لصحيفة وول ستريت جورنال") is a
            # source of the source: "الصحيفة" further on still means the article's main outlet.
            trailing = (
                kind == "preposition"
                and next_i <= i + 1 + MAX_SOURCE_TOKENS
                and (attribution.quote_span is not None and attribution.quote_span[0] < tokens[i].start)
            )
            if attribution.kind == "outlet" and not trailing:
                self.last_outlet = attribution.source_canonical
            elif attribution.via:
                self.last_outlet = attribution.via
            i = max(next_i, i + 1)

    # -- the three cue kinds -------------------------------------------------------------------

    def _verb(self, tokens: list[Token], i: int) -> tuple[Attribution | None, int]:
        cue = tokens[i]
        if conjunction_forms(cue.norm)[-1] == lexicon.SHOWED and (
            cue.norm == lexicon.SHOWED or (i and tokens[i - 1].kind != "punct")
        ):
            return None, i  # "بين الطرفين", "X وبين Y": between; "وبين العساف أن" opens a clause
        if i and tokens[i - 1].norm in lexicon.BEFORE_VERBAL_NOUNS:
            return None, i  # "تم نقل اللقاء", "بعدم نقل المباريات": a verbal noun
        if i and tokens[i - 1].norm in lexicon.GENERIC_WHO:
            return None, i  # "من يزعم ...": whoever says it, no one cited
        lead, start = leading_addressee(tokens, i + 1)
        source_tokens, j = source_after(tokens, start)
        if (
            start + 1 < len(tokens)
            and tokens[start].norm == lexicon.ON_WORD
            and opens_content(tokens, start + 1)
        ):
            source_tokens, j = [], start  # "وكيل اللاعب أكد على أن": the subject came before
        # "وقال نائب الناطق الإعلامي بمديرية الدفاع المدني، النقيب نايف الجهني، إن"
        named = _person_after_comma(tokens, j, lexicon.RANK_TITLES) if source_tokens else None
        if named is not None:
            source_tokens, j = named
        if source_tokens:
            j = skip_aside(tokens, j)
        if source_tokens and is_form_of(cue, lexicon.WARNING_VERBS):
            source_tokens, j = before_warning(tokens, source_tokens, j)
        if source_tokens and is_form_of(source_tokens[0], lexicon.OBJECT_NOUNS):
            source_tokens, j = [], start  # "وأكد ضرورة ...": the object; the subject is unsaid
        if (
            source_tokens
            and is_form_of(cue, lexicon.ESTIMATING_VERBS)
            and is_form_of(source_tokens[0], lexicon.MEASURE_SUBJECTS)
        ):
            return None, i  # "وقدّر حجم المنصرف بنحو ...": a measure estimated, no one cited
        if source_tokens and all(t.norm in lexicon.PRONOUN_ADDRESSEES for t in source_tokens):
            source_tokens, j = [], start + len(source_tokens)  # "ويقول لي:": the one spoken to
        source_tokens, j = before_object(tokens, source_tokens, j)
        if source_tokens and is_form_of(cue, lexicon.BI_VERBS) and not opens_content(tokens, j, quotes=True):
            source_tokens, j = before_bi(tokens, source_tokens, j)
        announced = False
        if source_tokens and is_form_of(cue, ANNOUNCING_VERBS):
            source_tokens, j, announced = before_announced(tokens, source_tokens, j)
        source: _Source | None = None
        if is_form_of(cue, lexicon.RELAY_VERBS) and len(source_tokens) < MAX_SOURCE_TOKENS:
            # "ونقلت وكالة الأنباء الإماراتية أمس عن ...", "وكانت صحيفة «الخبر» نقلت عن ...": the
            # relayer after the verb (time words stepped over) or, with none there, before it.
            relayer = source_tokens or source_before(tokens, i)
            k = past_time(tokens, skip_apposition(tokens, j))
            if relayer and k < len(tokens) and tokens[k].norm == lexicon.FROM_SOURCE:
                cited, j = source_after(tokens, k + 1)
                if cited:
                    via = self._resolve(relayer).canonical
                    source = self._resolve(cited, via)
        if source is None and j < len(tokens) and cue_kind(tokens[j]) == "preposition":
            cited, after = source_after(tokens, skip_preposition_words(tokens, j + 1))
            if cited and source_tokens:  # "وتطرق التقرير بحسب المركز": the report cites the centre
                source = self._resolve(cited, self._resolve(source_tokens).canonical)
                cue, j = tokens[j], after
            elif cited:  # "قالت بحسب الصحيفة": the subject said it, through the paper
                source_tokens, j = [], after
                before = source_before(tokens, i) or source_before(tokens, i, across_comma=True)
                if before:
                    source = self._resolve(before, self._resolve(cited).canonical)
        if source is None:
            source = self._source_of(tokens, i, source_tokens)
        if source is None:
            return None, i
        spoken_to = self._addressee_outlet(lead or source_tokens)
        if spoken_to is None:
            spoken_to = self._addressee_outlet(statement_addressee(tokens, i))
        if spoken_to is not None and source.via is None and source.canonical != spoken_to:
            source = replace(source, via=spoken_to)  # "قال X للجارديان": the paper carried it
        j, carrier = self._statement_setting(tokens, j)
        if carrier is None:
            j, carrier = self._seen_by(tokens, j)
        if carrier is not None and source.via is None:
            source = replace(source, via=carrier)
        j = past_time(tokens, j)
        if source.via is None:
            source = replace(source, via=self._relayed_by(tokens, j))
        # A verb of showing is a cue only after بحسب/حسبما, for the clause before: "حسبما أظهر
        # مسح لرويترز" (not "يظهر التطبيق للسائقين ...").
        showing = is_form_of(cue, SHOWING_VERBS)
        if showing and not (i and cue_kind(tokens[i - 1]) == "preposition"):
            return None, i
        needs_opener = is_form_of(cue, lexicon.NEEDS_OPENER) and not after_preposition(tokens, i)
        said_in = j < len(tokens) and cue_kind(tokens[j]) == "verb"  # "نشرت الصحيفة تقريرا قالت فيه"
        relayed = source.via is not None and is_form_of(cue, lexicon.RELAY_VERBS)  # "نقلت الصحيفة عن"
        # A phrase cut by length ran into the content: what follows it opens nothing.
        # A statement a medium carried is a saying: "وكتب بالمر في بيان نشره موقع صحيفة ...".
        about = (
            j < len(tokens)
            and tokens[j].norm == lexicon.FROM_SOURCE
            and is_form_of(cue, lexicon.WRITING_VERBS)
        )
        k = j + 1 if j < len(tokens) and tokens[j].text in COMMAS else j
        moved = is_form_of(cue, lexicon.RELAY_VERBS) and k < len(tokens) and tokens[k].norm == lexicon.TOWARDS
        opens = (
            announced
            or carrier is not None
            or (
                len(source_tokens) < MAX_SOURCE_TOKENS
                and opens_content(tokens, j, quotes=True)
                and not (about or moved)
            )
        )
        if needs_opener and not (said_in or relayed or opens):
            return None, i  # "أضاف المهاجم الهدف الثاني", "نشرت قوات": not saying
        if is_form_of(cue, lexicon.WRITING_VERBS) and carrier is None and len(source_tokens) < 2:
            return None, i  # "كتبت عبارة", "وكتبت تحتها:": a named writer writes, "كتبت" is often passive
        if after_preposition(tokens, i) or showing:  # "بحسب ما قال دبلوماسيون": the content came before
            content = self._content_before(tokens, i)
            if content is not None:
                return self._make(cue, source, content, False), j
        content_span, direct, next_i = content_after(tokens, j)
        if content_span is None and i and tokens[i - 1].norm in lexicon.ACCORDING_AS:
            # "..., حسبما أفاد المرصد أمس.": nothing follows, so the content came before
            content_span, direct, next_i = self._content_before(tokens, i), False, j
        if content_span is None:
            return None, i
        return self._make(cue, source, content_span, direct), next_i

    def _relayed_by(self, tokens: list[Token], j: int) -> str | None:
        """The medium a prepositional cue names between a verb's source and its content: "وقالت
        الهيئة في تقريرها السنوي، وفقا لموقع «أرقام» إن" has the authority's words through Argaam."""
        # right after the source, or after a comma that ends the setting ("في تقريرها السنوي،")
        starts = [j] + [
            m + 1 for m in range(j, min(j + MAX_SETTING_WORDS, len(tokens) - 1)) if tokens[m].text in COMMAS
        ]
        k = next((m for m in starts if m < len(tokens) and cue_kind(tokens[m]) == "preposition"), None)
        if k is None:
            return None
        cited, _ = source_after(tokens, skip_preposition_words(tokens, k + 1))
        if not cited:
            return None
        glued_lam = _lam_of_cue(tokens[k], cited[0])
        relay = self._resolve(cited, glued_lam=glued_lam and cited[0].norm[:2] != "لل")
        return relay.canonical if relay.kind == "outlet" else None

    def _addressee_outlet(self, source_tokens: list[Token]) -> str | None:
        """The outlet a source spoke to (``للجارديان``, ``للصحيفة``, ``لوكالة الأنباء الألمانية``),
        which carries its words."""
        start = addressee_start(source_tokens)
        if start is None:
            return None
        addressee = source_tokens[start:]
        if addressee[0].norm in lexicon.BARE_TO:  # "لـ «عكاظ»": only a known outlet is a via
            return lexicon.canonical_outlet(phrase(self.article, addressee[1:]))
        text = phrase(self.article, addressee)
        outlet = lexicon.canonical_outlet(text)
        anaphoric = any(f in lexicon.ANAPHORIC_SOURCES for f in particle_forms(addressee[0].norm))
        if outlet is None and len(addressee) == 1 and anaphoric:
            outlet = self.last_outlet  # "للصحيفة": the paper last named
        if outlet is None and len(addressee) > 1:
            outlet = canonical_source(text[1:], self.last_outlet)
        return outlet

    def _statement_setting(self, tokens: list[Token], j: int) -> tuple[int, str | None]:
        """Past "في بيان" / "في تصريح بثه الموقع الرسمي لنادي العين" after a source: where the
        content may start, and the medium that carried the statement (its via), if named."""
        if not (j + 1 < len(tokens) and tokens[j].norm == lexicon.IN and is_statement_noun(tokens[j + 1])):
            return j, None
        k = j + 2
        # "في تصريح بثه الموقع", "في كلمة عبر التلفزيون", "في كلمة ألقاها عبر التلفزيون", and an
        # interview with a medium: "في مداخلة مع قناة الإخبارية"
        through = next((m for m in (k, k + 1) if _medium_at(tokens, m)), None)
        if k < len(tokens) and (tokens[k].norm in lexicon.CARRIED_BY or through is not None):
            carrier, after = source_after(tokens, (through if through is not None else k) + 1)
            if carrier:
                return after, self._resolve(carrier).canonical
        # "في تغريدة له على موقع التواصل الاجتماعي "تويتر"": the platform carried it.
        m = k + 1 if k < len(tokens) and tokens[k].norm in lexicon.HIS_OWN else k
        if m + 1 < len(tokens) and tokens[m].norm == lexicon.ON_WORD:
            site, after = source_after(tokens, m + 1)
            platform = lexicon.platform_named([t.norm for t in site])
            if platform is not None:
                return after, platform
        for m in range(k, min(k + 4, len(tokens))):  # "في بيان له أن", "في بيان صحفي:"
            if opens_content(tokens, m, quotes=True):
                return m, None
        return k, None

    def _seen_by(self, tokens: list[Token], j: int) -> tuple[int, str | None]:
        """Past "الذي أطلعت عليه وكالة الأنباء السعودية" after a source: the outlet that saw or
        translated the report is its intermediary."""
        if not (j + 1 < len(tokens) and tokens[j].norm in lexicon.RELATIVE_PRONOUNS):
            return j, None
        if tokens[j + 1].norm not in lexicon.TRANSLATED_BY:
            return j, None
        k = j + 2
        if k < len(tokens) and tokens[k].norm in lexicon.ON_IT:
            k += 1
        carrier, after = source_after(tokens, k)
        if not carrier:
            return j, None
        return after, self._resolve(carrier).canonical

    def _came_in(self, tokens: list[Token], i: int) -> tuple[Attribution | None, int]:
        """ "وجاء في البيان أن", "جاء في تقرير لجنة ... أن": the document, read as a source is
        (its publisher, or the last issuer for a bare البيان), when content opens after it."""
        if (
            i + 2 >= len(tokens)
            or tokens[i + 1].norm != lexicon.IN
            or not is_statement_or_document(tokens[i + 2])
        ):
            return None, i
        source_tokens, j = source_after(tokens, i + 2)
        if not source_tokens or not opens_content(tokens, j, quotes=True):
            return None, i
        content, direct, next_i = content_after(tokens, j)
        if content is None:
            return None, i
        return self._make(tokens[i], self._resolve(source_tokens), content, direct), next_i

    def _preposition(self, tokens: list[Token], i: int) -> tuple[Attribution | None, int]:
        cue = tokens[i]
        if cue.norm == lexicon.ON_TONGUE and not (i and tokens[i - 1].norm in lexicon.ON_BEFORE):
            return None, i  # "رئيس بلدية سابق لسان فرانسيسكو": ل + سان, no cue
        j = skip_preposition_words(tokens, i + 1)
        if j < len(tokens) and is_form_of(tokens[j], lexicon.ACCOUNT_NOUNS):
            j += 1  # "وفقا لرواية ثلاثة أشخاص"
        k = j + 1 if j < len(tokens) and tokens[j].norm in lexicon.AS_WHAT else j
        # ما may be read here or among the links: "لما ذكره", "بحسب ما نقلته وكالة رويترز".
        as_what = (
            k > j
            or tokens[i].norm.endswith("ما")
            or any(t.norm in lexicon.AS_WHAT for t in tokens[i + 1 : j])
        )
        # The source follows the verb of telling: "طبقا لما ذكره جول محمد بيدار", "حسبما نشرته
        # صحيفة ...", and past its object after a ب: "بحسب ما أفاد به قائد الشرطة".
        with_object = k < len(tokens) and reports_with_object(tokens[k].norm)
        with_bi = (
            k + 1 < len(tokens) and cue_kind(tokens[k]) == "verb" and tokens[k + 1].norm in lexicon.WITH_IT
        )
        told = as_what and (with_object or with_bi)
        if told:
            j = k + 2 if with_bi else k + 1
        if j < len(tokens) and cue_kind(tokens[j]) == "verb":
            return None, i  # "حسبما نقلت ..." is read at the verb
        if not told and any(t.norm in lexicon.AS_WHAT for t in tokens[i + 1 : j]):
            return None, i  # "بحسب ما أعرف": ما opens a clause, and its verb is not one of saying
        source_tokens, j = source_after(tokens, j)
        # After وفقا the ل glued to the source is the cue's, not an outlet spoken to: "وفقا لوكالة
        # الطاقة" is the agency, "وفقا لوزارة الصحة" the ministry (لل is read off as the article's).
        glued_lam = bool(source_tokens) and _lam_of_cue(cue, source_tokens[0])
        if not glued_lam:
            source_tokens = trim_addressee(source_tokens)
        following = source_tokens[1].norm if len(source_tokens) > 1 else ""
        if not source_tokens or names_a_manner(source_tokens[0].norm, following):
            return None, i  # "وفق أسلوب ...", "حسب نوعها": how, not who
        # "وفقًا لمدير شرطة المنطقة، اللواء عبدالعزيز الصولي،": the person the description names.
        named = _person_after_comma(tokens, j, lexicon.PERSON_TITLES)
        if named is not None:
            (source_tokens, j), glued_lam = named, False
        source = self._resolve(source_tokens, glued_lam=glued_lam and source_tokens[0].norm[:2] != "لل")
        content = self._content_before(tokens, i)
        if content is not None:
            citing = next((a for a in reversed(self.sentence) if a.quote_span == content), None)
            # "ويستدرك التقرير بأن ...، بحسب تقرير لصحيفة وول ستريت جورنال": the report cites
            # the paper, so the paper reaches the article through the report.
            if (
                citing is not None
                and citing.kind in ("outlet", "document")
                and source.via is None
                and citing.source_canonical != source.canonical
            ):
                source = replace(source, via=citing.source_canonical)
            return self._make(cue, source, content, False), j
        content, _, next_i = content_after(tokens, j)
        if content is None and i == 0 and self.previous:
            # "... الحالي.وفقا لوكالة رويترز.": a cue that is a sentence of its own reports the one
            # before it (which cited no one)
            words = [t for t in self.previous if t.kind != "punct"]
            content = (words[0].start, words[-1].end) if words else None
        if content is None:
            return None, i
        return self._make(cue, source, content, False), next_i

    def _participle(self, tokens: list[Token], i: int) -> tuple[Attribution | None, int]:
        if not participle_opens(tokens, i):
            return None, i
        # The participle's subject is the main clause's: the sentence's first source, else the
        # subject of the verb that opened the sentence ("أجاب عبدالعزيز ... قائلا:", "من جهته
        # أثنى السفير ... مشيرا إلى أن"), else the last source.
        source: _Source | None = None
        if self.sentence:
            # the speaker of the clause it follows, not one cited inside that speaker's words
            speaking = self.speaker in self.sentence
            previous: Attribution | None = self.speaker if speaking else self.sentence[0]
        else:
            source = self._clause_subject(tokens, i, titled=True)
            last = self.found[-1] if self.found else None
            if source is not None and last is not None and _names_again(source.text, last.source_canonical):
                source = None  # "وأهاب الأحمري الجميع ...، مشيرا": the speaker named before
            previous = last if source is None else None
            # A sentence whose verb has a subject of its own, and that names a person by a title
            # or "called", not the last speaker, is not his to go on: "وجّه مقاتل في «داعش» يدعى سيف
            # الله اليماني نداء ... قائلا" after a sentence quoting Obama. A subject that is no
            # person ("ساعد في ذلك حالة الرفاه ...، معتبراً") leaves the participle to him.
            subject = (
                self._clause_subject(tokens, i, min_words=1) if source is None and last is not None else None
            )
            if (
                subject is not None
                and last is not None
                and _introduces_a_person(tokens[:i])
                and not _names_again(subject.text, last.source_canonical)
            ):
                previous = None
        if previous is not None:
            source = _Source(previous.source, previous.source_canonical, previous.kind, previous.via)
        if source is None:
            return None, i
        content, direct, next_i = content_after(tokens, i + 1)
        if content is None:
            return None, i
        return self._make(tokens[i], source, content, direct), next_i

    # -- sources -------------------------------------------------------------------------------

    def _source_of(self, tokens: list[Token], i: int, after: list[Token]) -> _Source | None:
        """The source of a verb cue: after it, else before it, else (for continuing verbs) the
        previous source; relative pronouns resolve to the source named before them.

        Unvocalised يعتقد، يقال، يقدر are as often passive ("it is believed") as active, so they
        need a source after them that names someone who speaks (not "عددهم" ...)."""
        after = trim_addressee(after)
        if len(after) == 1 and after[0].norm in lexicon.IN_IT:
            # "أدلى سمو الأمير عبدالعزيز بن سعد بتصريح قال فيه:": the one who gave it
            return self._clause_subject(tokens, i, min_words=1) or self._speaker_source()
        if after and is_prepositional_object(after[0].norm):
            after = []  # "اعترف بالخطأ": the object, after a subject written before the verb
        if after and not can_name_a_source(after):
            return None  # "نقل 5 ملايين مسافر", "يحذر فيها ...": not a speaker after the verb
        if after and turned_out(tokens[i].norm, after[0].norm):
            return None  # "وتبين سلامتها": what turned out, no speaker
        if is_form_of(tokens[i], lexicon.PASSIVE_PRONE_VERBS):
            source = self._resolve(after) if after else None
            return source if source is not None and source.kind not in ("person", "other") else None
        if after:
            return self._resolve(after)
        if has_conjunction(tokens[i].norm):
            # "أما مدرب بنما داريو غوميز فقال": the topic is the subject.
            topic = source_before(tokens, i)
            if len(topic) > 1 and topic[0].norm == lexicon.TOPIC and tokens[i].norm.startswith("ف"):
                return self._resolve(topic[1:]) if can_name_a_source(topic[1:]) else None
            # "وقال؛ ..." with no subject after it: a conjoined verb opens a new clause, so its
            # subject is not the end of the last one, but the speaker already quoted.
            if not is_form_of(tokens[i], lexicon.CONTINUING_VERBS | lexicon.SAY_VERBS):
                return None
            return self._clause_subject(tokens, i) or self._speaker_source()
        if i and tokens[i - 1].norm in lexicon.GOING_ON:
            return self._speaker_source()  # "ومضى يقول": the last speaker goes on
        if i and relative_is_object(tokens[i - 1].norm, tokens[i].norm) and opens_content(tokens, i + 1):
            # "وانتقد أردوغان الدول التي قال إنها": he said it, not the countries
            return self._clause_subject(tokens, i, min_words=1) or self._speaker_source()
        before = source_before(tokens, i)
        if before and not (len(before) == 1 and before[0].norm in lexicon.RELATIVE_PRONOUNS):
            return self._resolve(before) if can_name_a_source(before) else None
        if not before:
            # "مصادر داخل التنظيم، قالت": a comma may part a long subject from its verb, when
            # the subject is plainly a speaker (sources, officials, an outlet, a document).
            spoken = source_before(tokens, i, across_comma=True)
            source = self._resolve(spoken) if spoken else None
            if source is not None and source.kind not in ("person", "other"):
                return source
        previous = self.sentence[-1] if self.sentence else None
        if before and previous is not None:
            return _Source(previous.source, previous.source_canonical, previous.kind, previous.via)
        if not before and is_form_of(tokens[i], lexicon.CONTINUING_VERBS):
            return self._speaker_source()
        return None

    def _clause_subject(
        self, tokens: list[Token], i: int, min_words: int = 2, *, titled: bool = False
    ) -> _Source | None:
        """The subject of the verb that opened this sentence, or the last one when it cited no
        one, for a conjoined cue without a subject that is the first of its sentence: "وتبنت
        الحركة الانفصالية الكردية ... . وقالت: إن", "استنكر أهالي المناطق الجنوبية ... . وأكدوا
        أن", "ونعت كتائب القسام ...، وقالت:"."""
        if self.sentence:
            return None
        opening = tokens if i > 1 else self.previous
        turn = turn_length([t.norm for t in opening[:3]])  # "من جهته، أثنى السفير"
        if turn and len(opening) > turn and opening[turn].text in COMMAS:
            turn += 1
        if len(opening) < turn + 3 or not opens_with_verb(opening[turn], tokens[i]):
            return None
        if conjunction_forms(opening[turn].norm)[-1] in lexicon.STANCE_VERBS:
            min_words, titled = 1, False  # "وعبّر الجروان ... عن استنكاره، مؤكداً أن": a speaker
        subject, j = source_after(opening, turn + 1)
        subject, j = before_object(opening, subject, j)
        # A plain subject: up to a preposition or a place after a definite word ("وراهن النصر
        # على اللاعبين", "ودعا المسؤول الإيراني الرياض إلى").
        places = lexicon.place_names()
        # A rank before a name ends a description that may hold prepositions: "سفير سلطنة عمان
        # لدى المملكة الدكتور أحمد البوسعيدي على جهود ..." runs to the name.
        rank = next(
            (
                k
                for k, t in enumerate(subject)
                if k and (t.norm in lexicon.RANK_TITLES or t.norm in lexicon.CALLED)
            ),
            0,
        )
        end = next(
            (
                k
                for k, t in enumerate(subject)
                if k > rank
                and (
                    is_stopword(t.text)
                    or (t.norm in places and is_definite(subject[k - 1].norm))
                    # "وبدأت مصر حفر القناة ...": a place named alone, then its object
                    or (k == 1 and subject[0].norm in places and not is_definite(t.norm))
                    or (has_glued_preposition(t.norm) and is_statement_noun(t))  # "بتصريح"
                    or (titled and glued_bi(t))  # "الدكتور مسلط الشريف ببحث ..."
                )
            ),
            len(subject),
        )
        subject = subject[:end]
        longest = (
            MAX_SOURCE_TOKENS + LINK_EXTENSION if rank and rank + 1 < len(subject) else MAX_CLAUSE_SUBJECT
        )
        place = len(subject) == 1 and subject[0].norm in places  # "وبدأت مصر ... وتقول إن"
        if (
            not (min_words <= len(subject) or place)
            or len(subject) > longest
            or not can_name_a_source(subject)
        ):
            return None
        if is_prepositional_object(subject[0].norm):
            return None  # "ودعا لاستمرار الجهود ...": no subject written
        if (
            titled
            and not any(titles_a_person(t.norm) and name_follows(subject, k) for k, t in enumerate(subject))
            and not is_form_of(subject[0], lexicon.HEADED_BODIES)
        ):
            return None  # for a participle, a plain person (a title and a name) or a body
        if names_a_manner(subject[0].norm):
            return None  # "بلغ عدد الركاب المسافرين ... وأضاف": a measure, no speaker
        source = self._resolve(subject)
        return source if source.kind != "other" else None  # a long phrase, no speaker

    def _speaker_source(self) -> _Source | None:
        """The source of the last attribution that is not nested in another's content."""
        if self.speaker is None:
            return None
        last = self.speaker
        return _Source(last.source, last.source_canonical, last.kind, last.via)

    def _resolve(self, tokens: list[Token], via: str | None = None, *, glued_lam: bool = False) -> _Source:
        """The source a phrase names (``glued_lam``: without the ل its first word carries); a
        re-mention (``المصادر``, ``مدير المرصد``, ``البيان``) is the earlier source it shortens,
        or the last statement's issuer."""
        text = phrase(self.article, tokens).strip('"“”«» ')
        if glued_lam and text.startswith("ل"):
            text = text[1:]
        canonical = canonical_source(text, self.last_outlet)
        written = normalize(text)
        if written in lexicon.HIS_OFFICE:
            # "بحسب ما قال مكتبه": the office of the person just named speaks for him
            person = next((a for a in reversed(self.found) if a.kind in ("person", "official")), None)
            if person is not None:
                return _Source(text, person.source_canonical, person.kind, via)
        if written == lexicon.THE_REPORT and self.last_outlet == self.article.outlet:
            # "وقال التقرير" with no paper cited: not the article's own outlet, but the body
            # last cited, whose report it is ("وقال «مجلس اللاجئين النرويجي» ... وقال التقرير").
            body = next((a for a in reversed(self.found) if _is_body(a)), None)
            if body is not None:
                return _Source(text, body.source_canonical, "document", via)
        named = earlier_source(canonical, [(a.source, a.source_canonical) for a in self.found])
        if named is None:
            named = speaker_then_object(
                text, [a.source_canonical for a in self.found if a.kind in ("person", "official")]
            )
        if named is not None:
            first = next(a for a in self.found if a.source_canonical == named)
            return _Source(text, named, first.kind, via)
        speaker = self._speaker_source()
        if (
            is_issued_statement(canonical)
            and speaker is not None
            and speaker.kind not in ("anonymous", "document")
        ):
            return _Source(text, speaker.canonical, speaker.kind, via)
        return _Source(text, canonical, source_kind(text), via)

    # -- content -------------------------------------------------------------------------------

    def _content_before(self, tokens: list[Token], i: int) -> Span | None:
        """The clause a trailing cue reports: the previous attribution's content in this
        sentence when there is one, else the sentence up to the cue."""
        cue_start = tokens[i].start
        earlier = [a for a in self.sentence if a.quote_span and a.quote_span[1] <= cue_start]
        if earlier and earlier[-1].quote_span is not None:
            return earlier[-1].quote_span
        before = [t for t in tokens[:i] if t.kind != "punct" and t.norm not in lexicon.CLAUSE_LINKS]
        before = [t for t in before if t.end <= cue_start]
        while before and (before[-1].norm in lexicon.AS_WHAT or cue_kind(before[-1]) == "preposition"):
            before.pop()
        if len(before) < MIN_CONTENT_BEFORE:
            return None
        return (before[0].start, before[-1].end)

    def _make(self, cue: Token, source: _Source, content: Span, direct: bool) -> Attribution:
        return Attribution(
            article_id=self.article.id,
            source=source.text,
            source_canonical=source.canonical,
            kind=source.kind,
            cue=cue.text,
            quote=self.article.text[content[0] : content[1]],
            span=(min(cue.start, content[0]), max(cue.end, content[1])),
            quote_span=content,
            direct=direct,
            via=source.via,
            cue_span=(cue.start, cue.end),
        )
