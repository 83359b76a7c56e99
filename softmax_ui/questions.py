"""The lecture's questions: asked before a step shows its answer.

Each question belongs to one step of the guided lecture
(:data:`softmax_ui.lecture_steps.STEPS`) and has its choices and the right
one. Every word is in the catalogs, under ``questions.<id>_prompt``,
``questions.<id>_<k>`` (choice k, 0-based) and ``questions.<id>_why`` (the
explanation shown with the answer). A step with two questions asks them in
the order given here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    """One question: its id, its lecture step, how many choices, the right one."""

    id: str
    step: str
    choices: int
    answer: int

    @property
    def prompt(self) -> str:
        """The catalog key of the question itself."""
        return f"questions.{self.id}_prompt"

    def choice(self, k: int) -> str:
        """The catalog key of choice ``k`` (0-based)."""
        return f"questions.{self.id}_{k}"

    @property
    def why(self) -> str:
        """The catalog key of the explanation shown with the answer."""
        return f"questions.{self.id}_why"


QUESTIONS: tuple[Question, ...] = (
    Question("shift", "softmax", choices=4, answer=0),
    Question("hardmax_pick", "hardmax", choices=4, answer=0),
    Question("temperature", "hardmax", choices=4, answer=1),
    Question("two_classes", "logistic", choices=4, answer=1),
    Question("learning_rate", "training", choices=4, answer=2),
)
BY_ID: dict[str, Question] = {question.id: question for question in QUESTIONS}


def of_step(step: str) -> tuple[Question, ...]:
    """The questions a step asks, in order (none for most steps).

    Examples
    --------
    >>> [q.id for q in of_step("hardmax")], of_step("loss")
    (['hardmax_pick', 'temperature'], ())
    """
    return tuple(question for question in QUESTIONS if question.step == step)
