"""Helpers for the upload tests: download the three files, change them, upload them, confirm."""

import csv
import io
import zipfile


def download_all(client) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    response = client.get("/provider/upload/download/all")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="ascwds-files.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name) for name in archive.namelist()}


def table(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def as_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def upload(client, files: dict[str, bytes], follow: bool = True):  # type: ignore[no-untyped-def]
    handles = []
    for name, content in files.items():
        handle = io.BytesIO(content)
        handle.name = name
        handles.append(handle)
    return client.post("/provider/upload/", {"files": handles}, follow=follow)


def confirm(client, response):  # type: ignore[no-untyped-def]
    upload_url = response.redirect_chain[-1][0]
    return client.post(f"{upload_url}/confirm", follow=True)
