"""The satisfaction questionnaire (criterion 5): questions on a 1–5 scale and the "blocking
obstacle" question, read from resources/questionnaire/ so a new version needs no release."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from ordnum_desktop.paths import resources_dir

DEFAULT_VERSION = "2025-01"


@dataclass(frozen=True)
class Question:
    id: str
    text: str


@dataclass(frozen=True)
class Questionnaire:
    version: str
    title: str
    scale_min: int
    scale_max: int
    scale_labels: dict[int, str]
    questions: tuple[Question, ...]
    blocking_question: str
    blocking_detail: str

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def in_scale(self, value: int) -> bool:
        return self.scale_min <= value <= self.scale_max


def parse_questionnaire(data: dict[str, Any]) -> Questionnaire:
    scale = data["scale"]
    return Questionnaire(
        version=data["version"],
        title=data["title"],
        scale_min=int(scale["min"]),
        scale_max=int(scale["max"]),
        scale_labels={int(k): v for k, v in scale.get("labels", {}).items()},
        questions=tuple(Question(q["id"], q["text"]) for q in data["questions"]),
        blocking_question=data["blocking"]["question"],
        blocking_detail=data["blocking"]["detail"],
    )


@cache
def load_questionnaire(version: str = DEFAULT_VERSION) -> Questionnaire:
    path = resources_dir() / "questionnaire" / f"{version}.json"
    return parse_questionnaire(json.loads(path.read_text(encoding="utf-8")))


def overall_score(scores: dict[str, int]) -> int:
    """Rounded mean of the question scores, halves rounded up (3.5 → 4), not to even."""
    if not scores:
        raise ValueError("no score")
    total = sum(scores.values())
    return (2 * total + len(scores)) // (2 * len(scores))
