"""Bulk upload pages: upload files, read the report, confirm or cancel; download current data and reports.

Only provider managers may use them, and only for their own organisation: another organisation's upload is
a 404, as if it did not exist.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission
from careforce.domain.upload import FileKind
from careforce.domain.upload.export import FILE_NAMES
from careforce.jobs.views import notice_lost_jobs
from careforce.workforce.pages import render_page
from careforce.workforce.queries import organisation_for

from . import downloads, queries, workflow
from .forms import UploadForm
from .presenters import (
    change_rows,
    file_problems,
    is_about_a_whole_file,
    problem_rows,
    problems_counted,
    upload_rows,
)

MANAGE = Permission.MANAGE_PROVIDER_WORKFORCE


def _attachment(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"  # staff's personal data
    return response


@requires(MANAGE)
def start(request: ScopedRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        upload = workflow.receive(request.user, form.cleaned_data["files"])
        return redirect("uploads:upload", upload.pk)
    recent = queries.recent_uploads(request.scope)
    return render_page(
        request,
        "uploads/start.html",
        "Upload ASC-WDS files",
        form=form,
        uploads=upload_rows(recent),
        organisation=organisation_for(request.scope),
    )  # type: ignore[union-attr]


@requires(MANAGE)
def upload(request: ScopedRequest, upload_id: str) -> HttpResponse:
    notice_lost_jobs()  # a check or save whose process died shows as stopped, not busy for ever
    item = queries.upload_for(request.scope, upload_id)
    return render_page(
        request,
        "uploads/upload.html",
        _title(item),
        upload=item,
        job=item.job,
        problems=problem_rows([p for p in item.problems if not is_about_a_whole_file(p)]),
        file_problems=file_problems(item.problems),
        problems_counted=problems_counted(item.problems),
        changes=change_rows(item.changes),
        applied=change_rows(item.changes.get("applied", {})),
        can_check_again=workflow.can_check_again(item),
    )


def _title(item: queries.Upload) -> str:
    if item.is_busy:
        return "Checking your files" if item.state == item.State.CHECKING else "Saving your upload"
    if item.state == item.State.APPLIED:
        return "Upload saved"
    if item.state == item.State.CANCELLED:
        return "Upload cancelled"
    if item.state == item.State.FAILED:
        return "Your upload was not saved"
    if item.error_count:
        return "Your files have problems to fix"
    return "Check the changes before you save them"


@require_POST
@requires(MANAGE)
def confirm(request: ScopedRequest, upload_id: str) -> HttpResponse:
    item = queries.upload_for(request.scope, upload_id)
    if item.can_apply:
        workflow.confirm(request.user, item)
    return redirect("uploads:upload", item.pk)


@require_POST
@requires(MANAGE)
def cancel(request: ScopedRequest, upload_id: str) -> HttpResponse:
    item = queries.upload_for(request.scope, upload_id)
    if item.state in (item.State.CHECKED, item.State.FAILED):
        workflow.cancel(item)
    return redirect("uploads:start")


@require_POST
@requires(MANAGE)
def check_again(request: ScopedRequest, upload_id: str) -> HttpResponse:
    """Start again after a check or save that stopped: check the same files against the records now."""
    item = queries.upload_for(request.scope, upload_id)
    if workflow.can_check_again(item):
        workflow.check_again(request.user, item)
    return redirect("uploads:upload", item.pk)


@requires(MANAGE)
def report(request: ScopedRequest, upload_id: str) -> HttpResponse:
    item = queries.upload_for(request.scope, upload_id)
    if item.is_busy:
        raise Http404("The report is not ready yet")
    return _attachment(bytes(item.report_csv), f"upload-report-{item.created_at:%Y-%m-%d-%H%M}.csv", "text/csv")


@requires(MANAGE)
def download(request: ScopedRequest, kind: str) -> HttpResponse:
    """The organisation's current data: one of the three ASC-WDS files, or all three in a zip."""
    organisation = request.scope.managed_organisation
    if organisation is None:
        raise Http404("No care provider")
    if kind == "all":
        return _attachment(downloads.zipped(organisation), "ascwds-files.zip", "application/zip")
    if kind not in FileKind.__members__.values():
        raise Http404("No such file")
    content = downloads.file(organisation, FileKind(kind))
    return _attachment(content, FILE_NAMES[FileKind(kind)], "text/csv; charset=utf-8")
