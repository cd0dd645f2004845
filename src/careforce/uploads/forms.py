"""The upload form: one, two or all three ASC-WDS files at once."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from careforce.domain.upload import DEFAULT_MAX_BYTES
from careforce.domain.upload.reading import describe_size

MAX_FILES = 3


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files from one ``<input type="file" multiple>``."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(FilesField, self).clean(item, initial) for item in files]


class UploadForm(forms.Form):
    files = FilesField(  # type: ignore[assignment]
        label="Upload your workplace, staff or training files",
        error_messages={
            "required": "Select one, two or three ASC-WDS files (workplace, staff or training)",
            "empty": "The selected file is empty",
        },
    )

    def clean_files(self) -> list[tuple[str, bytes]]:
        chosen: list[UploadedFile] = self.cleaned_data["files"]
        if len(chosen) > MAX_FILES:
            raise forms.ValidationError(
                f"Select at most {MAX_FILES} files: one workplace, one staff and one training file"
            )
        for item in chosen:
            if (item.size or 0) > DEFAULT_MAX_BYTES:
                raise forms.ValidationError(
                    f"{item.name} is {describe_size(item.size or 0)}; the largest file we accept is "
                    f"{describe_size(DEFAULT_MAX_BYTES)}: upload the staff of a few workplaces at a time"
                )
        return [(item.name or "file.csv", item.read()) for item in chosen]
