"""What ASC-WDS takes, careforce takes: formula-looking text, a staff file with no rows, downloads to send on."""

import csv
import io
from pathlib import Path

import pytest
from uploading import as_bytes, confirm, download_all, table, upload

from careforce.workforce.models import Worker

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent.parent / "fixtures" / "upload"
WORKPLACE_START = "LOCALESTID,STATUS,ESTNAME,ADDRESS1,ADDRESS2,ADDRESS3,POSTTOWN,POSTCODE,"
STAFF_START = "LOCALESTID,UNIQUEWORKERID,STATUS,DISPLAYID,NINUMBER,POSTCODE,DOB,GENDER,"
TRAINING_HEADER = (
    "LOCALESTID,UNIQUEWORKERID,CATEGORY,TRAININGNAME,ACCREDITED,WHODELIVERED,PROVIDERNAME,HOWDELIVERED,"
    "VALIDITY,DATECOMPLETED,EXPIRYDATE,NOTES"
)


def manager_worker(local_identifier: str) -> Worker:
    return Worker.objects.get(
        workplace__organisation__users__username="manager@demo.careforce.test",
        local_identifier=local_identifier,
        left_on__isnull=True,
    )


def test_the_downloads_are_the_bytes_asc_wds_takes(as_manager):  # type: ignore[no-untyped-def]
    files = download_all(as_manager)
    starts = {"workplace.csv": WORKPLACE_START, "staff.csv": STAFF_START, "training.csv": TRAINING_HEADER}
    for name, start in starts.items():
        content = files[name]
        assert not content.startswith(b"\xef\xbb\xbf"), name  # no byte-order mark
        text = content.decode("utf-8")  # UTF-8 throughout
        header, _, rest = text.partition("\r\n")
        assert header.startswith(start), name
        assert ";" not in header and "\t" not in header and " " not in header, name
        rows = list(csv.reader(io.StringIO(rest)))
        assert rows and all(len(row) == header.count(",") + 1 for row in rows), name  # comma-separated
        assert "\n" not in rest.replace("\r\n", ""), name  # CRLF line ends, as ASC-WDS writes them
    assert TRAINING_HEADER == text.partition("\r\n")[0]
    staff = table(files["staff.csv"])
    assert {row[staff[0].index("STATUS")] for row in staff[1:]} == {"UNCHECKED"}
    assert all(row[staff[0].index("MAINJOBROLE")].isdigit() for row in staff[1:])  # ASC-WDS codes, not labels
    one = as_manager.get("/provider/upload/download/staff")
    assert one["Content-Type"] == "text/csv; charset=utf-8" and one.content == files["staff.csv"]


def test_formula_looking_text_is_saved_as_given_and_neutralised_in_the_download(as_manager):  # type: ignore[no-untyped-def]
    files = download_all(as_manager)
    staff = table(files["staff.csv"])
    header, first = staff[0], staff[1]
    worker_id = first[header.index("UNIQUEWORKERID")]
    first[header.index("STATUS")] = "UPDATE"
    first[header.index("DISPLAYID")] = '=HYPERLINK("http://example.invalid")'
    second = staff[2]
    second[header.index("STATUS")] = "UPDATE"
    second[header.index("DISPLAYID")] = "-"
    response = upload(as_manager, {**files, "staff.csv": as_bytes(staff)})
    page = response.content.decode()
    assert "0 errors" in page and "Save these changes" in page
    assert "Upload saved" in confirm(as_manager, response).content.decode()
    assert manager_worker(worker_id).name_or_id == '=HYPERLINK("http://example.invalid")'
    assert manager_worker(second[header.index("UNIQUEWORKERID")]).name_or_id == "-"
    again = download_all(as_manager)
    names = {row[header.index("UNIQUEWORKERID")]: row[header.index("DISPLAYID")] for row in table(again["staff.csv"])}
    assert names[worker_id] == '\'=HYPERLINK("http://example.invalid")'  # a spreadsheet shows it as text
    assert names[second[header.index("UNIQUEWORKERID")]] == "'-"
    page = upload(as_manager, again).content.decode()
    assert "These files match your records: saving them changes nothing." in page


def test_a_staff_file_with_a_header_and_no_rows_is_accepted_and_changes_nothing(as_manager):  # type: ignore[no-untyped-def]
    files = download_all(as_manager)
    header_only = files["staff.csv"].split(b"\r\n")[0] + b"\r\n"
    before = Worker.objects.filter(left_on__isnull=True).count()
    page = upload(as_manager, {"staff.csv": header_only}).content.decode()
    assert "There is a problem" not in page
    assert "0 errors" in page
    assert Worker.objects.filter(left_on__isnull=True).count() == before


def test_a_file_asc_wds_would_garble_is_saved_with_a_warning_saying_how_to_save_it(as_manager):  # type: ignore[no-untyped-def]
    names = ("workplace.csv", "staff_windows_1252.csv")
    response = upload(as_manager, {name: (FIXTURES / name).read_bytes() for name in names})
    page = response.content.decode()
    assert "0 errors" in page and "Save these changes" in page
    assert "ASC-WDS would not take it as saved" in page
    assert "save it as comma-separated UTF-8 without a byte-order mark" in page


def test_a_wrong_header_refuses_the_whole_file_and_the_page_names_the_columns(as_manager):  # type: ignore[no-untyped-def]
    files = download_all(as_manager)
    header, _, rest = files["staff.csv"].partition(b"\r\n")
    before = Worker.objects.filter(left_on__isnull=True).count()
    wrong = header.replace(b"NINUMBER", b"NI_NUMBER") + b"\r\n" + rest
    page = upload(as_manager, {"workplace.csv": files["workplace.csv"], "staff.csv": wrong}).content.decode()
    assert "There is a problem" in page
    assert '<p class="govuk-body"><strong>Error: staff.csv</strong></p>' in page  # shown in full, above the table
    assert "so ASC-WDS would refuse the whole file. Missing column: NINUMBER; unexpected column: NI_NUMBER." in page
    assert "Errors and warnings by file and row" not in page  # no row of the file was read
    assert Worker.objects.filter(left_on__isnull=True).count() == before
