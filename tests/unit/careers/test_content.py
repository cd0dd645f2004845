from careforce.domain.careers.content import (
    care_values,
    career_paths,
    entry_role_codes,
    entry_routes,
    myths,
    pathway_edges,
    role_profiles,
)
from careforce.domain.reference import code_list, read_rows


def test_the_seven_pathway_values_are_there_by_their_official_names() -> None:
    assert [v.name for v in care_values()] == [
        "Kind, compassionate and empathetic",
        "Honest, trustworthy and reliable",
        "Respect",
        "Courageous and principled",
        "See the whole person",
        "Flexible, open and learning",
        "Proud and positive",
    ]


def test_role_profiles_use_real_job_role_codes_and_pathway_categories() -> None:
    profiles = role_profiles()
    job_roles = code_list("job_roles")
    assert {8, 52, 7, 45, 43, 4} <= set(profiles)
    for code, profile in profiles.items():
        assert code in job_roles
        assert profile.cwp_category_label in code_list("cwp_role_category").labels.values()
        assert profile.day, f"{profile.title} needs a day in the life"
        assert all(route in entry_routes() for route in profile.entry_routes)
    assert profiles[8].cwp_category_label == "Care or support worker"
    assert profiles[4].cwp_category_label == "Registered manager"


def test_new_starters_can_begin_in_the_entry_roles() -> None:
    assert set(entry_role_codes()) == {8, 52, 34, 9}
    for code in entry_role_codes():
        assert "no_experience" in role_profiles()[code].entry_routes


def test_the_career_pathway_leads_from_care_worker_to_registered_manager() -> None:
    paths = career_paths(8)
    assert paths[0] == (8, 45, 43, 4)
    assert all(path[0] == 8 and path[-1] == 4 for path in paths)
    assert (8, 7) in pathway_edges()
    assert career_paths(4) == []


def test_the_pathway_only_goes_up_or_across_the_pathway_categories() -> None:
    profiles = role_profiles()
    for start, end in pathway_edges():
        a, b = profiles[start].cwp_category, profiles[end].cwp_category
        assert a == 998 or b >= a, (start, end)


def test_every_myth_is_answered_with_sourced_facts() -> None:
    answered = myths()
    assert len(answered) >= 6
    for myth in answered:
        assert myth.facts
        for fact in myth.facts:
            assert fact.source.url.startswith("http")
            assert "{" not in fact.text


def test_figures_in_myths_are_the_published_workforce_figures() -> None:
    rows = read_rows("calibration", "workforce_estimates.csv")
    wm_part_time = next(
        r
        for r in rows
        if r["area"] == "West Midlands (region)" and r["year"] == "2019/20" and r["metric"] == "share_part_time"
    )
    fact = next(f for m in myths() if m.key == "family_hours" for f in m.facts if f.year == "2019/20")
    assert fact.text.startswith(f"{wm_part_time['value']}%")
    assert fact.source.url == wm_part_time["source_url"]
    walsall = next(f for m in myths() if m.key == "no_local_jobs" for f in m.facts if "Walsall" in f.text)
    assert "800 vacant posts" in walsall.text
