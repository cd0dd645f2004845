from careforce.domain import reference


def test_the_region_has_14_councils_and_30_districts_with_gss_codes():
    councils = reference.councils()
    assert len(councils) == 14
    assert sum(len(c.districts) for c in councils) == 30
    assert {c.name for c in councils} >= {"Birmingham", "Coventry", "Staffordshire", "Warwickshire", "Worcestershire"}
    assert all(c.gss_code[:3] in ("E06", "E08", "E10") for c in councils)
    assert [d.name for d in reference.council("E10000034").districts] == [
        "Bromsgrove",
        "Malvern Hills",
        "Redditch",
        "Worcester",
        "Wychavon",
        "Wyre Forest",
    ]


def test_asc_wds_code_lists_carry_the_bulk_upload_codes():
    roles = reference.code_list("job_roles")
    assert len(roles) == 37
    assert roles.label(8) == "Care worker"
    assert 22 not in roles  # Technician was retired in 2024
    assert reference.code_list("main_services").label(1) == "Care home services with nursing"
    assert len(reference.code_list("training_categories")) == 48
    assert len(reference.code_list("qualifications")) == 145
    assert reference.code_list("contract_type").labels == {
        1: "Permanent",
        2: "Temporary",
        3: "Pool/Bank",
        4: "Agency",
        7: "Other",
    }
    assert len(reference.code_list("cwp_role_category")) == 9


def test_population_65_plus_of_the_region_is_the_sum_of_its_councils():
    older = reference.population("65+", 2022)
    councils = [c.gss_code for c in reference.councils()]
    assert round(sum(older[c] for c in councils)) == round(older[reference.REGION_CODE])
