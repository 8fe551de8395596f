"""Arabic labels for the machine values the report shows: verdicts, reasons, subjects, kinds.

analysis.json keeps the English codes programs read (``fighters``, ``travelled``, the reasons
`isnad.event.compare` writes); the report is for Arabic-reading editors, so every code is turned into
Arabic here. A value no table knows is shown as it is rather than hidden.
"""

from __future__ import annotations

import re

from jinja2 import Environment, PackageLoader, StrictUndefined

from isnad.arabic import lexicon

VERDICTS = {"agree": "متّفقة", "conflict": "متعارضة", "differ": "متباينة"}
STANCES = {"agree": "متّفقة", "disagree": "متعارضة", "other": "بلا حكم"}
# The rules `isnad.event.stance` names when it calls a pair of sentences a disagreement.
STANCE_RULES = {
    "negated on one side": "نفيٌ في إحدى الجملتين",
    "incompatible claims": "روايتان لا تجتمعان",
    "opposite words": "ألفاظ متضادة",
    "different numbers": "أرقام مختلفة",
}
PROVENANCE_KINDS = {
    "article": "مقال",
    "outlet": "وسيلة إعلام",
    "person": "شخص",
    "official": "جهة رسمية",
    "document": "وثيقة",
    "anonymous": "مصدر غير مسمّى",
    "other": "أخرى",
}
PROVENANCE_RELATIONS = {"cites": "ينقل عن", "copies": "ينسخ نصاً من", "shares": "نص مشترك"}

# The shapes of the reasons `isnad.event.compare` writes, each with the Arabic it reads as.
_SAME = "same figure and claim"
_NO_CLAIM = "same figure, no claim on either side"
_ONE_SIDE = re.compile(r"a claim on one side only: (?P<predicate>.+)")
_INCOMPATIBLE = re.compile(r"incompatible claims: (?P<a>.+) / (?P<b>.+)")
_DIFFERENT = re.compile(r"different claims: (?P<list>.+)")
_DISAGREE = re.compile(r"the sentences disagree: (?P<list>.+)")
_VALUES = re.compile(r"different figures for the same claim: (?P<a>\S+) / (?P<b>\S+)")
_SENTENCES = re.compile(r"sentences: (?P<list>.+)")
_COUNT = re.compile(r"(?P<n>\d+) (?P<stance>\w+)")
_SHARED = re.compile(r"(?P<n>\d+) shared passages, score (?P<score>[\d.]+)")
# "150 fighters" (a group of matched figures) or "fighters: crossed" (different values of one claim).
_GROUP_SUBJECT = re.compile(r"(?P<value>-?[\d.]+) (?P<subject>.+)")
_CLAIM_SUBJECT = re.compile(r"(?P<subject>[^:]+): (?P<predicate>.+)")


def predicate_label(predicate: str | None) -> str:
    """``travelled`` as السفر, ``not killed`` as عدم القتل."""
    if not predicate:
        return "—"
    if predicate.startswith("not "):
        return lexicon.NEGATED_PREDICATE.format(predicate_label(predicate.removeprefix("not ")))
    return lexicon.PREDICATE_NAMES.get(predicate, predicate)


def subject_class_label(subject: str) -> str:
    """A counted class (``fighters``) in Arabic; a class with no name is already an Arabic word."""
    return lexicon.SUBJECT_CLASS_NAMES.get(subject, subject)


def unit_label(unit: str | None) -> str:
    return lexicon.UNIT_NAMES.get(unit, unit) if unit else "—"


def comparison_subject(subject: str) -> str:
    """``150 fighters`` as مقاتلون (150); ``fighters: crossed`` as مقاتلون: العبور والتسلل."""
    if match := _GROUP_SUBJECT.fullmatch(subject):
        return f"{subject_class_label(match['subject'])} ({_number(match['value'])})"
    if match := _CLAIM_SUBJECT.fullmatch(subject):
        return f"{subject_class_label(match['subject'])}: {predicate_label(match['predicate'])}"
    return subject_class_label(subject)


def comparison_reason(reason: str) -> str:
    """A comparison's reason, part by part (parts are joined by ``; ``), in Arabic."""
    return "؛ ".join(_reason_part(part) for part in reason.split("; ") if part)


def provenance_evidence(evidence: str) -> str:
    """The evidence of a provenance edge; the count of shared passages is written by isnad itself."""
    if match := _SHARED.fullmatch(evidence):
        return f"مقاطع مشتركة: {match['n']}، درجة التشابه {match['score']}"
    return evidence


def number(value: float) -> str:
    """``150.0`` as ``150``, ``12000.0`` as ``12,000``, ``2.5`` as ``2.5``: no float noise on a page."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _number(text: str) -> str:
    """A number written by `isnad.event.compare` into a reason (``30000``), as pages write it."""
    value = float(text)
    return number(value) if value.is_integer() else text


def environment(package: str) -> Environment:
    """The Jinja set-up every page of isnad shares (the report, the web app, the static site):
    escaping on, undefined names an error, and the labels above as filters."""
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        number=number,
        comparison_subject=comparison_subject,
        comparison_reason=comparison_reason,
        predicate_label=predicate_label,
        unit_label=unit_label,
        provenance_evidence=provenance_evidence,
        outlet=lexicon.outlet_name,
    )
    env.globals["VERDICTS"] = VERDICTS
    return env


def _reason_part(part: str) -> str:
    if part == _SAME:
        return "الرقم نفسه والرواية نفسها"
    if part == _NO_CLAIM:
        return "الرقم نفسه، ولا تقول أيّ رواية ما جرى له"
    if match := _ONE_SIDE.fullmatch(part):
        return f"رواية واحدة فقط تقول ما جرى له: {predicate_label(match['predicate'])}"
    if match := _INCOMPATIBLE.fullmatch(part):
        return f"روايتان لا تجتمعان: {predicate_label(match['a'])} / {predicate_label(match['b'])}"
    if match := _DIFFERENT.fullmatch(part):
        names = "، ".join(predicate_label(p) for p in match["list"].split(", "))
        return f"روايات مختلفة لا تتعارض: {names}"
    if match := _DISAGREE.fullmatch(part):
        rules = "، ".join(STANCE_RULES.get(rule, rule) for rule in match["list"].split(", "))
        return f"الجمل متعارضة: {rules}"
    if match := _VALUES.fullmatch(part):
        return f"رقمان مختلفان للرواية نفسها: {match['a']} / {match['b']}"
    if match := _SENTENCES.fullmatch(part):
        counts = [_COUNT.fullmatch(item) for item in match["list"].split(", ")]
        if all(counts):
            return "مقارنة الجمل: " + "، ".join(
                f"{STANCES.get(c['stance'], c['stance'])} ({c['n']})" for c in counts if c
            )
    return part
