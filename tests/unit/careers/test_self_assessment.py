import pytest

from careforce.domain.careers.content import care_value
from careforce.domain.careers.self_assessment import (
    IncompleteAnswers,
    Option,
    Question,
    possible_points,
    questions,
    score,
)

# answers worked by hand in the test below
HAND_WORKED = {
    "getting_dressed": "b",  # respect 2, honest 1, kind 1
    "recording_mistake": "a",  # honest 2, courageous 1
    "missing_garden": "b",  # kind 2, whole person 1
    "rough_colleague": "b",  # courageous 2, respect 1
    "new_app": "b",  # nothing
    "cover_shift": "c",  # honest 2
    "neighbour_asks": "b",  # respect 2, kind 1
    "not_today": "b",  # respect 2, whole person 1, honest 1, kind 1
    "just_wiping": "c",  # nothing
    "something_new": "c",  # kind 1
    "running_late": "a",  # honest 2, respect 1, kind 1
}


def test_the_shipped_questions_are_8_to_12_scenarios_with_3_or_4_options() -> None:
    qs = questions()
    assert 8 <= len(qs) <= 12
    assert all(3 <= len(q.options) <= 4 for q in qs)
    assert [q.number for q in qs] == list(range(1, len(qs) + 1))
    assert set(HAND_WORKED) == {q.id for q in qs}


def test_every_value_can_be_scored_by_the_shipped_questions() -> None:
    assert possible_points(questions()) == {
        "kind": 8,
        "honest": 8,
        "respect": 8,
        "courageous": 4,
        "whole_person": 5,
        "flexible": 9,
        "proud": 4,
    }


def test_hand_worked_answers_give_the_expected_result() -> None:
    result = score(HAND_WORKED)
    points = {v.key: (v.points, v.possible) for v in result.values}
    assert points == {
        "kind": (7, 8),
        "honest": (8, 8),
        "respect": (8, 8),
        "courageous": (3, 4),
        "whole_person": (2, 5),
        "flexible": (0, 9),
        "proud": (0, 4),
    }
    assert [s.key for s in result.strengths] == ["honest", "respect", "kind"]
    assert [s.key for s in result.areas_to_think_about] == ["flexible", "proud"]
    # care worker leans on kind (7/8) and respect (8/8): fit 0.9375; community support on
    # whole person (2/5) and courageous (3/4): fit 0.575; the others fall below 0.5
    assert [(r.job_role, r.fit) for r in result.roles_that_fit] == [(8, 0.9375), (9, 0.575)]
    assert result.roles_that_fit[0].because == ("Kind, compassionate and empathetic", "Respect")
    assert result.roles_that_fit[0].reason == (
        "because your answers show that you are kind and notice how people feel, "
        "and that you respect people's choices and privacy"
    )
    assert result.roles_that_fit[1].reason == "because your answers show that you speak up when something is not right"
    assert result.job_roles == frozenset({8, 9})
    assert result.next_steps[:2] == ("Read what a day is like as a care worker", "Search for care worker jobs near you")
    assert care_value("flexible").think_about in result.next_steps
    assert care_value("proud").think_about in result.next_steps


def test_a_tiny_question_set_scores_shares_of_possible_points() -> None:
    qs = (
        Question(
            "q1",
            1,
            "?",
            (Option("a", "", {"kind": 2}), Option("b", "", {"respect": 1, "honest": 1}), Option("c", "", {})),
        ),
        Question(
            "q2",
            2,
            "?",
            (Option("a", "", {"kind": 1, "flexible": 2}), Option("b", "", {"honest": 2}), Option("c", "", {})),
        ),
    )
    result = score({"q1": "a", "q2": "b"}, qs)
    assert [(s.key, round(s.share, 3)) for s in result.strengths] == [("kind", 0.667), ("honest", 0.667)]
    # values the questions never ask about are neither strengths nor areas to think about
    assert [s.key for s in result.areas_to_think_about] == ["respect", "flexible"]
    assert result.roles_that_fit == ()
    assert result.next_steps[0].startswith("Read what a day is like in different care roles")


def test_missing_answers_get_a_message_for_each_question() -> None:
    answers = dict(HAND_WORKED)
    del answers["missing_garden"]
    answers["running_late"] = ""
    answers["new_app"] = "z"
    with pytest.raises(IncompleteAnswers) as error:
        score(answers)
    assert error.value.errors == {
        "missing_garden": "Choose an answer for question 3",
        "new_app": "Choose one of the answers given for question 5",
        "running_late": "Choose an answer for question 11",
    }


def test_no_answers_at_all_lists_every_question() -> None:
    with pytest.raises(IncompleteAnswers) as error:
        score({})
    assert len(error.value.errors) == len(questions())


MOST_CARING = {
    "getting_dressed": "b",
    "recording_mistake": "a",
    "missing_garden": "c",
    "rough_colleague": "b",
    "new_app": "a",
    "cover_shift": "a",
    "neighbour_asks": "b",
    "not_today": "b",
    "just_wiping": "b",
    "something_new": "a",
    "running_late": "a",
}


@pytest.mark.parametrize(
    "changes",
    [{}, {"missing_garden": "b", "something_new": "d", "new_app": "c"}],
    ids=["most caring", "other caring answers"],
)
def test_the_most_caring_answers_score_every_value_as_a_strength_kindness_most_of_all(changes) -> None:
    result = score({**MOST_CARING, **changes})
    shares = {v.key: v.share for v in result.values}
    assert min(shares.values()) >= 0.55, shares
    assert shares["kind"] >= 0.85  # it was 29% before kindness was scored on the caring answers
    assert result.areas_to_think_about == ()
    assert result.roles_that_fit[0].job_role == 8  # care worker: kind and respect


def test_why_a_role_fits_reads_correctly_for_no_one_and_many_values() -> None:
    from careforce.domain.careers.self_assessment import RoleFit

    phrases = ("you are kind and notice how people feel", "you see the whole person, not only the tasks", "you x")
    reasons = [RoleFit(8, "Care worker", 0.6, (), phrases[:n]).reason for n in range(4)]
    assert reasons == [
        "",
        "because your answers show that you are kind and notice how people feel",
        "because your answers show that you are kind and notice how people feel, "
        "and that you see the whole person, not only the tasks",
        "because your answers show that you are kind and notice how people feel, "
        "that you see the whole person, not only the tasks, and that you x",
    ]
