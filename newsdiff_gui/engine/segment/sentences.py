"""Split a document into paragraphs and sentences, and mark boilerplate.

Contract: spans index ``Document.text`` exactly; sentence text is
``text[start:end]`` trimmed of surrounding whitespace; every non-space
character belongs to exactly one sentence. Boilerplate (site chrome, photo
credits, datelines, bylines, truncated embed captions) is kept as its own
sentence with a reason, never deleted.

Why not a general-purpose tokenizer: news copy needs a few rules of its own
("U.S. officials", "Nov. 22", "Gerald R. Ford", quotes closing after the
full stop, datelines glued to the lead) and the engine must stay small and
dependency-free.

Public API: ``segment_document``, ``split_paragraphs``, ``split_sentences``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Document, Paragraph, Sentence
from .chrome import is_photo_credit, looks_like_an_authors_name, page_chrome

# Words that end with a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr gen col lt sgt maj capt cmdr adm gov sen rep rev hon pres
    supt insp jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun no nos vs etc inc corp co ltd bros dept est approx fig vol op cit
    al ft mt ave blvd rd univ assn
    """.split()
)
# After a dotted acronym ("U.S."), these words start a new sentence; other
# capitalised words ("U.S. Navy") continue it.
_SENTENCE_STARTERS = frozenset(
    """
    the a an it he she they we i this that these those but and or so yet however
    meanwhile in on at for its his her their there here what when where why how who
    after before since while as if although despite officials one two three four
    """.split()
)

_CLOSERS = "\"'”’»)]」』）"
_OPENERS = "\"'“‘«([¿¡「『（"
# Stops of scripts without letter case, which end a sentence whatever follows
# (there is no capital to look for): Devanagari danda and double danda, the
# Urdu full stop, the Arabic question mark; and the CJK full stops, which are
# not followed by a space at all.
_CASELESS_STOPS = "।॥۔؟"
_CJK_STOPS = "。！？｡"
_STRONG_STOPS = frozenset(_CASELESS_STOPS + _CJK_STOPS)
_STOPS = ".!?…" + _CASELESS_STOPS
# Thai marks sentences with a space, not punctuation.
_THAI = "\u0e01-\u0e5b"
# Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace;
# a CJK stop (no space after it); or a space between two Thai characters.
# The look-behind starts a match only at the beginning of a punctuation run:
# without it a long run not followed by a space ("......x") is retried from
# every position inside it, which is quadratic in the run's length.
_BOUNDARY = re.compile(
    rf"(?<![{_STOPS}])[{_STOPS}]+[{re.escape(_CLOSERS)}]*(?=\s)"
    rf"|(?<![{_CJK_STOPS}])[{_CJK_STOPS}]+[{re.escape(_CLOSERS)}]*"
    rf"|(?P<thai>(?<=[{_THAI}])[ \t\u00a0]+(?=[{_THAI}]))"
)
# Line breaks as ``str.splitlines`` knows the common ones: \r\n, \r (old Mac
# files, some copy-paste), \n and the Unicode line/paragraph separators.
_LINE_BREAKS = "\n\r\u2028\u2029"
_LINE = re.compile(r"[^" + _LINE_BREAKS + r"]+")
_SPACE_RUN = re.compile(r"\s+")
_WORD_CHAR = re.compile(r"[\w.]")
# Markdown lines that carry no story text: rules, images, bare links.
_MARKDOWN_RULE = re.compile(r"(?:[-*_][ \t]*){3,}")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)(?:\{[^}\n]*\})?")
_MARKDOWN_LINK_ONLY = re.compile(r"(?:[*-]\s+)?\[[^\]\n]*\]\([^)\n]*\)[.]?")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+\S")
_CAPS_DATELINE = re.compile(r"[A-Z][A-Z .'\-]{2,40}\([^()]{2,40}\)\s*[.:]?")

# Used with match(pos), which anchors at pos (a "^" would only match at 0).
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]*)*"  # WASHINGTON, D.C.
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # , Nov 22
    r"\s*\([^()\n]{2,40}\)"  # (Reuters)
    r"\s*[.:–—-]\s*"  # the dash or stop that ends a dateline; "NATO (…) said" has none
)
# Datelines and date stamps open an article: only the first paragraphs are checked.
_DATELINE_PARAGRAPHS = 4
_DATE_PREFIX = re.compile(r"\s*date\s+\d{4}-\d{2}-\d{2}\s*", re.IGNORECASE)
_CREDIT_LINE = re.compile(
    r"(\b(via|through|by)\s+Getty\b|Getty Images|Getty Photos|\bAP Photo\b|\bAFP\b.*/|"
    r"\bREUTERS/|^Photo(graph)?:|^Image:|^Credit:|\bShutterstock\b)",
    re.IGNORECASE,
)
_CHROME_LINE = re.compile(
    r"^(Site icon\b|Exit mobile version$|Skip to (main )?content|Share (this|on)\b|"
    r"Advertisement$|Read more:|Sign up\b|Subscribe\b|Click here\b|Click to (share|print|email)\b|"
    r"Like this:?$|Loading\.*$|Related( (articles|stories|posts|content))?:?$|Related:\s|"
    r"Follow us\b|Leave a (comment|reply)\b|Let (me|us) know in the comments\b|"
    r"All rights reserved\b|©|\(c\)\s|Copyright\s*(©|\(c\)|\d{4}))",
    re.IGNORECASE,
)
# The line a press release or a club statement ends with: what follows it is
# the publisher's furniture (about the organisation, contacts, footer).
_END_MARK = re.compile(r"[-–—#\s]*ENDS?[-–—#\s]*|#{3}|[\w' ]{0,40}\bstatement ends\.?", re.I)
# Contact lines.
_CONTACT_LINE = re.compile(
    r"((Media |Press )?(contacts?|enquiries)(\s*:.{0,60})?|"
    r"(Tel|Phone|Mobile|Fax)\.?(\s*:?\s*[+\d(][\d ()+./-]*)?|E-?mail\s*:?\s*\S+@\S+|"
    r"For (more|further) information"
    r"(,? (please )?(contact|visit|see|call)\b.{0,60}|\s*:.{0,60})?)",
    re.IGNORECASE,
)
_TERMINAL = (".", "!", "?", '"', "”")
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d ()-]{7,}\d")
# "By Lea Fenn", "By Mirela Haas, Farming and Environment Correspondent": a byline line.
_BY_LINE = re.compile(
    r"By\s+[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|de|van|von|al|and|&))*(?:\s*[,|–—-]\s*[^.!?\d]{0,60})?"
)
# A line that is only a date: "Monday 4 November", "November 4, 2026", "2026-11-04".
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_ONLY = re.compile(
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?|{_MONTHS}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|date\s+\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:,?\s+\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?)?",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"\((Reporting|Writing|Editing|Additional reporting) by\b[^)]*\)\s*$")
_TRAILING_CREDIT = re.compile(r"\s[–—-]\s*([A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)+)\s*$")


def _line_breaks(run: str) -> int:
    """Number of line breaks in a whitespace run (``\r\n`` counts once)."""
    count = sum(run.count(ch) for ch in _LINE_BREAKS)
    return count - run.count("\r\n")


def _blocks(text: str) -> list[tuple[int, int]]:
    """Blank-line separated blocks, trimmed: a gap is a whitespace run holding
    two or more line breaks of any style. One linear scan over the whitespace
    runs (a regex with a look-ahead per character was quadratic on long runs)."""
    blocks: list[tuple[int, int]] = []
    cursor: int | None = None
    last_end = 0
    for run in _SPACE_RUN.finditer(text):
        if run.start() > last_end and cursor is None:
            cursor = last_end
        if cursor is not None and _line_breaks(run.group(0)) >= 2:
            blocks.append((cursor, run.start()))
            cursor = None
        last_end = run.end()
    if last_end < len(text) and cursor is None:
        cursor = last_end
    if cursor is not None:
        block_end = len(text)
        # The last block may end in a whitespace run with fewer than two breaks.
        while block_end > cursor and text[block_end - 1].isspace():
            block_end -= 1
        blocks.append((cursor, block_end))
    return [(s, e) for s, e in blocks if e > s]


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated blocks, one per line inside a block
    whose lines end like sentences (web copy pasted with single newlines).

    Lines end at ``\n``, ``\r\n`` or a lone ``\r``; offsets index ``text``
    as given, nothing is normalised."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        lines = []
        for m in _LINE.finditer(text, block_start, block_end):
            s, e = _trim(text, m.start(), m.end())
            if e > s:
                lines.append((s, e))
        ends_sentence = sum(1 for _, e in lines if text[e - 1] in _LINE_END_CHARS)
        hard_wrapped = len(lines) > 2 and ends_sentence < len(lines) / 2
        if hard_wrapped:
            spans.append((block_start, block_end))
        else:
            spans.extend(lines)
    return spans


_LINE_END_CHARS = frozenset(".!?:”\"’')]」』）" + _CASELESS_STOPS + _CJK_STOPS)


def _word_before(text: str, end: int) -> str:
    """The run of word characters and dots ending at ``end``.

    Scans backwards from ``end`` instead of searching ``text[:end]`` from the
    start, which made every sentence boundary cost the length of the text."""
    start = end
    while start > 0 and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return text[start:end]


def _is_boundary(text: str, dot_end: int, after: int, end: int) -> bool:
    """Decide whether punctuation ending at ``dot_end`` ends a sentence.

    ``end`` bounds the paragraph; it is passed instead of slicing
    ``text[:end]``, which copied the text once per candidate boundary."""
    punct = text[dot_end - 1]
    following = text[after : min(after + 40, end)]
    if not following:
        return True
    first = following[0]
    run_end = dot_end
    while run_end > 0 and text[run_end - 1] in _CLOSERS:
        run_end -= 1
    if run_end > 0 and text[run_end - 1] in _STRONG_STOPS:
        return True  # a stop of a script without capitals: nothing to wait for
    if punct in "!?…" or text[dot_end - 1] in _CLOSERS:
        # A closing quote after terminal punctuation ends the sentence unless
        # the next word is lower case ("…,” he said" has a comma, not this).
        return not first.islower()
    word = _word_before(text, dot_end - 1 if text[dot_end - 1] == "." else dot_end)
    bare = word.rstrip(".")
    if first.islower() or first in ",;:":
        return False
    if bare.lower() in _ABBREVIATIONS:
        # "Nov. 22" and "Mr. Maduro" continue; "... in Nov. The" is rare enough.
        return False
    if re.fullmatch(r"[A-Z]", bare):
        return False  # an initial: "Gerald R. Ford"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", bare):
        # Dotted acronym such as U.S or D.C: continue unless a sentence starter follows.
        next_word = re.match(r"[\"'“‘]?(\w+)", following)
        return bool(next_word and next_word.group(1).lower() in _SENTENCE_STARTERS)
    return first.isupper() or first.isdigit() or first in _OPENERS or _caseless(first)


def _caseless(char: str) -> bool:
    """A letter of a script without case (Arabic, Hebrew, Devanagari, Thai, CJK):
    after a full stop it starts a sentence as a capital would."""
    return char.isalpha() and not char.isupper() and not char.islower()


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph)."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group("thai"):
            spans.append((cursor, match.start()))
            cursor = match.end()
            continue
        after = match.end()
        while after < end and text[after].isspace():
            after += 1
        if after >= end:
            break
        if _is_boundary(text, match.end(), after, end):
            spans.append((cursor, match.end()))
            cursor = after
    if cursor < end:
        spans.append((cursor, end))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_off_prefix(
    text: str, start: int, end: int, pattern: re.Pattern[str]
) -> tuple[int, int] | None:
    match = pattern.match(text, start, end)
    if match and match.end() < end and match.end() - start < 80:
        return _trim(text, start, match.end())
    return None


def _markdown_chrome(line: str) -> str | None:
    """Why a Markdown line carries no story text (rule, image, bare link), or None.

    Only whole lines count: a link inside a sentence is part of the sentence."""
    if _MARKDOWN_RULE.fullmatch(line):
        return "markdown rule"
    if _MARKDOWN_IMAGE.fullmatch(line):
        return "markdown image"
    if _MARKDOWN_LINK_ONLY.fullmatch(line):
        return "link only"
    return None


# Chrome, bylines, contact lines and date lines are short; longer lines are not
# tested (and a pathological 200 KB line cannot make the patterns backtrack).
_SHORT_LINE = 200
END_MARK = "end mark"


def _short_line_chrome(line: str) -> str | None:
    """Why a short line is a press release's or a site's furniture, or None."""
    stripped = line.strip()
    if _END_MARK.fullmatch(stripped):
        return END_MARK
    if _CONTACT_LINE.fullmatch(stripped) or (
        len(line.split()) <= 8 and _CONTACT.search(line) and not stripped.endswith(".")
    ):
        return "contact"
    if len(line) <= 90 and _BY_LINE.fullmatch(stripped):
        return "byline"
    if _DATE_ONLY.fullmatch(stripped):
        return "date line"
    if " | " in line and len(line.split()) <= 8 and not stripped.endswith(_TERMINAL):
        return "site chrome"  # "NBS News | Science & Environment"
    return None


def _pieces(
    text: str, start: int, end: int, near_top: bool = True, outlet: str = ""
) -> list[tuple[int, int, str | None]]:
    """Sentences of one paragraph with boilerplate reasons."""
    pieces: list[tuple[int, int, str | None]] = []
    line = text[start:end]
    markdown = _markdown_chrome(line)
    if markdown:
        return [(start, end, markdown)]
    if _CHROME_LINE.match(line):
        return [(start, end, "site chrome")]
    reason = _short_line_chrome(line) if len(line) <= _SHORT_LINE else None
    reason = reason or page_chrome(line, outlet)
    if reason:
        return [(start, end, reason)]
    if len(line) < 120 and _CREDIT_LINE.search(line):
        return [(start, end, "photo credit")]
    prefixes = ((_DATE_PREFIX, "date line"), (_DATELINE, "dateline")) if near_top else ()
    for pattern, reason in prefixes:
        prefix = _split_off_prefix(text, start, end, pattern)
        if prefix:
            pieces.append((*prefix, reason))
            start = _trim(text, prefix[1], end)[0]
    if _CAPS_DATELINE.fullmatch(text, start, end):
        return [*pieces, (start, end, "dateline")]
    spans = split_sentences(text, start, end)
    for s, e in spans:
        byline = _BYLINE.search(text, s, e)
        if byline and byline.start() > s:
            head = _trim(text, s, byline.start())
            pieces.append((*head, None))
            pieces.append((*_trim(text, byline.start(), e), "byline"))
            continue
        if byline:
            pieces.append((s, e, "byline"))
            continue
        if len(spans) > 1 and _on_a_line_of_its_own(text, s, e):
            # A credit or stamp on its own line inside a paragraph ("(FREDERIC
            # J. BROWN / AFP/Getty Images)" under the caption it credits).
            own = page_chrome(text[s:e], outlet)
            if own:
                pieces.append((s, e, own))
                continue
        if len(spans) > 1 and _ends_its_line(text, e) and is_photo_credit(text[s:e]):
            # The credit after the caption it credits, on the caption's line:
            # "… from its playlists. (FREDERIC J. BROWN / AFP/Getty Images)".
            pieces.append((s, e, "photo credit"))
            continue
        credit = _TRAILING_CREDIT.search(text, s, e)
        if credit and credit.start() - s > 20:
            pieces.append((*_trim(text, s, credit.start()), None))
            pieces.append((*_trim(text, credit.start(), e), "photo credit"))
            continue
        pieces.append((s, e, None))
    return pieces


def _ends_its_line(text: str, end: int) -> bool:
    """Is nothing but spacing between ``end`` and the next line break?"""
    breaks = [i for i in (text.find("\n", end), text.find("\r", end)) if i != -1]
    return not text[end : min(breaks) if breaks else len(text)].strip()


def _on_a_line_of_its_own(text: str, start: int, end: int) -> bool:
    """Is nothing but spacing between the span and the line breaks around it?"""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    breaks = [i for i in (text.find("\n", end), text.find("\r", end)) if i != -1]
    line_end = min(breaks) if breaks else len(text)
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def _is_embed_fragment(text: str, span: tuple[int, int], index: int, count: int) -> bool:
    """A short unpunctuated line in the body (not a headline or subhead) is
    usually a caption of an embedded video or picture that lost its media."""
    line = text[span[0] : span[1]]
    if index < 3 or index >= count - 1 or len(line) > 80:
        return False
    if _MARKDOWN_HEADING.match(line):
        return False  # a Markdown subhead ("## Background") is a headline
    if line.isupper() or re.search(r"[.!?:;\"”’)]$", line):
        return False
    return len(line.split()) <= 8


def segment_document(document: Document, doc_index: int) -> Document:
    """Return ``document`` with paragraphs and sentences filled in."""
    text = document.text
    paragraph_spans = split_paragraphs(text)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    ended = False  # past a press release's end mark: the rest is furniture
    for p_index, (p_start, p_end) in enumerate(paragraph_spans):
        paragraphs.append(Paragraph(p_index, p_start, p_end))
        pieces = _pieces(
            text, p_start, p_end, near_top=p_index < _DATELINE_PARAGRAPHS, outlet=document.outlet
        )
        if ended:
            pieces = [(s, e, reason or "after the end mark") for s, e, reason in pieces]
        ended = ended or any(reason == END_MARK for _, _, reason in pieces)
        if (
            len(pieces) == 1
            and pieces[0][2] is None
            and _is_embed_fragment(text, (p_start, p_end), p_index, len(paragraph_spans))
        ):
            pieces = [(p_start, p_end, "embed caption fragment")]
        for s, e, reason in pieces:
            sentences.append(
                Sentence(
                    id=f"{document.id}:s{len(sentences)}",
                    doc_index=doc_index,
                    index=len(sentences),
                    start=s,
                    end=e,
                    paragraph=p_index,
                    text=text[s:e],
                    boilerplate=reason,
                )
            )
    return replace(
        document,
        paragraphs=tuple(paragraphs),
        sentences=tuple(_names_over_dates(text, sentences)),
    )


# How far down the page a byline without its "By" is looked for.
_BYLINE_PARAGRAPHS = 4


def _names_over_dates(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """A paragraph that is only a person's name, directly above a date line near
    the top of the page, is the byline without its "By" ("Igor Derysh" over
    "May 31, 2019 10:00AM (UTC)"), not content only that version has.

    A headline in title case looks like a name too ("Budget Passes Council"):
    ``looks_like_an_authors_name`` tells them apart."""
    out = list(sentences)
    for i, sentence in enumerate(out[:-1]):
        following = out[i + 1]
        if (
            sentence.paragraph < _BYLINE_PARAGRAPHS
            and sentence.boilerplate is None
            and following.paragraph == sentence.paragraph + 1
            and following.boilerplate == "date line"
            and (i == 0 or out[i - 1].paragraph != sentence.paragraph)
            and looks_like_an_authors_name(sentence.text, text)
        ):
            out[i] = replace(sentence, boilerplate="byline")
    return out
