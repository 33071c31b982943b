"""Question quality on a development set of real articles: recall of the examiner's answers,
facts per article, and every question rendered for reading.

The articles are other people's text, so they stay outside the repository: point this at a
folder holding NN-name.txt files and an expected.yaml (`NN-name: [answer, ...]`, the answers
an examiner would ask), and optionally a dates.tsv (`NN-name<TAB>YYYY-MM-DD`), the dates a
user would pass to `ingest --date`. `bench/devset_urls.tsv` lists where the development set
came from.

Usage: python bench/question_quality.py FOLDER [--out FILE]

The rendered questions quote the articles, so they are written beside them (FOLDER/questions.md
unless --out says otherwise), never into the repository.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import yaml

from quizmaster.extract import extract_facts
from quizmaster.generate import generate_questions, news_facts
from quizmaster.models import Question
from quizmaster.sources import read_file


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _keys(question: Question) -> set[str]:
    return {_norm(question.answer)}


def _found(answer: str, keys: set[str]) -> bool:
    """The examiner's answer is some question's key: the same words, or one holding the
    other with at least half its words ("Karambir Singh" for "Admiral Karambir Singh";
    "Monetary Policy Committee" for "Monetary Policy Committee (MPC)")."""
    want = _norm(re.sub(r"\([^)]*\)", " ", answer))
    for key in keys:
        if key == want:
            return True
        short, long = sorted((key.split(), want.split()), key=len)
        if (
            short
            and f" {' '.join(short)} " in f" {' '.join(long)} "
            and 2 * len(short) >= len(long)
        ):
            return True
    return False


def _dates(path: Path) -> dict[str, str]:
    """The publication dates a user would give ``ingest --date``, where the folder has them."""
    if not path.exists():
        return {}
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return {row[0]: row[1].strip() for row in rows if len(row) >= 2 and row[1].strip()}


def render(question: Question) -> str:
    data = question.model_dump()
    lines = [f"[{question.kind}] {data.get('prompt', '')}"]
    for option in question.options or []:
        lines.append(f"    - {option}")
    for pair in data.get("left") or []:
        lines.append(f"    L {pair}")
    for pair in data.get("right") or []:
        lines.append(f"    R {pair}")
    lines.append(f"    => {question.answer}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    expected = yaml.safe_load((args.folder / "expected.yaml").read_text(encoding="utf-8")) or {}
    dates = _dates(args.folder / "dates.tsv")
    found = wanted = total_questions = 0
    short: list[str] = []
    out: list[str] = []
    for path in sorted(args.folder.glob("*.txt")):
        article = read_file(path)
        date = dates.get(path.stem) or article.date
        extraction = extract_facts(article.text, title=article.title, date=date)
        facts = news_facts(extraction.facts, extraction.background)
        questions = generate_questions(facts)
        total_questions += len(questions)
        keys = set().union(*(_keys(q) for q in questions)) if questions else set()
        answers = [str(a) for a in expected.get(path.stem, [])]
        hits = [a for a in answers if _found(a, keys)]
        found, wanted = found + len(hits), wanted + len(answers)
        words = len(article.text.split())
        if words >= 300 and len(facts) < 5:
            short.append(f"{path.stem} ({words} words, {len(facts)} facts)")
        missed = [a for a in answers if a not in hits]
        out.append(f"## {path.stem}: {len(facts)} facts, {len(questions)} questions")
        out.append(f"recall {len(hits)}/{len(answers)}; missed: {missed}\n")
        out += [render(q) + "\n" for q in questions]
    (args.out or args.folder / "questions.md").write_text("\n".join(out), encoding="utf-8")
    print(f"articles: {len(list(args.folder.glob('*.txt')))}, questions: {total_questions}")
    print(f"recall of the examiner's answers: {found}/{wanted} = {found / max(wanted, 1):.0%}")
    print(f"articles of 300+ words with fewer than 5 facts: {len(short)} {short}")


if __name__ == "__main__":
    main()
