"""What an applicant is told about their application: its status in their words, and the email at each move.

The one place for the applicant's wording of the pipeline (the manager's wording is ``Stage``'s labels).
Every move to another stage emails the applicant (``careforce.notify``, sent when the move commits), except
a move back to "new", which is the employer correcting a mistake, and applications whose personal details
were erased.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from careforce import notify

from .models import Application, Stage

# what the person sees for each stage, on their applications page and in the subject of the email
STATUS = {
    Stage.NEW: "Sent: the employer has not replied yet",
    Stage.CONTACTED: "The employer is getting in touch",
    Stage.INTERVIEW: "Invited to an interview",
    Stage.OFFER: "Offered the job",
    Stage.CHECKS: "Checks (DBS and references)",
    Stage.HIRED: "Hired",
    Stage.NOT_PROGRESSED: "Not taken forward",
    Stage.WITHDRAWN: "Withdrawn by you",
}

NEWS = {
    Stage.CONTACTED: "The employer has read your application and will contact you by email or phone soon.",
    Stage.INTERVIEW: "You are invited to an interview. The employer will tell you the date, the time and where it "
    "is, and who will be on the panel.",
    Stage.OFFER: "Good news: the employer is offering you the job. Next they will ask for references and a DBS "
    "(criminal record) check before you start.",
    Stage.CHECKS: "The employer is now doing the checks every care job needs: a DBS (criminal record) check and "
    "references. They may ask you for documents, such as proof of your right to work.",
    Stage.NOT_PROGRESSED: "The employer has decided not to take your application further this time. Thank you for "
    "applying: other care employers near you are recruiting, and you can apply to them in a few minutes.",
}


def status(stage: str) -> str:
    return STATUS.get(Stage(stage), Stage(stage).label)


def _details(application: Application) -> dict[str, str]:
    from .presenters import job_title, with_article

    vacancy: Any = application.vacancy
    return {
        "name": application.full_name,
        "job": with_article(job_title(vacancy).lower()),
        "workplace": vacancy.workplace.name,
        "employer": vacancy.workplace.organisation.name,
        "reference": f"CF-{application.pk}",
    }


def tell_of_move(application: Application, start_date: date | None = None) -> bool:
    """Email the applicant that their application moved to its current stage. Whether an email was sent."""
    stage = Stage(application.stage)
    if not application.email or stage in (Stage.NEW, Stage.WITHDRAWN):
        return False
    news = NEWS.get(stage, "")
    if stage == Stage.HIRED:
        news = "Congratulations: you have the job." + (
            f" Your start date is {start_date:%-d %B %Y}." if start_date is not None else ""
        )
    notify.send(
        application.email,
        "application_update",
        status=status(stage),
        news=news,
        applications_link=notify.link(reverse("careers:your-applications")),
        **_details(application),
    )
    return True


def tell_of_application(application: Application) -> None:
    """The copy of a new application, with links to confirm the address and to withdraw."""
    from careforce import links

    notify.send(
        application.email,
        "application_sent",
        confirm_link=links.confirm_application(application.pk),
        withdraw_link=links.withdraw(application.pk),
        account_link=notify.link(reverse("careers:create-account")),
        **_details(application),
    )


def tell_of_withdrawal(application: Application) -> None:
    if application.email:
        notify.send(
            application.email,
            "application_withdrawn",
            search_link=notify.link(reverse("careers:search")),
            **_details(application),
        )


def tell_friend(referral: Any, referrer_name: str) -> None:
    """Email the friend a member of staff referred: who thinks they would be good, and the job's link."""
    from careforce import links

    from .presenters import job_title, with_article

    vacancy = referral.vacancy
    notify.send(
        referral.friend_email,
        "friend_referred",
        name=referral.friend_name,
        referrer=referrer_name,
        employer=vacancy.workplace.organisation.name,
        job=with_article(job_title(vacancy).lower()),
        workplace=vacancy.workplace.name,
        job_link=links.share(referral.referrer_id, vacancy.pk),
    )
