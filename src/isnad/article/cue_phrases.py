"""The phrases around a reporting cue, read token by token: which tokens are cues, the source
phrase after or before a cue (up to a content opener, punctuation, a date, a statement setting,
a long quotation or a complement), the outlet it was spoken to (``للجارديان``), and the reported
content after it (a quotation, or the clause up to the next cue that opens a new clause). Used by
`isnad.article.attributions`, which decides what the phrases mean."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from isnad.arabic import (
    Token,
    conjunction_forms,
    has_conjunction,
    has_glued_preposition,
    is_definite,
    is_pronoun_complement,
    is_stopword,
    lexicon,
    particle_forms,
    strip_particles,
)
from isnad.arabic.dates import starts_date
from isnad.arabic.speakers import (
    AUDIENCES,
    DATA_NOUNS,
    DAY_WORDS,
    NOT_CUE_SPELLINGS,
    ON,
    SHOWING_VERBS,
    STATEMENT_FORMS,
    ends_source,
)
from isnad.model import Article, Span

MAX_SOURCE_TOKENS = 14  # "مدير الإدارة العامة للعلاقات والإعلام بالمديرية العقيد حمد بن عبدالعزيز السعد"
MAX_SOURCE_BEFORE = 10
LINK_EXTENSION = 2  # words a source phrase may run past its limit to end a name cut after بن
MAX_APPOSITION_TOKENS = 6
QUOTE_SEARCH_TOKENS = 16  # a long apposition may stand between: قال فلان، مستشار ... في ...، للجارديان: "..."
MAX_QUOTED_NAME_TOKENS = 5  # a quoted name in a source phrase: صحيفة "وول ستريت جورنال"
MIN_CONTENT_BEFORE = 3  # fewer tokens before a prepositional cue are not a clause of their own
QUOTES_OPEN = {'"', "“", "«", "„"}
QUOTES_CLOSE = {'"', "”", "»"}
COMMAS = {"،", ",", ":"}
# Marks between a cue and its content, in the normalised form: "قال: ...", "وقال؛ ...", "قال، ...".
CONTENT_MARKS = {",", ":", ";"}
CueKind = Literal["verb", "preposition", "participle"]


def cue_kind(token: Token) -> CueKind | None:
    """Whether a token is a reporting cue, and which kind (a glued و/ف looked through, and for
    prepositions ب/ل as well: وبحسب، للمسؤولين)."""
    if token.text in NOT_CUE_SPELLINGS:
        return None
    return _cue_kind(token.norm)


@lru_cache(maxsize=1 << 16)
def _cue_kind(norm: str) -> CueKind | None:
    # Cached: every token of every sentence is asked about, and words repeat.
    if norm in lexicon.NOT_CUES:
        return None
    verb_forms = conjunction_forms(norm)
    if any(
        f in lexicon.REPORTING_VERBS or f in SHOWING_VERBS or f in lexicon.MORE_REPORTING_VERBS
        for f in verb_forms
    ):
        return "verb"
    if any(f in lexicon.REPORTING_PREPOSITIONS for f in particle_forms(norm)):
        return "preposition"
    if any(f in lexicon.PARTICIPLE_CUES for f in verb_forms):
        return "participle"
    return None


def is_form_of(token: Token, words: set[str] | frozenset[str]) -> bool:
    return any(f in words for f in particle_forms(token.norm))


def is_statement_noun(token: Token) -> bool:
    """A statement a source gave: بيان، تصريح، كلمة ... (also with a possessive: مؤتمرها)."""
    return is_form_of(token, lexicon.STATEMENT_NOUNS) or token.norm in STATEMENT_FORMS


def is_statement_or_document(token: Token) -> bool:
    """A statement or a document (بيان، تصريح، تقرير، دراسة ...)."""
    return is_statement_noun(token) or is_form_of(token, lexicon.DOCUMENT_NOUNS)


def skip_preposition_words(tokens: list[Token], j: int) -> int:
    while j < len(tokens) and tokens[j].norm in lexicon.CUE_LINKS:
        j += 1  # بحسب ما، وفقا لـ، نقلا عن
    return j


def after_preposition(tokens: list[Token], i: int) -> bool:
    """Whether a verb cue follows بحسب ما / حسبما / وفقا لما, which put its content before it."""
    if i >= 1 and tokens[i - 1].norm in lexicon.ACCORDING_AS:
        return False  # "وحسبما نقلت الصحيفة عن ..., يعتقد أن": the content follows
    return i >= 2 and tokens[i - 1].norm in lexicon.AS_WHAT and cue_kind(tokens[i - 2]) == "preposition"


def skip_aside(tokens: list[Token], j: int) -> int:
    """Past a short aside in brackets after a source: "محمد علي الشهراني (من سكان المروة) إلى
    أن", "روسل خانداكر (20 عاما)", "لهيئة الإذاعة البريطانية (بي.بي.سي):"."""
    if j < len(tokens) and tokens[j].text == "(":
        for k in range(j + 1, min(j + 2 + MAX_APPOSITION_TOKENS, len(tokens))):
            if tokens[k].text == ")":
                return k + 1
    return j


def skip_apposition(tokens: list[Token], j: int) -> int:
    """Past a short apposition between commas: "التقرير، الذي ترجمته عربي21، عن ..."."""
    if j < len(tokens) and tokens[j].text in COMMAS:
        for k in range(j + 1, min(j + 2 + MAX_APPOSITION_TOKENS, len(tokens))):
            if tokens[k].text in COMMAS:
                return k + 1
    return j


def source_after(tokens: list[Token], j: int) -> tuple[list[Token], int]:
    """The noun phrase from token j up to a content opener, punctuation or another cue."""
    phrase: list[Token] = []
    quoted = closed = False
    # A name the length limit cuts after بن or عبد goes on to the word they lead to.
    while j < len(tokens) and (
        len(phrase) < MAX_SOURCE_TOKENS
        or (len(phrase) < MAX_SOURCE_TOKENS + LINK_EXTENSION and phrase[-1].norm in lexicon.NEVER_LAST_LINKS)
    ):
        token = tokens[j]
        if (
            closed
            and not is_definite(token.norm)
            and any(is_form_of(t, lexicon.OUTLET_NOUNS) for t in phrase)
        ):
            break  # past a paper's quoted name only its adjectives follow: "واشنطن بوست" الأميركية | وجود
        if not quoted and token.text in QUOTES_OPEN and not quotes_a_name(tokens, j):
            break  # "قال دبلوماسيون “إنهم ...”", "وقال صالح " يمكننا ...": a quotation, not a name
        if token.text in QUOTES_OPEN or token.text in QUOTES_CLOSE:
            j += 1  # outlet names are often quoted: صحيفة "ديلي تلغراف"
            closing = quoted and token.text in QUOTES_CLOSE
            quoted = not closing and token.text in QUOTES_OPEN
            describes = bool(phrase) and is_form_of(
                phrase[0], lexicon.PERSON_TITLES | lexicon.DESCRIPTION_HEADS
            )
            if closing and j < len(tokens) and not is_definite(tokens[j].norm) and not describes:
                # The name is closed, and no adjective (البريطانية) follows: يروي "اريستيدو" تفاصيل;
                # but a person's description goes on to the name: مدير "تعليم الليث" مرعي البركاتي.
                break
            closed = closed or closing
            continue
        if starts_date(tokens, j) or _starts_day(tokens, j):
            break  # "تقرير نشره الكونغرس في أيلول الماضي": the date is not part of the source
        if token.norm == lexicon.FROM_SOURCE and phrase and phrase[-1].norm in lexicon.ISSUED_BY:
            phrase.append(token)
            j += 1
            continue
        if token.text == "." and phrase and phrase[-1].norm in lexicon.ABBREVIATED_TITLES:
            j += 1  # "قال د. محمد العلي": the dot of a title
            continue
        if (
            token.kind == "punct"
            or token.norm in lexicon.CONTENT_OPENERS
            or token.norm in lexicon.NEGATIONS
            or token.norm in lexicon.CONJOINED_NEGATIONS  # "مواقع جهادية ولا يمكن التحقق من صحته"
        ):
            break
        if token.norm in lexicon.SOURCE_ENDS or strip_particles(token.norm) in lexicon.WEEKDAYS:
            break  # "العقيد منصور الدوسري فقد ...", "حذرت الأحد من ..."
        # "تقرير مصور على موقع ...": a report on a site, whose publisher the site is
        on_medium = (
            j + 1 < len(tokens)
            and token.norm == ON
            and is_form_of(tokens[j + 1], lexicon.OUTLET_NOUNS)
            and bool(phrase)
            and is_form_of(phrase[0], lexicon.DOCUMENT_NOUNS)
        )
        if (
            phrase
            and ends_source(token.norm, phrase[-1].norm)
            and not is_name_ali(token.text)
            and not on_medium
        ):
            break  # "جوارديولا عقب المباراة", "شكري على أهمية", "البريكان قائلا"
        if (
            phrase
            and token.norm in lexicon.ASKED
            and j + 1 < len(tokens)
            and tokens[j + 1].norm in lexicon.NOT_NAMED
        ):
            break  # "مسؤول عسكري طلب عدم الكشف عن هويته"
        if (
            token.norm == ON
            and phrase
            and j + 1 < len(tokens)
            and (tokens[j + 1].norm in lexicon.CONTENT_OPENERS or tokens[j + 1].norm in lexicon.AS_WHAT)
        ):
            break  # "وشدد وزير الداخلية على أن", "أكدت الأمانة على ما سبق": على opens the content
        if phrase and token.norm in lexicon.IN_ONES_NAME and phrase[-1].norm not in lexicon.SPOKESMEN:
            break  # "وأعرب الملك المفدى باسمه واسم شعب المملكة عن ..."
        if phrase and is_pronoun_complement(token.norm):
            break  # "وفق عبد الرحمن لوجودها على طريق": the reason, not the source
        reader_follows = j + 1 < len(tokens) and tokens[j + 1].norm in lexicon.TRANSLATED_BY
        if phrase and token.norm in lexicon.RELATIVE_PRONOUNS and reader_follows:
            break  # "التقرير الذي أطلعت عليه الوكالة": the reader is not the source
        if phrase and token.norm in lexicon.RELATIVE_PRONOUNS and not is_statement_or_document(phrase[0]):
            break  # "وقال باركر الذي انضم للتشكيلة ...": a clause about the speaker (a report's names its publisher)
        if (
            phrase
            and token.norm == lexicon.IN
            and j + 1 < len(tokens)
            and (is_statement_noun(tokens[j + 1]) or is_form_of(tokens[j + 1], lexicon.DOCUMENT_NOUNS))
        ):
            break  # "قالت القوات الكردية في بيان", "وقال محقق من الهيئة في التقرير": where it was said
        if (
            token.norm == lexicon.FROM_CONTENT
            and j + 1 < len(tokens)
            and tokens[j + 1].norm in lexicon.CONTENT_OPENERS
        ):
            break  # "حذر من أن"
        if cue_kind(token) is not None:
            break
        phrase.append(token)
        j += 1
    return phrase, j


def is_name_ali(surface: str) -> bool:
    """Whether a token written علي (with a dotted ya) is the name Ali, not the preposition على,
    which both read as علي once normalised: "محمد علي الشهراني"."""
    return surface.endswith("علي") and len(surface) <= 4


def _starts_day(tokens: list[Token], j: int) -> bool:
    """ "يوم الاثنين", "مساء أمس": a time, not a source ("قال يوم الاثنين إن")."""
    return (
        tokens[j].norm in DAY_WORDS
        and j + 1 < len(tokens)
        and strip_particles(tokens[j + 1].norm) in lexicon.WEEKDAYS
    )


def past_time(tokens: list[Token], j: int) -> int:
    """Past the time words between a source and what it said: "وتوقع بولارد أمس الأول أن",
    "قال الوزير مساء الأحد إن", "أكد لاحقا أن"."""
    while j < len(tokens):
        word = strip_particles(tokens[j].norm)
        after_yesterday = j and word == lexicon.YESTERDAY_FIRST and tokens[j - 1].norm == lexicon.YESTERDAY
        if not (
            word in lexicon.WEEKDAYS or word in DAY_WORDS or word in lexicon.TIME_ADVERBS or after_yesterday
        ):
            return j
        j += 1
    return j


def quotes_a_name(tokens: list[Token], j: int) -> bool:
    """Whether the quotation mark at j opens a quoted name (صحيفة "ديلي تلغراف", مدير "تعليم
    الليث"): names are short and hold no function words, so the mark closes within a few words,
    none of them a stopword, and no content opens ("هذه أهم لحظة في حياتي" is a quotation)."""
    if opens_content(tokens, j + 1):
        return False
    for k in range(j + 1, min(j + 2 + MAX_QUOTED_NAME_TOKENS, len(tokens))):
        if tokens[k].text in QUOTES_CLOSE:
            return k > j + 1
        if is_stopword(tokens[k].text):
            return False
    return False


def can_name_a_source(phrase: list[Token]) -> bool:
    """A source phrase starts with a noun: not a number, a preposition or another function word
    ("خلال صيف", "من خلالها", "بعضهم" are not speakers)."""
    head = phrase[0]
    if len(phrase) > 1 and head.norm in lexicon.ONE_OF:
        return True  # "أوضحت إحدى المنظمات الخيرية"
    if head.norm in lexicon.NOT_SPEAKERS and all(t.norm in lexicon.TIME_ADVERBS for t in phrase[1:]):
        return False  # "كشف العلم مؤخرا أن": science, no one
    return head.kind in ("word", "latin") and not is_stopword(head.text)


def opens_content(tokens: list[Token], j: int, *, quotes: bool = False) -> bool:
    """Whether reported content opens at token j (أن، إن، إلى أن ..., or a colon; with
    ``quotes``, also a semicolon, a quotation, or a comma before one)."""
    if j >= len(tokens):
        return False
    if tokens[j].norm in lexicon.CONTENT_OPENERS or tokens[j].text == ":":
        return True
    if tokens[j].norm == ON and j + 1 < len(tokens) and tokens[j + 1].norm in lexicon.CONTENT_OPENERS:
        return True  # "وشدد الوزير على أن ..."
    if not quotes:
        return False
    if tokens[j].norm == ";":
        return True  # "وأضاف؛ لقد لاحظنا ..."
    if tokens[j].text in COMMAS and j + 1 < len(tokens):
        return opens_content(tokens, j + 1, quotes=True)
    return tokens[j].text in QUOTES_OPEN


def opens_with_verb(first: Token, cue: Token) -> bool:
    """Whether a sentence's first word may be a verb whose subject a later bare cue shares: an
    indefinite content word that is no cue, feminine (ending in ت) when the cue is
    (``وتبنت ... وقالت``, ``استنكر ... وأكدوا``)."""
    word = conjunction_forms(first.norm)[-1]
    if word == lexicon.EXPRESSED:
        return not conjunction_forms(cue.norm)[-1].endswith("ت")  # "وعبر نائب رئيس الوفد ... وقال"
    if first.kind != "word" or len(word) < 3 or is_definite(word) or is_stopword(word):
        return False
    if cue_kind(first) is not None or has_glued_preposition(first.norm):
        return False
    feminine = conjunction_forms(cue.norm)[-1].endswith("ت")
    return word.endswith("ت") or not feminine


def participle_opens(tokens: list[Token], k: int) -> bool:
    """A participle is a cue only when content opens right after it (لافتا إلى أن, معتبرة ان),
    not when it qualifies a noun (أعداد معتبرة)."""
    return opens_content(tokens, k + 1) or (k + 1 < len(tokens) and tokens[k + 1].text in QUOTES_OPEN)


def source_before(tokens: list[Token], i: int, *, across_comma: bool = False) -> list[Token]:
    """The subject noun phrase before a cue, back to the sentence start or punctuation
    (``across_comma``: the phrase before a comma that stands right before the cue)."""
    phrase: list[Token] = []
    j = i - 1
    if j >= 0 and tokens[j].norm in lexicon.PRONOUN_SUBJECTS:
        return []  # "لكنهم قالوا": the subject is a pronoun
    if j >= 0 and tokens[j].norm in lexicon.PERFECT_PARTICLES:
        j -= 1  # "وكانت الوزارة قد أعلنت"
    if across_comma:
        if j < 0 or tokens[j].text not in COMMAS:
            return []
        j -= 1
    while j >= 0 and len(phrase) < MAX_SOURCE_BEFORE:
        token = tokens[j]
        if token.text in QUOTES_OPEN or token.text in QUOTES_CLOSE:
            j -= 1
            continue
        if token.text == "." and j and tokens[j - 1].norm in lexicon.ABBREVIATED_TITLES:
            j -= 1  # "مدير المستشفى د. عبدالله الشهري أكد": the dot of a title
            continue
        if (
            token.kind == "punct"
            or any(f in lexicon.CONTENT_OPENERS for f in conjunction_forms(token.norm))  # "وأنه سيتم"
            or token.norm in lexicon.CLAUSE_LINKS
            or token.norm in lexicon.CONDITIONALS
            or token.norm in lexicon.SOURCE_ENDS
            or (j and tokens[j - 1].norm in lexicon.PRESENTATIVES)  # "وعلى كل حال ها هو طارق كيال يقول"
        ):
            break
        if starts_date(tokens, j):
            phrase = []  # the date and what follows it are not the source
        else:
            phrase.insert(0, token)
        j -= 1
    while phrase and (phrase[0].norm in lexicon.AUXILIARIES or phrase[0].norm in lexicon.SUBJECT_PARTICLES):
        phrase.pop(0)
    return trim_addressee(phrase)


def is_addressee(token: Token) -> bool:
    """``للجارديان``, ``للصحيفة``: the outlet spoken to, not the speaker."""
    if not has_glued_preposition(token.norm):
        return False
    rests = [f for f in particle_forms(token.norm) if f != token.norm]
    return bool(lexicon.canonical_outlet(token.text)) or any(
        r in lexicon.OUTLET_NOUNS or r in lexicon.ANAPHORIC_SOURCES for r in rests
    )


def leading_addressee(tokens: list[Token], j: int) -> tuple[list[Token], int]:
    """An addressee written apart right after a cue, before its subject (``أكد لـ«عكاظ» وكيل
    الوزارة``): its tokens and where the subject starts; ``([], j)`` when there is none. (A glued
    one, ``قال لوكالة الأنباء الألمانية``, is read with the source phrase: `addressee_start`.)"""
    if j + 1 >= len(tokens) or tokens[j].norm not in lexicon.BARE_TO:
        return [], j
    k = j + 1
    if tokens[k].text not in QUOTES_OPEN:
        return tokens[j : k + 1], k + 1
    for end in range(k + 2, min(k + 2 + MAX_QUOTED_NAME_TOKENS, len(tokens))):
        if tokens[end].text in QUOTES_CLOSE:
            return [tokens[j], *tokens[k + 1 : end]], end + 1
    return [], j


def statement_addressee(tokens: list[Token], i: int) -> list[Token]:
    """The outlet a statement was given to, when the statement opens the clause before the cue:
    ``وفي تصريح لوكالة فرانس برس، قالت ...`` (the addressee's tokens, or none)."""
    k = i - 1
    if k >= 0 and tokens[k].text in COMMAS:
        k -= 1
    end = k + 1
    while k >= 1 and tokens[k].kind != "punct" and end - k <= MAX_APPOSITION_TOKENS:
        if is_statement_noun(tokens[k]) and tokens[k - 1].norm in lexicon.IN_FORMS:
            addressee = tokens[k + 1 : end]
            return addressee if addressee_start(addressee) == 0 else []
        k -= 1
    return []


def addressee_start(phrase: list[Token]) -> int | None:
    """Where the addressee of a source phrase starts: its last word (``للجارديان``; "لصحيفة"
    inside a phrase is a possessive, تقرير لصحيفة ...), or a phrase that opens with it (``قال
    لوكالة الأنباء الألمانية``)."""
    documents = lexicon.DOCUMENT_NOUNS | DATA_NOUNS
    if phrase and any(f in documents for f in particle_forms(phrase[0].norm)):
        return None  # "تقرير لصحيفة وول ستريت جورنال", "مسح لرويترز": the publisher's, no addressee
    if phrase and is_addressee(phrase[-1]):
        return len(phrase) - 1
    for k, token in enumerate(phrase):
        if token.norm in lexicon.BARE_TO and k + 1 < len(phrase):
            return k  # "مصادر لـ سبق" (the quotation marks are not in the phrase)
        # "مصادر محلية لوكالة الأنباء الألمانية"; past the first word, a known outlet too:
        # "بارتوميو لهيئة الإذاعة البريطانية"
        if glued_outlet(phrase, k, len(phrase)) and (k or token.norm[1:] in lexicon.OUTLET_NOUNS):
            return k
    return None


def glued_outlet(tokens: list[Token], k: int, end: int) -> bool:
    """Whether tokens[k:end] name an outlet with ل glued to the first word: an outlet noun
    (``لوكالة``) or a known outlet (``لفرانس برس``, ``لهيئة الإذاعة البريطانية``)."""
    token = tokens[k]
    if not (has_glued_preposition(token.norm) and token.norm.startswith("ل")):
        return False
    return token.norm[1:] in lexicon.OUTLET_NOUNS or bool(
        lexicon.canonical_outlet(" ".join(t.text for t in tokens[k:end]))
    )


def trim_addressee(phrase: list[Token]) -> list[Token]:
    """The source phrase without its addressee and the verb of speaking to it."""
    start = addressee_start(phrase)
    if start is not None:
        phrase = phrase[:start]
    if phrase and phrase[-1].norm in AUDIENCES:
        # "قال قائد الشرطة للصحافيين": an audience, no intermediary; "وقالت للصحفيين": no subject
        phrase = phrase[:-1]
    if len(phrase) > 1 and phrase[-1].norm in lexicon.SPOKE_TO:
        phrase = phrase[:-1]
    return phrase


def content_after(tokens: list[Token], j: int) -> tuple[Span | None, bool, int]:
    """The reported content from token j: a quotation when one opens there and closes the
    clause, else the clause up to the next cue that opens a new clause."""
    while j < len(tokens) and (tokens[j].norm in lexicon.CONTENT_OPENERS or tokens[j].norm in CONTENT_MARKS):
        j += 1
    if j >= len(tokens):
        return None, False, j
    quote = quotation(tokens, j)
    if quote is not None:
        return quote
    end = clause_end(tokens, j)
    last = end - 1
    while last > j and (tokens[last].kind == "punct" or tokens[last].norm in lexicon.CLAUSE_LINKS):
        if tokens[last].text in QUOTES_CLOSE and quote_marks(tokens[j : last + 1]) % 2 == 0:
            break  # the content ends with a quoted phrase: keep its closing mark
        last -= 1
    if tokens[last].kind == "punct" and tokens[last].text not in QUOTES_CLOSE:
        return None, False, j
    return (tokens[j].start, tokens[last].end), False, end


def quote_marks(tokens: list[Token]) -> int:
    return sum(t.text in QUOTES_OPEN or t.text in QUOTES_CLOSE for t in tokens)


def quotation(tokens: list[Token], j: int) -> tuple[Span, bool, int] | None:
    """A quotation opening at j, or after a short apposition and a colon (قال فلان، مستشار: "...")."""
    for k in range(j, min(j + QUOTE_SEARCH_TOKENS, len(tokens) - 1)):
        if tokens[k].text in QUOTES_OPEN and (k == j or tokens[k - 1].text == ":"):
            j = k
            break
    if tokens[j].text not in QUOTES_OPEN:
        return None
    for k in range(j + 1, len(tokens)):
        if tokens[k].text in QUOTES_CLOSE:
            closes_clause = k + 1 >= len(tokens) or tokens[k + 1].kind == "punct"
            if k > j + 1 and closes_clause:
                return (tokens[j + 1].start, tokens[k - 1].end), True, k + 1
            return None
    return None


def clause_end(tokens: list[Token], j: int) -> int:
    """Index where the content starting at j ends: the next participle cue, the next verb cue
    with a conjunction, or the next cue after a comma or a clause link."""
    for k in range(j + 1, len(tokens)):
        kind = cue_kind(tokens[k])
        if kind is None:
            continue
        previous = tokens[k - 1]
        if kind == "participle" and participle_opens(tokens, k):
            return k
        if kind != "participle" and (previous.text in COMMAS or previous.norm in lexicon.CLAUSE_LINKS):
            return k
        if kind == "verb" and has_conjunction(tokens[k].norm):
            return k  # "... إقبالا جيدا وقال؛ ...": a conjoined cue opens a new clause
        if kind == "verb":
            # "...، إلا أن وكيل أعمال اللاعب أكد أن": a contrast after a comma opens a clause
            # whose subject comes before its cue
            comma = next((c for c in range(k - 1, j, -1) if tokens[c].text in COMMAS), None)
            if (
                comma is not None
                and k - comma <= MAX_SOURCE_BEFORE + 2
                and tokens[comma + 1].norm in lexicon.CONTRASTS
            ):
                return comma
    return len(tokens)


def phrase(article: Article, tokens: list[Token]) -> str:
    return article.text[tokens[0].start : tokens[-1].end]
