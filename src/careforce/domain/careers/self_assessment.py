"""'Is care right for me?': short scenario questions scored against the care workforce pathway's values.

The questions (``data/careers/self_assessment.toml``) are our own wording. Each option adds 0 to 2
points to the values it shows; the seven values are the care workforce pathway's universal values
(DHSC with Skills for Care; see ``values.toml``). A value's score is the points gained as a share of
the most points any set of answers could give it, so values asked about more often do not dominate.

Nothing here stores answers: ``score`` is a pure function. Saving is the caller's choice, and only if
the person asks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from careforce.domain.careers.content import ContentError, care_value, care_values, load_careers_toml, role_profiles

STRENGTH_AT = 0.6  # share of a value's possible points at or above which it is a strength
THINK_ABOUT_BELOW = 0.4  # below this, an area to think about
ROLE_FIT_AT = 0.5  # mean share of a role's key values at or above which the role fits
MAX_STRENGTHS = 3
MAX_ROLES = 3


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    scores: Mapping[str, int]


@dataclass(frozen=True)
class Question:
    id: str
    number: int
    text: str
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class ValueScore:
    key: str
    name: str
    points: int
    possible: int

    @property
    def share(self) -> float:
        return self.points / self.possible if self.possible else 0.0


@dataclass(frozen=True)
class RoleFit:
    job_role: int
    title: str
    fit: float
    because: tuple[str, ...]  # names of the values behind the fit
    shown_by: tuple[str, ...] = ()  # the same values as "you ..." phrases (CareValue.shown_by)

    @property
    def reason(self) -> str:
        """Why the role fits, to follow its name: "" when no value stands out, else "because your answers
        show that you respect people's choices and privacy" or, for more, "... that you ..., and that you ..."."""
        if not self.shown_by:
            return ""
        clauses = [f"that {phrase}" for phrase in self.shown_by]
        # the phrases have "and" inside them, so each gets its own "that" and the last a comma before "and"
        listed = clauses[0] if len(clauses) == 1 else ", ".join(clauses[:-1]) + ", and " + clauses[-1]
        return "because your answers show " + listed


@dataclass(frozen=True)
class Result:
    values: tuple[ValueScore, ...]  # every value, in the pathway's order
    strengths: tuple[ValueScore, ...]  # strongest first
    areas_to_think_about: tuple[ValueScore, ...]  # weakest first
    roles_that_fit: tuple[RoleFit, ...]  # best fit first
    next_steps: tuple[str, ...]

    @property
    def job_roles(self) -> frozenset[int]:
        """ASC-WDS codes of the roles that fit (a soft signal for matching)."""
        return frozenset(r.job_role for r in self.roles_that_fit)


class IncompleteAnswers(ValueError):
    """Some questions have no (valid) answer. ``errors`` maps question id to a message for the person."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@cache
def questions() -> tuple[Question, ...]:
    """The shipped questions, checked: 8 to 12 questions, 3 or 4 options, scores only for known values."""
    value_keys = {v.key for v in care_values()}
    out: list[Question] = []
    for number, q in enumerate(load_careers_toml("self_assessment.toml")["question"], start=1):
        options = tuple(Option(o["id"], o["text"], dict(o["scores"])) for o in q["option"])
        if not 3 <= len(options) <= 4:
            raise ContentError(f"self_assessment.toml: question {q['id']} needs 3 or 4 options")
        for option in options:
            unknown = set(option.scores) - value_keys
            if unknown or any(not 0 <= p <= 2 for p in option.scores.values()):
                raise ContentError(f"self_assessment.toml: {q['id']} option {option.id} has bad scores")
        out.append(Question(q["id"], number, q["text"], options))
    if not 8 <= len(out) <= 12:
        raise ContentError("self_assessment.toml needs 8 to 12 questions")
    return tuple(out)


def validate(answers: Mapping[str, str], question_set: tuple[Question, ...] | None = None) -> dict[str, str]:
    """A message for each question without a valid answer (empty when all are answered)."""
    errors: dict[str, str] = {}
    for question in questions() if question_set is None else question_set:
        chosen = answers.get(question.id)
        if not chosen:
            errors[question.id] = f"Choose an answer for question {question.number}"
        elif question.option(chosen) is None:
            errors[question.id] = f"Choose one of the answers given for question {question.number}"
    return errors


def possible_points(question_set: tuple[Question, ...]) -> dict[str, int]:
    """For each value, the most points the questions can give it (the best option for it in each question)."""
    possible = {v.key: 0 for v in care_values()}
    for question in question_set:
        for key in possible:
            possible[key] += max(o.scores.get(key, 0) for o in question.options)
    return possible


def score(answers: Mapping[str, str], question_set: tuple[Question, ...] | None = None) -> Result:
    """Score a complete set of answers (question id to option id). Raises ``IncompleteAnswers``."""
    question_set = questions() if question_set is None else question_set
    errors = validate(answers, question_set)
    if errors:
        raise IncompleteAnswers(errors)
    points = {v.key: 0 for v in care_values()}
    for question in question_set:
        option = question.option(answers[question.id])
        assert option is not None  # checked by validate
        for key, p in option.scores.items():
            points[key] += p
    possible = possible_points(question_set)
    values = tuple(ValueScore(v.key, v.name, points[v.key], possible[v.key]) for v in care_values())
    order = {v.key: i for i, v in enumerate(care_values())}
    strongest = sorted(values, key=lambda s: (-s.share, order[s.key]))
    strengths = tuple(s for s in strongest if s.possible and s.share >= STRENGTH_AT)[:MAX_STRENGTHS]
    weakest = sorted(values, key=lambda s: (s.share, order[s.key]))
    think_about = tuple(s for s in weakest if s.possible and s.share < THINK_ABOUT_BELOW)
    roles = _roles_that_fit({s.key: s.share for s in values})
    return Result(values, strengths, think_about, roles, _next_steps(strengths, think_about, roles))


def _roles_that_fit(shares: Mapping[str, float]) -> tuple[RoleFit, ...]:
    fits: list[RoleFit] = []
    for profile in role_profiles().values():
        if not profile.entry or not profile.key_values:
            continue
        fit = sum(shares[k] for k in profile.key_values) / len(profile.key_values)
        if fit >= ROLE_FIT_AT:
            behind = [care_value(k) for k in profile.key_values if shares[k] >= STRENGTH_AT]
            fits.append(
                RoleFit(
                    profile.job_role,
                    profile.title,
                    round(fit, 4),
                    tuple(v.name for v in behind),
                    tuple(v.shown_by for v in behind),
                )
            )
    fits.sort(key=lambda r: (-r.fit, r.job_role))
    return tuple(fits[:MAX_ROLES])


def _next_steps(
    strengths: tuple[ValueScore, ...], think_about: tuple[ValueScore, ...], roles: tuple[RoleFit, ...]
) -> tuple[str, ...]:
    steps: list[str] = []
    if roles:
        first = roles[0].title.lower()
        article = "an" if first[0] in "aeiou" else "a"
        steps.append(f"Read what a day is like as {article} {first}")
        steps.append(f"Search for {first} jobs near you")
    else:
        steps.append("Read what a day is like in different care roles, and take the questions again later")
    steps.extend(care_value(s.key).think_about for s in think_about[:2])
    steps.append("You do not need experience to start: ask employers about the Care Certificate and funded training")
    if strengths:
        steps.append("Talk about your strengths, with examples from your own life, when you apply")
    return tuple(steps)
