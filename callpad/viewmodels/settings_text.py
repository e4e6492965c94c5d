"""Words of the settings screens: field names, problem sentences, the load notice (translated).

Contexts for Qt's translation: "SettingsFields" (field names), "SettingsProblem" (problem
templates and details, marked in callpad.config.codec) and "SettingsNotice".
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from callpad.config.problems import PROBLEM_CONTEXT, QT_TRANSLATE_NOOP, TEMPLATES, Problem
from callpad.config.store import LoadResult

_F = "SettingsFields"
FIELD_LABELS: Mapping[str, str] = {
    "account.provider": QT_TRANSLATE_NOOP("SettingsFields", "Provider"),
    "account.custom_url": QT_TRANSLATE_NOOP("SettingsFields", "Server address"),
    "account.api_version": QT_TRANSLATE_NOOP("SettingsFields", "API version"),
    "account.login": QT_TRANSLATE_NOOP("SettingsFields", "Login"),
    "account.auth_kind": QT_TRANSLATE_NOOP("SettingsFields", "Sign in with"),
    "account.remember": QT_TRANSLATE_NOOP("SettingsFields", "Remember me"),
    "agent.employee_id": QT_TRANSLATE_NOOP("SettingsFields", "Employee id"),
    "agent.employee_phone": QT_TRANSLATE_NOOP("SettingsFields", "My phone"),
    "agent.default_virtual_number": QT_TRANSLATE_NOOP("SettingsFields", "Caller id number"),
    "dial.start_method": QT_TRANSLATE_NOOP("SettingsFields", "Start calls with"),
    "dial.first_call": QT_TRANSLATE_NOOP("SettingsFields", "Dial first"),
    "dial.switch_at_once": QT_TRANSLATE_NOOP("SettingsFields", "Switch at once"),
    "dial.early_switching": QT_TRANSLATE_NOOP("SettingsFields", "Early switching"),
    "dial.show_virtual_phone_number": QT_TRANSLATE_NOOP(
        "SettingsFields", "Show the caller id number to me"
    ),
    "dial.direction": QT_TRANSLATE_NOOP("SettingsFields", "Record the call as"),
    "dial.dialing_timeout": QT_TRANSLATE_NOOP("SettingsFields", "Dialing timeout, s"),
    "dial.scenario_id": QT_TRANSLATE_NOOP("SettingsFields", "Scenario id"),
    "dial.media_file_id": QT_TRANSLATE_NOOP("SettingsFields", "Dialing music (media file id)"),
    "dial.contact_message": QT_TRANSLATE_NOOP("SettingsFields", "Message to the customer"),
    "dial.employee_message": QT_TRANSLATE_NOOP("SettingsFields", "Message to me"),
    "dial.dtmf_string": QT_TRANSLATE_NOOP("SettingsFields", "DTMF after answer"),
    "dial.default_region": QT_TRANSLATE_NOOP("SettingsFields", "Default country"),
    "dial.dial_links_at_once": QT_TRANSLATE_NOOP("SettingsFields", "Dial tel: links at once"),
    "dial.recent_numbers": QT_TRANSLATE_NOOP("SettingsFields", "Recent numbers"),
    "calls.hold_message": QT_TRANSLATE_NOOP("SettingsFields", "Hold message"),
    "poll.active_s": QT_TRANSLATE_NOOP("SettingsFields", "Refresh during my calls, s"),
    "poll.focused_s": QT_TRANSLATE_NOOP("SettingsFields", "Refresh while the window is active, s"),
    "poll.idle_s": QT_TRANSLATE_NOOP("SettingsFields", "Refresh when idle, s"),
    "shortcuts": QT_TRANSLATE_NOOP("SettingsFields", "Shortcuts"),
    "appearance.language": QT_TRANSLATE_NOOP("SettingsFields", "Language"),
    "appearance.theme": QT_TRANSLATE_NOOP("SettingsFields", "Theme"),
    "notifications.incoming_call": QT_TRANSLATE_NOOP("SettingsFields", "Incoming calls"),
    "notifications.error": QT_TRANSLATE_NOOP("SettingsFields", "Errors that need me"),
    "screen_pop.enabled": QT_TRANSLATE_NOOP("SettingsFields", "Open a page for new calls"),
    "screen_pop.url_template": QT_TRANSLATE_NOOP("SettingsFields", "Page address"),
    "desktop.autostart": QT_TRANSLATE_NOOP("SettingsFields", "Start at login"),
    "desktop.close_to_tray": QT_TRANSLATE_NOOP(
        "SettingsFields", "Closing the window keeps callpad in the tray"
    ),
    "desktop.start_minimized": QT_TRANSLATE_NOOP("SettingsFields", "Start minimized"),
}
_MESSAGE_PARTS = {"type", "value"}


def field_label(path: str) -> str:
    """The translated name of a settings field ("agent.employee_id" -> "Employee id")."""
    base = path.split("[", 1)[0]
    parts = base.split(".")
    if parts[-1] in _MESSAGE_PARTS:
        base = ".".join(parts[:-1])
    source = FIELD_LABELS.get(base)
    if source is None and base.startswith("shortcuts."):
        source = FIELD_LABELS["shortcuts"]
    return QCoreApplication.translate(_F, source) if source else path


def describe(problem: Problem) -> str:
    """The problem as a sentence in the current UI language."""
    template = QCoreApplication.translate(PROBLEM_CONTEXT, TEMPLATES[problem.kind])
    detail = QCoreApplication.translate(PROBLEM_CONTEXT, problem.detail) if problem.detail else ""
    return template.format(field=field_label(problem.path), detail=detail)


def load_notice(result: LoadResult) -> str:
    """The one-time notice about the settings file, or "" when there is nothing to say."""
    lines: list[str] = []
    if result.moved_aside is not None:
        lines.append(
            QCoreApplication.translate(
                "SettingsNotice",
                "The settings file could not be read, so callpad started with default "
                "settings. The old file was kept as %1.",
            ).replace("%1", result.moved_aside.name)
        )
    if result.problems:
        lines.append(
            QCoreApplication.translate(
                "SettingsNotice",
                "Some settings had values callpad cannot use; they were reset and everything "
                "else was kept:",
            )
        )
        lines.extend(f"• {describe(p)}" for p in result.problems)
        if result.kept_copy is not None:
            lines.append(
                QCoreApplication.translate(
                    "SettingsNotice", "A copy of the file as it was is kept as %1."
                ).replace("%1", result.kept_copy.name)
            )
    if result.newer_version:
        lines.append(
            QCoreApplication.translate(
                "SettingsNotice",
                "The settings were written by a newer callpad; settings it does not know "
                "will be dropped when you save.",
            )
        )
    return "\n".join(lines)
