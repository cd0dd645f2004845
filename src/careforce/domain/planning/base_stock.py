"""Base-year shares of the filled posts: by role (published group totals) and by age band.

Role groups take the published West Midlands group totals (managers, professionals, admin, other
non-care, the rest direct care) and split them with the published figures named in each source;
Coventry's own published 2022/23 group split replaces the regional one for Coventry. The age
profile is the maximum-entropy profile that matches the published 55+ share and average age.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from .dimensions import AGE_BANDS, AGES, ROLE_GROUPS, ROLES
from .published import Assumption, workforce_figure

FloatArray = NDArray[np.float64]
ENGLAND = "E92000001"
WM = "E12000005"


def role_shares(assumptions: list[Assumption]) -> tuple[FloatArray, dict[str, float]]:
    """Regional role shares from published group totals, and the within-group splits used."""
    total_1617 = workforce_figure(WM, "2016/17", "adult_social_care_jobs")
    article = "2016/17 (article Dec 2017)"
    managers = workforce_figure(WM, article, "managers")
    professional = workforce_figure(WM, article, "professional_staff")
    admin = workforce_figure(WM, article, "administrative_roles")
    other = workforce_figure(WM, article, "other_non_care_posts")
    locations = workforce_figure(WM, "2017/18", "locations")
    jobs_1718 = workforce_figure(WM, "2017/18", "adult_social_care_jobs")
    eng_filled = workforce_figure(ENGLAND, "2022/23", "filled_posts")
    social_workers = workforce_figure(ENGLAND, "2022/23", "social_workers")
    ots = workforce_figure(ENGLAND, "2022/23", "occupational_therapists")
    cw_vac = workforce_figure(ENGLAND, "2017/18", "care_worker_vacancies")
    vac = workforce_figure(ENGLAND, "2017/18", "vacancies")

    group = {
        "managerial": managers.value / total_1617.value,
        "professional": professional.value / total_1617.value,
        "administrative": admin.value / total_1617.value,
        "other_non_care": other.value / total_1617.value,
    }
    group["direct_care"] = 1.0 - sum(group.values())
    share = {
        "registered_manager": locations.value / jobs_1718.value,
        "social_worker": social_workers.value / eng_filled.value,
        "occupational_therapist": ots.value / eng_filled.value,
        "care_worker": cw_vac.value / vac.value,
    }
    share["other_managerial"] = group["managerial"] - share["registered_manager"]
    share["registered_nurse"] = group["professional"] - share["social_worker"] - share["occupational_therapist"]
    rest = group["direct_care"] - share["care_worker"]
    share["senior_care_worker"] = rest / 2
    share["support_and_outreach"] = rest / 2
    share["administrative"] = group["administrative"]
    share["other_non_care"] = group["other_non_care"]
    group_src = "; ".join(f.source for f in (total_1617, managers, professional, admin, other))
    notes = {
        "registered_manager": (
            "derived",
            f"one registered manager per CQC location: {locations.source}; {jobs_1718.source}",
        ),
        "other_managerial": ("derived", f"managers less registered managers: {managers.source}"),
        "social_worker": ("derived", f"England share: {social_workers.source}; {eng_filled.source}"),
        "occupational_therapist": ("derived", f"England share: {ots.source}; {eng_filled.source}"),
        "registered_nurse": ("derived", f"professional staff less social workers and OTs: {professional.source}"),
        "care_worker": (
            "derived",
            f"proxy: care workers' share of vacancies taken as their share of posts: {cw_vac.source}; {vac.source}",
        ),
        "senior_care_worker": ("assumption", f"rest of direct care split equally (no published split); {group_src}"),
        "support_and_outreach": ("assumption", f"rest of direct care split equally (no published split); {group_src}"),
        "administrative": ("derived", f"{admin.source}; {total_1617.source}"),
        "other_non_care": ("derived", f"{other.source}; {total_1617.source}"),
    }
    for role in ROLES:
        kind, src = notes[role]
        assumptions.append(Assumption(f"role_share.{role}", share[role], "share of filled posts", src, kind))
    return np.array([share[r] for r in ROLES]), group


def coventry_role_shares(regional: FloatArray, assumptions: list[Assumption]) -> FloatArray:
    """Coventry's published 2022/23 group split, keeping the regional split within each group."""
    cov = "E08000026"
    figs = {
        "managerial": workforce_figure(cov, "2022/23", "filled_posts_managerial"),
        "professional": workforce_figure(cov, "2022/23", "filled_posts_regulated_professions"),
        "direct_care": workforce_figure(cov, "2022/23", "filled_posts_direct_care"),
        "other": workforce_figure(cov, "2022/23", "filled_posts_other"),
    }
    total = sum(f.value for f in figs.values())
    out = regional.copy()
    for name, fig in figs.items():
        idx = [i for i, g in enumerate(ROLE_GROUPS) if g.group == name]
        out[idx] = regional[idx] / regional[idx].sum() * fig.value / total
        assumptions.append(
            Assumption(f"role_group_share.{name} (Coventry)", fig.value / total, "share", fig.source, "derived")
        )
    return out


def age_shares(assumptions: list[Assumption]) -> FloatArray:
    """Maximum-entropy age profile matching the published 55+ share and average age (WM 2019/20)."""
    over_55 = workforce_figure(WM, "2019/20", "share_aged_55_plus")
    mean_age = workforce_figure(WM, "2019/20", "average_age")
    mids = np.array([b.midpoint for b in AGE_BANDS])
    widths = np.array([b.width for b in AGE_BANDS], dtype=np.float64)
    older = np.array([b.lower >= 55 for b in AGE_BANDS])
    target_older = over_55.value / 100

    def shares(theta: float) -> FloatArray:
        w = widths * np.exp(theta * (mids - mids.mean()))
        out: FloatArray = np.where(older, target_older * w / w[older].sum(), (1 - target_older) * w / w[~older].sum())
        return out

    lo, hi = -1.0, 1.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if float(shares(mid) @ mids) < mean_age.value:
            lo = mid
        else:
            hi = mid
    result = shares((lo + hi) / 2)
    src = (
        f"maximum-entropy profile over band widths with the published constraints {over_55.source}; "
        f"{mean_age.source}; band midpoints assume ages 16-74"
    )
    for band, s in zip(AGES, result, strict=True):
        assumptions.append(Assumption(f"age_share.{band}", float(s), "share of filled posts", src, "derived"))
    return result
