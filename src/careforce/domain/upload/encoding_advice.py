"""What ASC-WDS itself would do with a file careforce read forgivingly, and how to save it so ASC-WDS takes it.

careforce reads the shapes spreadsheets save (see :mod:`reading`); ASC-WDS reads only comma-separated UTF-8
text without a byte-order mark. It recognises a file by comparing the start of its header row with its own
(``whichFile.js``) and then the whole header row, character for character (``validate/headers``), so a
byte-order mark before LOCALESTID makes the file unrecognised, and it decodes every file
as UTF-8, so a Windows-1252 file's £ signs and accented letters become replacement characters. A warning (never an
error: careforce has read the file correctly) tells the provider before they send the same file on.
"""

from __future__ import annotations

import codecs

from careforce.domain.upload.reading import UploadFile

HOW_TO_SAVE = (
    "To send this file to ASC-WDS, save it as comma-separated UTF-8 without a byte-order mark: in Google Sheets, "
    "File > Download > Comma Separated Values (.csv); in LibreOffice Calc, Save As 'Text CSV (.csv)' with "
    "character set 'Unicode (UTF-8)' and field delimiter ','; in Excel, 'CSV (Comma delimited) (*.csv)' only if the "
    "file has no £ signs or accented letters (Excel's 'CSV UTF-8' adds the byte-order mark). Or download the file "
    "from careforce, which writes it as ASC-WDS takes it"
)
_ENCODINGS = {
    "utf-8-sig": "it starts with a byte-order mark (Excel's 'CSV UTF-8' adds one), so ASC-WDS does not recognise "
    "its header row and refuses the file",
    "cp1252": "it is saved as Windows-1252 text (Excel's plain 'CSV' on Windows), so ASC-WDS, which reads UTF-8, "
    "would turn its £ signs and accented letters into replacement characters (�)",
    "utf-16": "it is saved as UTF-16 ('Unicode Text'), which ASC-WDS cannot read",
}
_DELIMITERS = {";": "semicolons", "\t": "tabs"}


def ascwds_would_not_take(upload: UploadFile) -> str:
    """A warning for a file careforce read but ASC-WDS would refuse or garble as saved ("" when it would take it)."""
    reasons = []
    if upload.encoding in _ENCODINGS:
        reasons.append(_ENCODINGS[upload.encoding])
    if upload.delimiter in _DELIMITERS:
        reasons.append(f"its values are separated by {_DELIMITERS[upload.delimiter]}, and ASC-WDS needs commas")
    if not reasons and _header_line(upload) != upload.delimiter.join(upload.layout.header):
        reasons.append(
            "its header row is not written exactly as ASC-WDS's, which ASC-WDS compares character for character "
            "(column names in capitals, no spaces, no empty cells after the last column), so it refuses the file"
        )
    if not reasons:
        return ""
    return f"careforce has read this file, but ASC-WDS would not take it as saved: {'; '.join(reasons)}. {HOW_TO_SAVE}."


def _header_line(upload: UploadFile) -> str:
    """The header row as written (the first non-blank line), without its line ending."""
    decoder = codecs.getincrementaldecoder(upload.encoding)("replace")
    text = decoder.decode(upload.data[:65536]).lstrip("\r\n")
    end = text.find("\n")
    return (text if end < 0 else text[:end]).rstrip("\r")
