"""Question pages: the one helper every multi-page form uses (ADR 0120).

A *journey* is a run of question pages that ends on a check your answers page, as the GOV.UK Design
System's "question pages" pattern has it. The helper knows, from the journey's list of questions:

- which question comes next (the first one that applies and is not yet answered, or check your answers);
- where Back goes (the question before, among those that apply; check your answers after a Change link);
- that a Change link (``?change=1``) returns to check your answers once the answer is given, unless the new
  answer opens a question not answered yet, which is asked first;
- which questions apply: a question's ``applies`` reads the answers before it (an hourly rate only for people
  paid by the hour);
- the answers, kept in the session exactly as they were posted until the journey ends (ADR 0009), and
  checked again every time they are read, so an answer that no longer applies or is no longer valid is never
  used;
- whether a page has errors (the page title then starts "Error: ").

Changing one answer of a record already saved (a worker's pay, say) is a :class:`RecordChange`: the
question's page, then any question the new answer opens, then one save of both.

The shape follows communitiesuk/funding-service's form runner (a runner with a ``next_url`` and a
``back_url`` worked out from the questions and where the person came from), written for Django.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict

Posted = dict[str, list[str]]
"""What was posted on one question page, field name to values (as ``QueryDict.lists()``): JSON for the session."""
CHANGE = "change"


def page_has_errors(form: forms.Form | None) -> bool:
    """Whether a page shows a form with errors: its title then starts "Error: " (``layout.html``)."""
    return bool(form is not None and form.is_bound and form.errors)


def posted(request: HttpRequest) -> Posted:
    """What the person posted, without the CSRF token, as kept in the session."""
    return {name: values for name, values in request.POST.lists() if name != "csrfmiddlewaretoken"}


def changing(request: HttpRequest) -> bool:
    """Whether the person came from a Change link on check your answers."""
    return bool(request.GET.get(CHANGE))


def _always(answers: Mapping[str, Any]) -> bool:
    return True


@dataclass(frozen=True)
class Question:
    """One question page: its URL part, its form (one question each), and when it is asked."""

    slug: str
    form: type[forms.Form]
    applies: Callable[[Mapping[str, Any]], bool] = _always
    """Given the cleaned answers before it (and the journey's ``known`` values), is this question asked?"""


@dataclass(frozen=True)
class Places:
    """Where a journey's pages are: a question's page, check your answers, and where Back leads from the first."""

    question: Callable[[str], str]
    check: str
    start: str


@dataclass(frozen=True)
class Progress:
    cleaned: dict[str, Any]
    """The cleaned answers of the questions that apply, so far, over the journey's ``known`` values."""
    next: str | None
    """The first question that applies and is not answered (or no longer valid); None when all are."""
    asked: tuple[str, ...]
    """The questions that apply, in order, up to ``next``."""


FormMaker = Callable[[Question, "MultiValueDict[str, str] | None", "Mapping[str, Any] | None"], forms.Form]


def _make_form(
    question: Question, data: MultiValueDict[str, str] | None, initial: Mapping[str, Any] | None
) -> forms.Form:
    return question.form(data=data, initial=initial)  # type: ignore[arg-type]


def bind(data: Mapping[str, Any] | None) -> MultiValueDict[str, str] | None:
    """Answers kept in the session, as a form's data (lists of values, so checkboxes keep every choice)."""
    if data is None:
        return None
    return MultiValueDict({k: list(v) if isinstance(v, list) else [v] for k, v in data.items()})


class Journey:
    """One person's run through a journey's question pages; answers in the session under ``key``.

    ``owner`` ties the answers to one thing (the job applied for): answers kept for another owner are not
    read. ``known`` are values the questions' ``applies`` may read that no question asks (a saved record's).
    ``make_form(question, data, initial)`` builds a question's form, for forms that need more than their data.
    """

    def __init__(
        self,
        request: HttpRequest,
        key: str,
        questions: Sequence[Question],
        places: Places,
        *,
        owner: Any = None,
        known: Mapping[str, Any] | None = None,
        make_form: FormMaker = _make_form,
    ) -> None:
        self.session = request.session
        self.key = f"journey:{key}"
        self.questions = tuple(questions)
        self.by_slug = {q.slug: q for q in self.questions}
        self.places = places
        self.owner = owner
        self.known = dict(known or {})
        self.make_form = make_form

    # the answers kept in the session
    def all(self) -> dict[str, Posted]:
        kept = self.session.get(self.key) or {}
        return dict(kept.get("answers", {})) if kept.get("owner") == self.owner else {}

    def stored(self, slug: str) -> Posted | None:
        return self.all().get(slug)

    def save(self, slug: str, answers: Posted) -> None:
        kept = self.all()
        kept[slug] = answers
        self.session[self.key] = {"owner": self.owner, "answers": kept}

    def clear(self) -> None:
        self.session.pop(self.key, None)

    # the questions
    def question(self, slug: str) -> Question | None:
        return self.by_slug.get(slug)

    def form(self, slug: str, data: Posted | None = None) -> forms.Form:
        """The question's form: bound to what was posted, else to the kept answer, else empty."""
        question = self.by_slug[slug]
        kept = data if data is not None else self.stored(slug)
        return self.make_form(question, bind(kept), None)

    def progress(self) -> Progress:
        """Every kept answer checked again, in order, skipping the questions that do not apply."""
        cleaned: dict[str, Any] = dict(self.known)
        asked: list[str] = []
        for question in self.questions:
            if not question.applies(cleaned):
                continue
            asked.append(question.slug)
            kept = self.stored(question.slug)
            form = self.make_form(question, bind(kept), None) if kept is not None else None
            if form is None or not form.is_valid():
                return Progress(cleaned, question.slug, tuple(asked))
            cleaned.update(form.cleaned_data)
        return Progress(cleaned, None, tuple(asked))

    # where to go
    def change_url(self, slug: str) -> str:
        return f"{self.places.question(slug)}?{CHANGE}=1"

    def next_url(self, is_changing: bool = False) -> str:
        """After a question is answered: the first question still to answer, or check your answers."""
        upcoming = self.progress().next
        if upcoming is None:
            return self.places.check
        return self.change_url(upcoming) if is_changing else self.places.question(upcoming)

    def back_url(self, slug: str, is_changing: bool = False) -> str:
        if is_changing:
            return self.places.check
        cleaned: dict[str, Any] = dict(self.known)
        earlier: list[str] = []
        for question in self.questions:
            if question.slug == slug:
                break
            if question.applies(cleaned):
                earlier.append(question.slug)
                kept = self.stored(question.slug)
                form = self.make_form(question, bind(kept), None) if kept is not None else None
                if form is not None and form.is_valid():
                    cleaned.update(form.cleaned_data)
        return self.places.question(earlier[-1]) if earlier else self.places.start

    def answer(self, request: HttpRequest, slug: str) -> tuple[forms.Form, str | None]:
        """Handle a question page: its form, and where to go next when a valid answer was posted (kept)."""
        if request.method != "POST":
            return self.form(slug), None
        answers = posted(request)
        form = self.form(slug, answers)
        if not form.is_valid():
            return form, None
        self.save(slug, answers)
        return form, self.next_url(changing(request))

    def summary_rows(self, rows: Sequence[tuple[str, str, str | None]]) -> list[dict[str, Any]]:
        """govukSummaryList rows from (question, answer, slug of the question that changes it, or None)."""
        return summary_rows([(key, value, self.change_url(slug) if slug else None) for key, value, slug in rows])


def change_action(href: str, what: str) -> dict[str, Any]:
    """The Change link of a summary-list row; its hidden text names what it changes."""
    return {"items": [{"href": href, "text": "Change", "visuallyHiddenText": what[0].lower() + what[1:]}]}


def summary_rows(pairs: Sequence[tuple[str, str, str | None]]) -> list[dict[str, Any]]:
    """govukSummaryList rows from (question, answer, change link or None)."""
    rows = []
    for key, value, href in pairs:
        row: dict[str, Any] = {"key": {"text": key}, "value": {"text": value}}
        if href:
            row["actions"] = change_action(href, key)
        rows.append(row)
    return rows


class RecordChange:
    """Changing one answer of a saved record from its Change link: that question's page, then any question
    the new answer opens (how they are paid opens the amount), then one save of all of them together.

    ``current`` are the record's values. A question that does not apply to them (and to the answer given
    before it) is not shown; the view sends the person to the question that leads to it.
    """

    def __init__(
        self,
        request: HttpRequest,
        key: str,
        questions: Sequence[Question],
        current: Mapping[str, Any],
        *,
        make_form: FormMaker = _make_form,
    ) -> None:
        self.session = request.session
        self.key = f"journey:{key}"
        self.by_slug = {q.slug: q for q in questions}
        self.order = [q.slug for q in questions]
        self.current = dict(current)
        self.make_form = make_form

    def _pending(self) -> tuple[str, dict[str, Any]] | None:
        """The answer given on the question before this one (not saved yet), if any: its slug and values."""
        kept = self.session.get(self.key)
        if not kept or kept.get("slug") not in self.by_slug:
            return None
        form = self.make_form(self.by_slug[kept["slug"]], bind(kept["answers"]), None)
        return (kept["slug"], dict(form.cleaned_data)) if form.is_valid() else None

    def values(self) -> dict[str, Any]:
        pending = self._pending()
        return {**self.current, **(pending[1] if pending else {})}

    def applies(self, slug: str) -> bool:
        return self.by_slug[slug].applies(self.values())

    def form(self, slug: str, data: Posted | None = None) -> forms.Form:
        """The question's form: bound to what was posted, else filled in from the record."""
        question = self.by_slug[slug]
        if data is not None:
            return self.make_form(question, bind(data), None)
        return self.make_form(question, None, self.current)

    def submit(self, slug: str, form: forms.Form, answers: Posted) -> tuple[str | None, dict[str, Any]]:
        """After a valid answer: the next question to ask (its answers kept until then) or None with every change."""
        pending = self._pending()
        changes = {**(pending[1] if pending and pending[0] != slug else {}), **form.cleaned_data}
        values = {**self.current, **changes}
        after = self.order[self.order.index(slug) + 1 :]
        follow = next((s for s in after if self.by_slug[s].applies(values)), None)
        if follow is not None:
            self.session[self.key] = {"slug": slug, "answers": answers}
            return follow, changes
        return None, changes

    def done(self) -> None:
        self.session.pop(self.key, None)
