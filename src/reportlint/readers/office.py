"""Word 97–2003 (.doc), WPS (.wps), OpenDocument (.odt) and RTF (.rtf) drafts: converted to .docx by
LibreOffice, when it is installed, then read like any .docx (see :mod:`reportlint.readers.docx`): line N is
the Nth paragraph of the converted document.

Each conversion runs ``soffice --headless --convert-to docx`` in a temporary folder of its own, with a
private LibreOffice profile (``-env:UserInstallation``), so that parallel runs and an open LibreOffice
window do not clash; the profile turns macros off and never updates links (reading a draft must not run
code or fetch anything). It is stopped after :data:`TIMEOUT` seconds. Without LibreOffice, or when it cannot
convert the file, the file is reported (RL001) with what to do: save it as .docx in Word or WPS.

Import cost: the standard library only; nothing runs unless such a file is read.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from reportlint.readers import ReadError

#: Seconds one conversion may take (a cold start of LibreOffice with a new profile takes a few).
TIMEOUT = 120
#: The largest .docx a conversion may produce (the .docx reader bounds what it inflates, too).
MAX_CONVERTED_SIZE = 200 * 1024 * 1024
_SAVE_AS = "请在 Word/WPS 中另存为 .docx"
#: The private profile's settings (path, property, value): no macros whatever their signature, no untrusted
#: links, no link updates (nothing fetched), no first-start wizard.
_PROFILE_SETTINGS = (
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "2"),
    ("/org.openoffice.Setup/Office", "FirstStartWizardCompleted", "true"),
)


def profile_settings() -> str:
    """The ``registrymodifications.xcu`` a new private profile starts with."""
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>\n'
        for path, name, value in _PROFILE_SETTINGS
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n"
    )


def find_soffice() -> str | None:
    """LibreOffice's ``soffice`` on the PATH, or (on Windows, where the installer does not add it to the PATH)
    in its default install folders."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if os.name == "nt":
        for variable in ("PROGRAMFILES", "PROGRAMFILES(X86)"):
            base = os.environ.get(variable)
            if base and (candidate := Path(base, "LibreOffice", "program", "soffice.exe")).is_file():
                return str(candidate)
    return None


def convert_to_docx(data: bytes, fmt: str) -> bytes:
    """The .docx that LibreOffice makes of ``data``, a file in format ``fmt`` (``doc``, ``wps``, ``odt``,
    ``rtf``). Raises :class:`ReadError` with a message that says what to do."""
    program = find_soffice()
    if program is None:
        raise ReadError(f"无法读取：未安装 LibreOffice，无法转换 .{fmt} 文件；{_SAVE_AS}")
    with tempfile.TemporaryDirectory(prefix="reportlint-convert-", ignore_cleanup_errors=True) as temporary:
        folder = Path(temporary)
        source = folder / f"draft.{fmt}"  # a plain name: whatever the draft is called, LibreOffice sees ASCII
        source.write_bytes(data)
        profile = folder / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(profile_settings(), encoding="utf-8")
        output = folder / "out"
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx",
            "--outdir",
            str(output),
            str(source),
        ]
        details = _run(command, fmt)
        converted = output / "draft.docx"
        if not converted.is_file():
            reason = f"（{details}）" if details else ""
            raise ReadError(f"无法读取：LibreOffice 无法转换此 .{fmt} 文件{reason}，可能已损坏或设有密码；{_SAVE_AS}")
        if converted.stat().st_size > MAX_CONVERTED_SIZE:
            raise ReadError(f"拒绝读取：转换后的 .docx 超过 {MAX_CONVERTED_SIZE // (1024 * 1024)} MB")
        return converted.read_bytes()


def _run(command: list[str], fmt: str) -> str:
    """Run LibreOffice; return the last line it printed on stderr (its reason, when it gives one). On Unix it
    runs in a session of its own, so that the whole process group (``soffice`` is a script that starts
    ``soffice.bin``) is stopped at the time limit."""
    unix = os.name == "posix"
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=unix,
        )
    except OSError as error:
        raise ReadError(f"无法读取：无法启动 LibreOffice（{error.strerror or error}）；{_SAVE_AS}") from None
    try:
        _, errors = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        if unix:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except OSError:
                pass
        process.kill()
        process.communicate()
        raise ReadError(f"无法读取：LibreOffice 转换 .{fmt} 文件超过 {TIMEOUT} 秒；{_SAVE_AS}") from None
    lines = [
        line.strip()
        for line in errors.decode("utf-8", "replace").splitlines()
        if line.strip() and "javaldx" not in line  # a warning of every start without Java: not the reason
    ]
    return lines[-1][:200] if lines else ""
