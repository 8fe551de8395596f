"""Canonical names and kinds of cited sources, so that one source is one node however it is
written: a known outlet's name, a person's name without titles and descriptions, a document's
publisher, places joined by و in one order."""

from __future__ import annotations

import re
from collections.abc import Sequence

from isnad.arabic import (
    has_glued_preposition,
    is_definite,
    is_stopword,
    lexicon,
    normalize,
    particle_forms,
    strip_definite,
    strip_particles,
)
from isnad.arabic.speakers import DATA_NOUNS, NAMED_AFTER_HEADS, glue_quoted_name, titles_a_person
from isnad.model import SourceKind


def canonical_source(source: str, last_outlet: str | None = None) -> str:
    """The canonical name of a cited source: a known outlet's name, the last outlet for
    ``الصحيفة``/``التقرير``, a person's name without titles, a document's publisher; places
    joined by و in one order (``مسؤولون في تركيا وأوروبا`` = ``مسؤولون في أوروبا وتركيا``).
    Words the source phrase holds keep the article's own spelling (``مصادر محلية``, not the
    matching form ``مصادر محليه``)."""
    source = glue_quoted_name(source)
    return as_written(ordered_places(_canonical_source(source, last_outlet)), source)


def as_written(name: str, source: str) -> str:
    """``name`` (words in matching form) with each word spelt as in ``source`` where the source
    holds it, whole or after glued particles (``لتداول`` -> ``تداول``)."""
    written: dict[str, str] = {}
    for word in source.replace('"', " ").split():
        norm = normalize(word)
        written.setdefault(norm, word)
        for cut in range(1, 3):  # و، ل، ب، وب، ول ... glued before the word
            if len(word) > cut + 2 and normalize(word[cut:]) == norm[cut:]:
                written.setdefault(norm[cut:], word[cut:])
        if norm.startswith("لل") and len(norm) > 4:  # للفرنسية: ل before the article's ال
            written.setdefault("ال" + norm[2:], "ال" + word[2:])
    return " ".join(written.get(w, w) for w in name.split())


def earlier_source(canonical: str, earlier: Sequence[tuple[str, str]]) -> str | None:
    """The canonical name of the one earlier source (``(as written, canonical)`` pairs of the same
    article) that a shorter re-mention names: the definite form of its opening words
    (``المصادر``, ``المصادر ذاتها`` for ``مصادر محلية``; ``البيان`` for ``بيان للجيش``), or its
    opening words as written (``مدير المرصد`` for ``مدير المرصد السوري رامي عبد الرحمن``), or a
    definite description by the head noun the earlier phrase describes it with (``المدرب
    الأرجنتيني`` for ``ماوريسيو بوكيتينو مدرب توتنهام``)."""
    words = normalize(canonical).split()
    while len(words) > 1 and words[-1] in lexicon.SAME_AS:
        words.pop()
    if not words or words[-1] in lexicon.ANOTHER:
        return None
    forms = [words]
    definite = all(is_definite(w) for w in words)
    if definite:
        forms.append([strip_definite(w) for w in words])
    head = strip_definite(words[0])
    described = definite and len(words) <= 2 and _starts_description(head)
    found = set()
    for text, name in earlier:
        written = [strip_particles(w) for w in normalize(text).split()]
        for phrase in (written, normalize(name).split()):
            phrase[:1] = [strip_particles(w) for w in phrase[:1]]
            if any(len(phrase) > len(f) and phrase[: len(f)] == f for f in forms):
                found.add(name)
            if definite and len(forms) > 1 and phrase == forms[1]:
                found.add(name)  # "وقالت المصادر" after "أفادت مصادر بسقوط قتلى"
        # "المدرب الأرجنتيني" for "ماوريسيو بوكيتينو مدرب توتنهام": a description by its head noun
        if described and head in written[1:]:
            found.add(name)
    return found.pop() if len(found) == 1 else None


def speaker_then_object(phrase: str, people: Sequence[str]) -> str | None:
    """The person cited before whose name, after the phrase's titles, opens the phrase and is
    followed by an indefinite word: the verb's object ran into the source (``الدكتور محمد البديع
    اعتزاز مستشفى ...`` after ``محمد البديع``; ``القحطاني زيادة``)."""
    words = [strip_particles(w) for w in lexicon.undot_titles(normalize(phrase)).replace('"', " ").split()]
    while words and words[0] in lexicon.PERSON_TITLES:
        words.pop(0)
    for name in people:
        name_words = normalize(name).split()
        for said in (name_words, name_words[-1:]):  # the whole name, or the family name
            n = len(said)
            if len(words) > n and words[:n] == said and not is_definite(words[n]):
                return name
    return None


def is_issued_statement(canonical: str) -> bool:
    """Whether a canonical source is a statement named by its kind alone (``البيان``,
    ``التسجيل الصوتي``): the words of whoever issued the last statement cited."""
    words = normalize(canonical).split()
    return 1 <= len(words) <= 2 and words[0] in lexicon.ISSUED_STATEMENTS


def ordered_places(name: str) -> str:
    """The name with each run of places joined by و sorted, so word order makes one source."""
    words = name.split()
    places = lexicon.place_names()
    out: list[str] = []
    k = 0
    while k < len(words):
        run = [words[k]]
        while k + len(run) < len(words) and words[k + len(run)].startswith("و"):
            run.append(words[k + len(run)])
        bare = [run[0], *(w[1:] for w in run[1:])]
        if len(run) > 1 and all(w in places for w in bare):
            bare.sort()
            out += [bare[0], *("و" + w for w in bare[1:])]
        else:
            out += run
        k += len(run)
    return " ".join(out)


def _canonical_source(source: str, last_outlet: str | None = None) -> str:
    outlet = lexicon.canonical_outlet(source)
    if outlet:
        return outlet
    quoted = _quoted_body_name(source)
    if quoted:
        return quoted
    words = lexicon.undot_titles(normalize(source)).replace('"', " ").split()
    # "الداخلية لاحقا", "عضو مجلس الشورى سابقا نجيب الزامل": an adverb of time is no part of a name
    words = [w for w in words if w not in lexicon.TIME_ADVERBS] or words
    while len(words) > 1 and words[-1] in lexicon.ISSUED_BY:
        words.pop()  # "التسجيل الصوتي الصادر [اليوم]"
    if not words:
        return ""
    if words[0] in lexicon.ANAPHORIC_SOURCES and len(words) <= 2 and last_outlet:
        return last_outlet
    head = set(particle_forms(words[0]))
    document = next((f for f in head if f in lexicon.DOCUMENT_NOUNS or f in DATA_NOUNS), None)
    if document in DATA_NOUNS and len(words) > 1 and _names_a_publisher(words[1]):
        return canonical_source(" ".join(words[1:]), last_outlet)  # "بيانات بورصة موسكو"
    if document is not None and len(words) > 1 and _has_possessor(words):
        # "تقرير تداول", "تقديرات صندوق النقد الدولي", "تقرير الشرطة": the publisher's
        return canonical_source(" ".join(words[1:]), last_outlet)
    if len(words) > 2 and words[0] in lexicon.OUTLET_NOUNS and words[1] in lexicon.NEWS_WORDS:
        return " ".join(words)  # "وكالة أنباء الصين الجديدة": the agency's whole name
    if document is not None or head & lexicon.OUTLET_NOUNS:
        for k in range(1, len(words) - 1):
            if words[k] in lexicon.PUBLISHED_BY:
                while k + 2 < len(words) and words[k + 1] in lexicon.PUBLISHED_BY:
                    k += 1  # "بيان صادر عن الوزارة"
                return canonical_source(" ".join(words[k + 1 :]), last_outlet)
        # The publisher after a glued ل: "التقرير الإحصائي الشهري لتداول", "الموقع الرسمي لنادي العين".
        for k in range(1, min(len(words), 4)):
            if (
                has_glued_preposition(words[k])
                and words[k].startswith("ل")
                and words[k] not in lexicon.LAM_NOUNS
            ):
                publisher = "ال" + words[k][2:] if words[k].startswith("لل") else words[k][1:]
                return canonical_source(" ".join([publisher, *words[k + 1 :]]), last_outlet)
        if document is not None:
            return document
    relative = next((m for m in range(1, len(words)) if words[m] in lexicon.RELATIVE_PRONOUNS), None)
    if relative is None:
        relative = next((m for m in range(1, len(words)) if _opens_a_clause(words, m)), None)
    if relative is not None:
        words = words[:relative]  # "قوة المهام المشتركة التي تشن الحملة", "مسيحيون يتحدرون من ..."
    name_quoted = any(q in source for q in '"«“')
    if head & lexicon.OUTLET_NOUNS and (len(words) > 2 or name_quoted):
        # An outlet no list holds: صحيفة "موندو ديبورتيفو" الإسبانية, موقع "بورد باندا", قناة
        # "الإخبارية"; past its nisba adjectives only (not "وكالة معلومات الطاقة الأمريكية", an
        # agency named in the construct).
        name = words[1:]
        while len(name) > 1 and is_definite(name[-1]) and name[-1].endswith(("ي", "يه")):
            name.pop()
        if not any(is_definite(w) for w in name) or (name_quoted and len(name) == 1):
            return " ".join(name)
    if not _short_after_article(words[0]):
        words[0] = strip_particles(words[0])  # not "بالمر" (Palmer): ب + المر names no one
    if len(words) == 2 and words[0] in lexicon.RANK_TITLES and is_definite(words[1]):
        return words[1]  # "العقيد الدوسري": a family name after a rank (not "المتحدث الرسمي")
    k = 0
    while k < len(words) - 1 and (titles_a_person(words[k]) or (k and is_definite(words[k]))):
        k += 1
    # A title before a name: "المنسق الوطني الفرنسي ديديه بريت" is Didier Bret. Not before a
    # description: "المتحدث باسم الخارجية" stays whole. A name runs up to the next title or
    # description: "المهندس جديع القحطاني المتحدث الرسمي" is جديع القحطاني.
    if k and _starts_a_name(words, k, source):
        end = next((m for m in range(k + 1, len(words)) if _starts_description(words[m])), len(words))
        if not any(describes_at(words, m) for m in range(k, end - 1)):
            return " ".join(words[k:end])
    # A job and its definite complement, then a name of two words or more with no descriptor:
    # "حاكم الولاية عبد الستار بارز" (not "مسؤول حكومي", not "المدير العام ... المهندس صالح").
    if words[0] in lexicon.DESCRIPTION_HEADS:
        m = 1
        # the complement may be a body in the construct: "عضو مجلس الشورى نجيب الزامل"
        while m < len(words) and (describes_at(words, m) or words[m] in lexicon.HEADED_BODIES):
            m += 1
        # the last word may be a definite family name: "مدير المنتخب علي الشعيلان"
        if (
            m > 1
            and len(words) - m >= 2
            and _starts_a_name(words, m, source)  # not "المدير التنفيذي لشركة مترو جدة"
            and not titles_a_person(words[m])  # a title after the job is read below: "مدير المستشفى د. ..."
            and not any(describes_at(words, n) for n in range(m, len(words) - 1))
        ):
            return " ".join(words[m:])
    # A name, then its description: "فهد البقمي عضو لجنة الأوراق المالية", "أشرف القدرة الناطق".
    described = next((m for m in range(2, len(words)) if _starts_description(words[m])), None)
    if (
        described
        and not _titles_a_name(words, described)  # "استشاري أمراض الدم الدكتور عبدالكريم سالم"
        and not _starts_description(words[0])
        and not any(describes_at(words, m) for m in range(described - 1))
        and not set(words[:described]) & lexicon.OFFICIAL_NOUNS
    ):
        return " ".join(words[:described])
    # A description, then a title and a name: "الناطق الإعلامي لشرطة جازان المقدم محمد الحربي".
    titles = [
        m
        for m in range(1, len(words) - 1)
        if words[m] in lexicon.PERSON_TITLES and not set(particle_forms(words[m - 1])) & NAMED_AFTER_HEADS
    ]  # not "كلية الهندسة بجامعة الملك عبدالعزيز": a place named after a king
    if words[0] in lexicon.GROUP_HEADS:
        titles = []  # "عائلة زعيم طالبان ...": the family, not its late leader
    if titles and _titles_a_name(words, titles[-1]):
        return canonical_source(" ".join(words[titles[-1] :]), last_outlet)
    spokesman = _spokesman_name(words)
    return spokesman or " ".join(words)


def _starts_a_name(words: list[str], k: int, source: str) -> bool:
    """Whether words[k], after a title or a job, may start a person's name: not definite, no
    function word (but the name علي), no glued preposition, no head of a body or place ("رئيس
    مجلس إدارة ...", "المدير التنفيذي لشركة ...")."""
    word = words[k]
    heads = lexicon.ORGANISATION_HEADS | lexicon.PLACE_HEADS | lexicon.INSTITUTION_HEADS
    return (
        not is_definite(word)
        and (not is_stopword(word) or _is_ali(word, source))
        and not has_glued_preposition(word)
        and word not in heads
    )


def _is_ali(word: str, source: str) -> bool:
    """Whether the normalised علي is the name Ali: the phrase writes it with a dotted ya, where
    the preposition على has an alif maqsura."""
    return word == "علي" and "علي" in source.replace(".", " ").split()


def _short_after_article(word: str) -> bool:
    """Whether a word reads as ب/ل + the article + two letters at most (``بالمر``): a name that
    starts with those letters rather than a preposition glued to a definite noun."""
    return word.startswith(("بال", "لال")) and len(word) <= 5


def _opens_a_clause(words: list[str], m: int) -> bool:
    """Whether words[m] is a plural present verb after an indefinite noun, a relative clause
    without its pronoun: "مسيحيون يتحدرون من المدينة" (the source is the noun)."""
    word, before = words[m], words[m - 1]
    return (
        len(word) >= 6
        and word.startswith("ي")  # not a name such as "ستار تربيون"
        and word.endswith("ون")
        and not is_definite(before)
        and not has_glued_preposition(before)
    )


def _quoted_body_name(source: str) -> str | None:
    """A body's own name in quotation marks after its head noun: جماعة "لايون إيد" للحفاظ على
    الأسود is لايون إيد."""
    match = re.match(r'\s*(\S+)\s*["“«]([^"”»]{2,40})["”»]', source)
    if not match or normalize(match.group(1)) not in lexicon.QUOTED_NAME_HEADS:
        return None
    name = match.group(2).strip()
    return name if 1 <= len(name.split()) <= 4 else None


def _spokesman_name(words: list[str]) -> str | None:
    """The name after "المتحدث باسم طالبان" / "الناطق باسم حركة طالبان": past باسم, a body's
    head noun, its one-word name and its adjectives, a name of two words or more."""
    if len(words) < 5 or words[0] not in lexicon.PERSON_TITLES or words[1] not in lexicon.NOT_NAMES:
        return None
    k = 2 + (words[2] in lexicon.ORGANISATION_HEADS) + 1
    while k < len(words) and is_definite(words[k]):
        k += 1
    name = words[k:]
    if len(name) < 2 or is_stopword(name[0]):
        return None
    return " ".join(name)


def _has_possessor(words: list[str]) -> bool:
    """Whether an indefinite document noun is followed by its possessor, a definite noun: an
    indefinite noun's adjective would be indefinite too ("تقرير الشرطة", not "تقرير مصرفي").
    (An indefinite name, ``تقرير تداول``, cannot be told from an adjective by its letters.)"""
    head, after = words[0], words[1]
    glued = has_glued_preposition(head) and head not in lexicon.DOCUMENT_NOUNS  # بيان is no ب + يان
    if is_definite(head) or glued or is_stopword(after):
        return False
    if after in lexicon.PUBLISHED_BY or after in lexicon.ISSUED_BY or after in lexicon.TIME_ADVERBS:
        return False
    if (
        after in lexicon.LAM_NOUNS
        or after in lexicon.INSTITUTION_HEADS
        or after in lexicon.ORGANISATION_HEADS
    ):
        return True  # "تقرير لجنة ...", "بيان وزارة الخارجية": a body, named in the construct
    if has_glued_preposition(after):
        return False  # "تقرير لصحيفة ...": read by the glued-ل rule
    if len(words) > 2 and is_definite(words[2]) and not after.endswith(("ي", "يه")):
        return True  # "تقديرات وسائل الاعلام": the possessor is a construct itself (no adjective)
    return is_definite(after)


def _names_a_publisher(word: str) -> bool:
    """Whether the word after a data noun starts its publisher (بيانات بورصة موسكو), not an
    adjective (بيانات رسمية، بيانات صينية) or a participle (بيانات صادرة عن ...)."""
    adjective = word.endswith(("يه", "ي"))
    return not (is_definite(word) or adjective or word in lexicon.PUBLISHED_BY or word in lexicon.ISSUED_BY)


def _titles_a_name(words: list[str], m: int) -> bool:
    """Whether words[m] is a person's title with a name after it (الدكتور عبدالكريم, not
    الناطق باسم)."""
    if words[m] not in lexicon.PERSON_TITLES or m + 1 >= len(words):
        return False
    after = words[m + 1]
    heads = lexicon.ORGANISATION_HEADS | lexicon.PLACE_HEADS | lexicon.INSTITUTION_HEADS
    return not is_definite(after) and not is_stopword(after) and after not in lexicon.NOT_NAMES | heads


def describes_at(words: list[str], m: int) -> bool:
    """Whether words[m] is a definite descriptor, not part of a name (عبد الله، بن الحسن)."""
    return is_definite(words[m]) and not (m and words[m - 1] in lexicon.NAME_LINKS)


def _starts_description(word: str) -> bool:
    return word in lexicon.PERSON_TITLES or word in lexicon.DESCRIPTION_HEADS or word in lexicon.NOT_NAMES


def source_kind(source: str) -> SourceKind:
    """What kind of source a cited phrase names, judged by its words."""
    words = normalize(source).split()
    word_set = {f for w in words for f in particle_forms(w)}
    if lexicon.canonical_outlet(source) or word_set & lexicon.OUTLET_NOUNS:
        return "outlet"
    if word_set & (lexicon.DOCUMENT_NOUNS | DATA_NOUNS):
        return "document"
    if words and any(f in lexicon.ANONYMOUS_NOUNS for f in particle_forms(words[0])):
        return "anonymous"
    if word_set & lexicon.OFFICIAL_NOUNS:
        return "official"
    if word_set & lexicon.PERSON_TITLES or 1 <= len(words) <= 4:
        return "person"
    return "other"


def names_no_one(canonical: str) -> bool:
    """Whether a canonical source is only a kind of document with no author or publisher
    (``التقديرات``, ``البيان``): cited, but not a source anyone could trace."""
    words = normalize(canonical).split()
    return len(words) == 1 and any(
        f in lexicon.DOCUMENT_NOUNS or f in DATA_NOUNS for f in particle_forms(words[0])
    )
