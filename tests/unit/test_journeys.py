"""The one journey helper for question pages: next, back, change links, steps that apply only for some
answers, answers kept in the session and checked again, the error state, and changing a saved record."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.test import RequestFactory

from careforce.web.journeys import Journey, Places, Question, RecordChange, page_has_errors, summary_rows


class ColourForm(forms.Form):
    colour = forms.ChoiceField(choices=[("red", "Red"), ("other", "Another colour")])


class OtherColourForm(forms.Form):
    other_colour = forms.CharField(max_length=10)


class SizesForm(forms.Form):
    sizes = forms.MultipleChoiceField(choices=[("s", "Small"), ("m", "Medium"), ("l", "Large")])


def _other(answers: Mapping[str, Any]) -> bool:
    return answers.get("colour") == "other"


QUESTIONS = (
    Question("colour", ColourForm),
    Question("other-colour", OtherColourForm, _other),
    Question("sizes", SizesForm),
)
PLACES = Places(question=lambda slug: f"/order/{slug}", check="/order/check", start="/shop")


class Session(dict[str, Any]):
    """A session as the helper uses it (a dict that is saved)."""


def _request(method: str = "get", data: dict[str, Any] | None = None, query: str = "", session: Any = None) -> Any:
    factory = RequestFactory()
    request = factory.post(f"/x{query}", data or {}) if method == "post" else factory.get(f"/x{query}")
    request.session = session if session is not None else Session()  # type: ignore[assignment]
    return request


def _journey(request: Any, owner: Any = None) -> Journey:
    return Journey(request, "order", QUESTIONS, PLACES, owner=owner)


def test_the_next_page_is_the_first_question_not_answered_then_check_your_answers():
    session = Session()
    journey = _journey(_request(session=session))
    assert journey.next_url() == "/order/colour"
    form, next_url = journey.answer(_request("post", {"colour": "red"}, session=session), "colour")
    assert form.is_valid() and next_url == "/order/sizes"  # "another colour" was not chosen: its question is skipped
    _, next_url = journey.answer(_request("post", {"sizes": ["s", "l"]}, session=session), "sizes")
    assert next_url == "/order/check"
    progress = journey.progress()
    assert progress.next is None and progress.asked == ("colour", "sizes")
    assert progress.cleaned == {"colour": "red", "sizes": ["s", "l"]}  # every box ticked is kept


def test_a_question_that_applies_only_for_some_answers_is_asked_for_them():
    session = Session()
    journey = _journey(_request(session=session))
    _, next_url = journey.answer(_request("post", {"colour": "other"}, session=session), "colour")
    assert next_url == "/order/other-colour"
    assert journey.back_url("other-colour") == "/order/colour"
    assert journey.back_url("sizes") == "/order/other-colour"
    assert journey.back_url("colour") == "/shop"


def test_back_skips_a_question_that_does_not_apply():
    session = Session()
    journey = _journey(_request(session=session))
    journey.answer(_request("post", {"colour": "red"}, session=session), "colour")
    assert journey.back_url("sizes") == "/order/colour"


def test_a_change_link_returns_to_check_your_answers_unless_the_new_answer_opens_a_question():
    session = Session()
    journey = _journey(_request(session=session))
    for slug, data in (("colour", {"colour": "red"}), ("sizes", {"sizes": ["m"]})):
        journey.answer(_request("post", data, session=session), slug)
    assert journey.change_url("colour") == "/order/colour?change=1"
    assert journey.back_url("colour", is_changing=True) == "/order/check"
    _, next_url = journey.answer(_request("post", {"colour": "other"}, "?change=1", session), "colour")
    assert next_url == "/order/other-colour?change=1"  # asked first, then back to check your answers
    _, next_url = journey.answer(_request("post", {"other_colour": "teal"}, "?change=1", session), "other-colour")
    assert next_url == "/order/check"
    _, next_url = journey.answer(_request("post", {"colour": "red"}, "?change=1", session), "colour")
    assert next_url == "/order/check"
    assert "other_colour" not in journey.progress().cleaned  # an answer that no longer applies is not used


def test_a_bad_answer_is_not_kept_and_the_page_has_errors():
    session = Session()
    journey = _journey(_request(session=session))
    form, next_url = journey.answer(_request("post", {"colour": "purple"}, session=session), "colour")
    assert next_url is None and page_has_errors(form)
    assert journey.stored("colour") is None
    assert not page_has_errors(journey.form("colour")) and not page_has_errors(None)


def test_answers_are_kept_as_posted_and_shown_again():
    session = Session()
    journey = _journey(_request(session=session))
    journey.answer(_request("post", {"sizes": ["s", "m"], "csrfmiddlewaretoken": "t"}, session=session), "sizes")
    assert journey.stored("sizes") == {"sizes": ["s", "m"]}  # never the CSRF token
    assert journey.form("sizes")["sizes"].value() == ["s", "m"]


def test_answers_for_another_owner_are_not_read_and_clear_forgets_them():
    session = Session()
    first = _journey(_request(session=session), owner=1)
    first.answer(_request("post", {"colour": "red"}, session=session), "colour")
    assert _journey(_request(session=session), owner=2).next_url() == "/order/colour"
    assert first.next_url() == "/order/sizes"
    first.clear()
    assert first.next_url() == "/order/colour"


def test_an_answer_no_longer_valid_sends_the_person_back_to_its_question():
    session = Session()
    journey = _journey(_request(session=session))
    journey.answer(_request("post", {"colour": "red"}, session=session), "colour")
    session["journey:order"]["answers"]["colour"] = {"colour": ["blue"]}  # a choice since withdrawn, say
    assert journey.progress().next == "colour"


def test_summary_rows_have_a_change_link_naming_what_it_changes():
    session = Session()
    journey = _journey(_request(session=session))
    rows = journey.summary_rows([("Colour", "Red", "colour"), ("Shop", "Ours", None)])
    assert rows[0]["actions"]["items"] == [
        {"href": "/order/colour?change=1", "text": "Change", "visuallyHiddenText": "colour"}
    ]
    assert "actions" not in rows[1]
    assert summary_rows([("Size", "M", "/x")])[0]["value"] == {"text": "M"}


def test_changing_a_saved_record_asks_the_question_an_answer_opens_then_gives_both_changes():
    session = Session()
    change = RecordChange(_request(session=session), "change-1", QUESTIONS[:2], {"colour": "red", "other_colour": None})
    assert not change.applies("other-colour")  # the record's colour is red
    assert change.form("colour")["colour"].value() == "red"  # filled in from the record
    form = change.form("colour", {"colour": ["other"]})
    assert form.is_valid()
    follow, _ = change.submit("colour", form, {"colour": ["other"]})
    assert follow == "other-colour" and change.applies("other-colour")
    form = change.form("other-colour", {"other_colour": ["teal"]})
    assert form.is_valid()
    follow, changes = change.submit("other-colour", form, {"other_colour": ["teal"]})
    assert follow is None and changes == {"colour": "other", "other_colour": "teal"}
    change.done()
    assert not change.applies("other-colour")


def test_changing_a_saved_record_without_a_follow_up_saves_at_once():
    change = RecordChange(_request(), "change-1", QUESTIONS[:2], {"colour": "other", "other_colour": "teal"})
    form = change.form("colour", {"colour": ["red"]})
    assert form.is_valid()
    assert change.submit("colour", form, {"colour": ["red"]}) == (None, {"colour": "red"})
