"""DialerViewModel: the number field, its live preview and validation, and starting calls.

The default action is start.employee_call for my employee (employee id and default virtual number
come from settings): my phone rings first, then the contact. The settings' default start method and
its options (`options_from_settings`) are where the dialer starts and what "reset" returns to. The
"advanced" options (`DialOptions`) choose another start method and fill in every option the spec
offers; they are validated locally with the spec's rules before anything is sent. A dial is
submitted under one runner key and guarded by the `dialing` flag, so pressing Enter twice starts one
call. Numbers that were dialled are kept as recent numbers (most recent first, no duplicates) for
completion, through an injected store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QStringListModel, Signal

from callpad.api.errors import CallApiError, PhoneNumberError
from callpad.api.phone import PhoneNumber, parse_phone
from callpad.api.service import CallService
from callpad.config.schema import StartMethod
from callpad.viewmodels.dial_options import DialOptions, validate
from callpad.viewmodels.error_kinds import user_message
from callpad.viewmodels.start_call import start_call
from callpad.viewmodels.task_runner import TaskRunner

_log = logging.getLogger(__name__)

DIAL_KEY = "dial"

_NO_EMPLOYEE = (
    "Укажите своего сотрудника в настройках, чтобы звонить",
    "Set your employee in the settings to make calls",
)


class RecentNumbersStore(Protocol):
    """Where recent numbers persist (the config layer, or a list in tests)."""

    def load(self) -> list[str]: ...

    def save(self, numbers: list[str]) -> None: ...


class DialerViewModel(QObject):
    """Number text, normalized preview, inline validation, dialing, recent numbers, options.

    Signals (change-only):
        text_changed(str), preview_changed(str), validation_error_changed(str),
        can_dial_changed(bool), dialing_changed(bool), recent_numbers_changed(list),
        method_changed(str), options_changed(), option_errors_changed(dict),
        dialed(int): a call was started; its call_session_id.
        dial_failed(str): the sentence of a dial that failed (also on the runner's channel).
    """

    text_changed = Signal(str)
    preview_changed = Signal(str)
    validation_error_changed = Signal(str)
    can_dial_changed = Signal(bool)
    dialing_changed = Signal(bool)
    recent_numbers_changed = Signal(list)
    method_changed = Signal(str)
    options_changed = Signal()
    option_errors_changed = Signal(dict)
    dialed = Signal(int)
    dial_failed = Signal(str)

    def __init__(
        self,
        service: CallService,
        runner: TaskRunner,
        *,
        employee_id: int | None,
        default_virtual_number: str = "",
        defaults: DialOptions | None = None,
        refresh: Callable[[], None] | None = None,
        recent_store: RecentNumbersStore | None = None,
        region: str = "RU",
        lang: str = "ru",
        max_recent: int = 20,
        tts_max_length: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._employee_id = employee_id
        self._default_vn = default_virtual_number
        self._refresh = refresh or (lambda: None)
        self._store = recent_store
        self._region = region
        self._lang = lang
        self._max_recent = max_recent
        self._tts_max = tts_max_length
        self._text = ""
        self._preview = ""
        self._error = ""
        self._dialing = False
        self._defaults = DialOptions() if defaults is None else defaults
        self._options = self._defaults
        self._option_errors: dict[str, str] = {}
        self._recent: list[str] = list(recent_store.load()) if recent_store else []
        self._recent_model = QStringListModel(self._recent, self)
        self._revalidate_options()

    # -- properties -----------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def preview(self) -> str:
        return self._preview

    @property
    def validation_error(self) -> str:
        return self._error

    @property
    def can_dial(self) -> bool:
        return bool(self._preview) and not self._dialing and not self._option_errors

    @property
    def dialing(self) -> bool:
        return self._dialing

    @property
    def method(self) -> str:
        return self._options.method.value

    @property
    def options(self) -> DialOptions:
        return self._options

    @property
    def defaults(self) -> DialOptions:
        """The options "reset" returns to: the settings' start method and its options."""
        return self._defaults

    @property
    def option_errors(self) -> dict[str, str]:
        return dict(self._option_errors)

    @property
    def recent_numbers(self) -> list[str]:
        return list(self._recent)

    @property
    def recent_model(self) -> QStringListModel:
        """Recent numbers for a QCompleter (most recent first)."""
        return self._recent_model

    @property
    def employee_id(self) -> int | None:
        return self._employee_id

    # -- commands -------------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """The number field changed: update the preview and the inline message."""
        if text == self._text:
            return
        before = self.can_dial
        self._text = text
        self.text_changed.emit(text)
        preview, error = "", ""
        if text.strip():
            try:
                preview = parse_phone(text, region=self._region).display()
            except PhoneNumberError as exc:
                error = exc.user_message(self._lang)
        self._set_preview(preview)
        self._set_error(error)
        self._emit_can_dial(before)

    def clear(self) -> None:
        self.set_text("")

    def set_method(self, method: StartMethod | str) -> None:
        self.set_option("method", method)

    def set_option(self, name: str, value: Any) -> None:
        """Change one advanced option (see `DialOptions` for names and types)."""
        self._set_options(self._options.with_value(name, value))

    def reset_options(self) -> None:
        """Back to the defaults: the settings' start method and its options."""
        self._set_options(self._defaults)

    def set_defaults(self, defaults: DialOptions) -> None:
        """New settings saved: new default start method and options, in effect at once.

        Options the agent has not changed follow the new defaults; options the agent has
        changed (not reset yet) are kept, so nothing typed is lost; reset then gives the new ones.
        """
        if defaults == self._defaults:
            return
        untouched = self._options == self._defaults
        self._defaults = defaults
        if untouched:
            self._set_options(defaults)

    def set_employee(self, employee_id: int | None, default_virtual_number: str = "") -> None:
        """New settings: whose calls I start and from which virtual number."""
        self._employee_id = employee_id
        self._default_vn = default_virtual_number
        self._revalidate_options()

    def dial(self) -> bool:
        """Start a call to the number in the field; False if refused (see validation_error)."""
        if self._dialing or self._runner.is_running(DIAL_KEY):
            return False
        try:
            number = parse_phone(self._text, region=self._region)
        except PhoneNumberError as exc:
            self._set_error(exc.user_message(self._lang))
            return False
        self._revalidate_options()
        if self._option_errors:
            return False
        if self._options.method is StartMethod.EMPLOYEE and self._employee_id is None:
            self._set_error(_NO_EMPLOYEE[0] if self._lang == "ru" else _NO_EMPLOYEE[1])
            return False
        before = self.can_dial
        self._dialing = True
        task = self._runner.submit(self._dial(number, self._options), name="dial", key=DIAL_KEY)
        if task is None:
            self._dialing = False
            return False
        self.dialing_changed.emit(True)
        self._emit_can_dial(before)
        return True

    def dial_number(self, text: str) -> bool:
        """Put `text` (typed, pasted or from a tel: link) in the field and dial it."""
        self.set_text(text)
        return self.dial()

    def redial(self) -> bool:
        """Dial the most recent number again."""
        if not self._recent:
            return False
        return self.dial_number(self._recent[0])

    # -- coroutines -----------------------------------------------------------------------------

    async def _dial(self, contact: PhoneNumber, options: DialOptions) -> None:
        try:
            started = await start_call(
                self._service,
                contact,
                options,
                employee_id=self._employee_id,
                default_virtual_number=self._default_vn,
                region=self._region,
            )
            self._remember(contact.digits)
            self.dialed.emit(int(started.call_session_id))
        except PhoneNumberError as exc:
            self._set_error(exc.user_message(self._lang))
        except CallApiError as exc:
            # Re-raised: the runner reports it on the error channel; the field keeps its text.
            self.dial_failed.emit(user_message(exc, self._lang))
            raise
        finally:
            before = self.can_dial
            self._dialing = False
            self.dialing_changed.emit(False)
            self._emit_can_dial(before)
            self._refresh()

    # -- internals ------------------------------------------------------------------------------

    def _remember(self, digits: str) -> None:
        recent = [digits, *(n for n in self._recent if n != digits)][: self._max_recent]
        self._set_recent(recent)

    def _set_recent(self, recent: list[str]) -> None:
        if recent == self._recent:
            return
        self._recent = recent
        self._recent_model.setStringList(recent)
        if self._store is not None:
            self._store.save(list(recent))
        self.recent_numbers_changed.emit(list(recent))

    def _set_options(self, options: DialOptions) -> None:
        if options == self._options:
            return
        before_method, before = self._options.method, self.can_dial
        self._options = options
        self.options_changed.emit()
        if options.method is not before_method:
            self.method_changed.emit(options.method.value)
        self._revalidate_options()
        self._emit_can_dial(before)

    def _revalidate_options(self) -> None:
        errors = validate(
            self._options,
            region=self._region,
            tts_max_length=self._tts_max,
            default_virtual_number=self._default_vn,
            lang=self._lang,
        )
        if errors != self._option_errors:
            self._option_errors = errors
            self.option_errors_changed.emit(dict(errors))

    def _set_preview(self, preview: str) -> None:
        if preview != self._preview:
            self._preview = preview
            self.preview_changed.emit(preview)

    def _set_error(self, error: str) -> None:
        if error != self._error:
            self._error = error
            self.validation_error_changed.emit(error)

    def _emit_can_dial(self, before: bool) -> None:
        now = self.can_dial
        if now != before:
            self.can_dial_changed.emit(now)
