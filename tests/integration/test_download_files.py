"""Each ASC-WDS file downloaded alone is byte for byte the file in the ZIP and what the export rules write
from the stored records: the quicker ways of reading and writing them (ADR 0130) change no byte."""

import dataclasses
from datetime import date
from typing import Any

import pytest
from uploading import download_all

from careforce.domain.upload import FileKind, TrainingRecordRow, WorkerRecord, export_files
from careforce.domain.upload.neutralise import neutralise_cell
from careforce.uploads import downloads
from careforce.uploads.stored import current_training, current_workers
from careforce.workforce import ascwds
from careforce.workforce.models import Worker, Workplace

pytestmark = pytest.mark.django_db
MANAGER = "manager@demo.careforce.test"


def organisation_id() -> int:
    return Workplace.objects.filter(organisation__users__username=MANAGER).values_list("organisation", flat=True)[0]


def reference_files(organisation: int):  # type: ignore[no-untyped-def]
    """The three files as the export rules write them, from records built by their own constructors."""
    workers = [dataclasses.replace(record) for _pk, record in current_workers(organisation)]
    training = [dataclasses.replace(row) for _pk, row in current_training(organisation)]
    workplaces = [ascwds.workplace_record(w) for w in Workplace.objects.filter(organisation_id=organisation)]
    return export_files(sorted(workplaces, key=lambda w: w.local_identifier), workers, training)


def test_each_file_alone_is_the_file_in_the_zip_and_what_the_export_rules_write(as_manager):  # type: ignore[no-untyped-def]
    worker = Worker.objects.filter(workplace__organisation_id=organisation_id(), left_on__isnull=True).first()
    worker.name_or_id = "=HYPERLINK(evil)"  # a cell a spreadsheet would run: neutralised in every file
    worker.save()
    worker.training.create(category=10, name="'=already quoted", completed_on=date(2026, 3, 1))
    zipped = download_all(as_manager)
    expected = reference_files(organisation_id())
    for kind in FileKind:
        alone = as_manager.get(f"/provider/upload/download/{kind.value}")
        assert alone.status_code == 200
        assert alone.content == zipped[f"{kind.value}.csv"] == getattr(expected, kind.value)
    assert neutralise_cell("=HYPERLINK(evil)").encode() in zipped["staff.csv"]
    assert neutralise_cell("'=already quoted").encode() in zipped["training.csv"]
    assert downloads.files(organisation_id()) == expected


def test_quick_records_equal_the_records_their_constructors_make():  # type: ignore[no-untyped-def]
    names = tuple(f.name for f in dataclasses.fields(TrainingRecordRow))
    values: tuple[Any, ...] = ("WP1", "W1", 10, "Fire safety", 1, None, None, 2, 12, False, date(2026, 1, 2), None, "")
    quick = ascwds.record_maker(TrainingRecordRow, names)(values)
    assert quick == TrainingRecordRow(**dict(zip(names, values, strict=True)))
    assert hash(quick) == hash(TrainingRecordRow(**dict(zip(names, values, strict=True))))
    with pytest.raises(TypeError):
        ascwds.record_maker(WorkerRecord, ("workplace_local_identifier", "local_identifier"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.title = "changed"  # type: ignore[misc]
