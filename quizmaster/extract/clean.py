"""Clean an article before extraction: take what is page, not article, out of the text.

:func:`clean_text` removes HTML tags, agency datelines ("New Delhi, May 13 (PTI) ..."), wire
wrappers, "Advertisement" and "Story continues" lines, "Main Point :-" labels and list markers
("(ii)", "(5)"), and finds the article's date where the page states one. Each sentence is then
made a standalone statement by :mod:`quizmaster.extract.statements`.
"""

from __future__ import annotations

import re

from quizmaster import word_lists as gz

_MON = rf"{gz.MONTH_WORD}\.?"
# "May 13", "13 May": the day a dateline gives
_DAY_MONTH = rf"(?:{_MON}\s+\d{{1,2}}|\d{{1,2}}\s+{_MON})"
AGENCY = (
    r"(?:PTI|ANI|IANS|UNI|KUNA|AFP|AP|Reuters|WAM|Xinhua|ENS|TNN|HT|IBNS|SPA|BSS|Sputnik|TASS|"
    r"Yonhap|Kyodo|Bernama|APP|AA|ENA|IRNA|QNA|BNA|KNA|MENA|SUNA|PNA|Web Desk|UPI|AP|CNA)"
)
# "New Delhi, May 13 (PTI)", "NEW DELHI, Feb 25 (KUNA) --", "Jaipur [India], Nov 20 (ANI):"
AGENCY_DATELINE_RE = re.compile(
    rf"^(?:[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){{0,3}}(?:\s*\[[^\]]{{1,40}}\])?,?\s+)?"
    rf"(?:{_DAY_MONTH}(?:,?\s+\d{{4}}|/\d{{4}})?\s*)?"
    rf"\(\s*{AGENCY}\s*\)\s*(?:[:–—-]+\s*)?"
    # "Colombo, Sep 23 (V7N)— ", "Tokyo, Nov. 10 (Jiji Press)--": any wire's initials or
    # name, after a place and a day
    rf"|^[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){{0,2}},\s+{_DAY_MONTH}"
    r"\s*\((?:[A-Z][A-Z0-9]{1,5}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\)\s*[:–—-]+\s*"
)
# "MUMBAI: The ..." or "New Delhi, November 20: The ..." (no agency).
PLAIN_DATELINE_RE = re.compile(
    rf"^(?:[A-Z]{{3,}}(?:\s+[A-Z]{{3,}}){{0,2}}(?:,\s+{_DAY_MONTH})?"
    rf"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
    rf"(?:\s*\[[^\]]{{1,40}}\])?,\s+{_DAY_MONTH}(?:,?\s+\d{{4}})?)"
    rf"\s*(?::|–|—|--|-)\s+(?=[A-Z\"'“‘])"
)
# "Doha (Qatar), Oct 8 Max ...", "Florence, Italy, June 2 (APP - UrduPoint / ... 3rd Jun,
# 2023 ) :Faith ...", "Birmingham, (APP - ... 2024) Indonesia's ...": a place (and its
# country) before a day, a wire's note in brackets, or both.
_DATELINE_PLACE = (
    r"^[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,2}"
    r"(?:\s*\([A-Z][A-Za-z ]{1,30}\)|,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?,\s*"
)
_DATELINE_DAY = rf"{_DAY_MONTH}(?:,?\s+\d{{4}})?"
_WIRE_NOTE = r"\((?=[^()]*(?:\d{4}|News|APP))[^()]{3,90}\)"
PLACE_DAY_DATELINE_RE = re.compile(
    rf"{_DATELINE_PLACE}(?:{_DATELINE_DAY}\s*(?:{_WIRE_NOTE}\s*)?|{_WIRE_NOTE}\s*)"
    r"(?:[:–—-]+\s*)?(?=[A-Z\"'“‘])"
)
# "Winston Mwale, Geneva – The WHO ...": a reporter's name and city before the text.
BYLINE_DATELINE_RE = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+, [A-Z][a-z]+\s*[–—]\s+(?=[A-Z])")
WRAPPER_RE = re.compile(r"\(MENAFN-[^()]*(?:\([^()]*\))?[^()]*\)\s*|\bMENAFN\d+\w*")
SEARCH_DATE_RE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s*")
POSTED_RE = re.compile(
    rf"(?:Posted|Published|Updated|Last updated)\s*(?:On|on)?\s*:?\s*"
    rf"(\d{{1,2}}\s+{_MON}\s+\d{{4}}|{_MON}\s+\d{{1,2}},?\s+\d{{4}})"
)
# "Hindustan Times: New Delhi: Tuesday, 16 December 2025.": a line that only dates the page
DATE_LINE_RE = re.compile(
    rf"^(?:[A-Z][\w .&'-]{{1,40}}:\s*){{0,2}}(?:{gz.WEEKDAY},?\s*)?"
    rf"(\d{{1,2}}\s+{_MON},?\s+\d{{4}}|{_MON}\s+\d{{1,2}},?\s+\d{{4}})\.?\s*$"
)
NOISE_LINE_RE = re.compile(
    # "Related Articles", "Also read" stay: the extractor stops the article at them.
    r"^(?:advertis\w*|story continues.*|next article|previous article|"
    r"\(end\).*|end|share|_+|-{3,}|\W{1,3})\s*$",
    re.IGNORECASE,
)
LABEL_RE = re.compile(
    r"^(?:main points?|key points?|key facts|highlights|important points?)\s*[:\-–—]+\s*",
    re.IGNORECASE,
)
# "Dadasaheb Phalke Award: President Kovind conferred ...": a topic label before a sentence
# of its own (a short "Capital: Rabat" line is a fact box's, and stays).
TOPIC_LABEL_RE = re.compile(
    r"^[A-Z][\w'’-]*(?: (?:[A-Z&][\w'’-]*|of|and|the)){0,5}\s*:\s+(?=[A-Z].{60,}[.!]$)"
)
LIST_MARKER_RE = re.compile(
    r"^\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s+|\s\((?:[ivx]{1,4})\)\s+|(?:^|\s)(?-i:Ii|Iii|Iv|Vi|Vii)\.\s+"
)
TAG_RE = re.compile(r"<[^>]{1,300}>")


def _iso(text: str) -> str | None:
    from quizmaster.extract.segments import parse_date

    return parse_date(text)


def clean_text(text: str) -> tuple[str, str | None]:
    """The article's own text, and its date when the page states one."""
    date: str | None = None
    text = TAG_RE.sub(" ", text) if re.search(r"</?(?:p|a|div|br|span)\b", text) else text
    lines: list[str] = []
    # "in Rajasthan state.The exercise ...": a page that lost the space after a full stop.
    text = re.sub(r"(?<=[a-z]{2}[.!?])([”\"’]?)(?=[A-Z“][a-z]{2})", r"\1 ", text)
    text = re.sub(r"(?<=[a-z]{2}[.!?][”\"’])(?=[A-Z])", " ", text)
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw
        stamp = SEARCH_DATE_RE.match(line)
        if stamp:
            date = date or stamp.group(1)
            line = line[stamp.end() :]
        posted = POSTED_RE.search(line) or DATE_LINE_RE.match(line.strip())
        if posted and len(line) < 120:
            date = date or _iso(posted.group(1))
            continue
        line = WRAPPER_RE.sub("", line).strip()
        line = re.sub(r"^([•●▪◦])(?=\S)", r"\1 ", line)  # "•Built in ...": a bullet still
        if NOISE_LINE_RE.match(line):
            continue
        dateline = (
            AGENCY_DATELINE_RE.match(line)
            or PLAIN_DATELINE_RE.match(line)
            or BYLINE_DATELINE_RE.match(line)
            or PLACE_DAY_DATELINE_RE.match(line)
        )
        if dateline and len(line) > dateline.end() + 20:
            # "Visakhapatnam, October 14, 2026 (PTI)": the dateline dates the article.
            date = date or _iso(dateline.group(0))
            line = line[dateline.end() :]
        line = TOPIC_LABEL_RE.sub("", LABEL_RE.sub("", line))
        line = LIST_MARKER_RE.sub(" ", line).strip() if LIST_MARKER_RE.search(line) else line
        lines.append(line)
    # A page cut off mid-sentence ("... is a membe"): its last words are no statement.
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and len(lines[-1].split()) > 8 and not lines[-1].rstrip().endswith(CLOSERS):
        lines[-1] = _whole_sentences(lines[-1])
    return "\n".join(lines), date


CLOSERS = (".", "!", "?", '"', "”", "’", ")")


def _whole_sentences(line: str) -> str:
    """The line up to its last full stop: what a cut page leaves after it is a fragment."""
    cut = max(line.rfind(". "), line.rfind("? "), line.rfind("! "))
    return line[: cut + 1] if cut > 0 else ""
