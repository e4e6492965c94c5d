"""The viewmodels' own agent-facing words, in Russian and English (API errors bring their own).

Every function takes `lang` ("ru" or "en"; anything else falls back to English). The texts live
here, as data, so a test can check that every key has both languages.
"""

from __future__ import annotations

from callpad.api.models import Direction, LegState, TalkOptionMnemonic
from callpad.viewmodels.call_phase import CallAction, CallPhase

Lang = str

_PHASE: dict[CallPhase, tuple[str, str]] = {
    CallPhase.SESSION: ("Соединение", "Connecting"),
    CallPhase.TALK: ("Разговор", "Talking"),
    CallPhase.ON_HOLD: ("На удержании", "On hold"),
    CallPhase.DIALING: ("Консультация: дозвон", "Consult: dialling"),
    CallPhase.OPERATOR_TALK: ("Консультация", "Consulting"),
    CallPhase.TRANSFER_PENDING: ("Перевод", "Transferring"),
    CallPhase.CALL_COACH: ("Вызов тренера", "Calling the coach"),
}

_DIRECTION: dict[Direction, tuple[str, str]] = {
    Direction.IN: ("Входящий", "Incoming"),
    Direction.OUT: ("Исходящий", "Outgoing"),
}

_PARTY: dict[str, tuple[str, str]] = {
    "A": ("Клиент", "Customer"),
    "B": ("Оператор", "Agent"),
    "C": ("Консультант", "Consultant"),
    "coach": ("Тренер", "Coach"),
    "other": ("Участник", "Participant"),
}

_ACTION: dict[CallAction, tuple[str, str]] = {
    CallAction.HOLD: ("Удержание", "Hold"),
    CallAction.UNHOLD: ("Снять с удержания", "Unhold"),
    CallAction.CONSULT: ("Консультация", "Consult"),
    CallAction.TRANSFER: ("Перевод", "Transfer"),
    CallAction.RESTORE: ("Вернуться к клиенту", "Return to customer"),
    CallAction.DISCONNECT_LEG: ("Отключить участника", "Disconnect participant"),
    CallAction.TAG: ("Тег", "Tag"),
    CallAction.RECORD_ON: ("Включить запись", "Start recording"),
    CallAction.RECORD_OFF: ("Выключить запись", "Stop recording"),
    CallAction.ADD_COACH: ("Позвать тренера", "Add coach"),
    CallAction.SEND_DTMF: ("Тоновый набор", "Send DTMF"),
    CallAction.BLOCK: ("Заблокировать номер", "Block contact"),
    CallAction.TALK_OPTION: ("Опция разговора", "Talk option"),
    CallAction.RELEASE: ("Завершить звонок", "Hang up"),
}

_TALK_OPTION: dict[TalkOptionMnemonic, tuple[str, str]] = {
    TalkOptionMnemonic.FINISH_CONVERSATION: ("Завершить разговор", "End conversation"),
    TalkOptionMnemonic.TAG_CALL: ("Проставить тег", "Set tag"),
    TalkOptionMnemonic.RECORD_TALK: ("Диктофон", "Voice recorder"),
    TalkOptionMnemonic.TRANSFER_CALL: ("Перевод", "Transfer"),
    TalkOptionMnemonic.RUN_SCENARIO: ("Запустить сценарий", "Run scenario"),
    TalkOptionMnemonic.CALL_COACH: ("Позвонить тренеру", "Call the coach"),
    TalkOptionMnemonic.RECEIVE_FAX: ("Принять факс", "Receive fax"),
    TalkOptionMnemonic.SAVE_NUMA: ("Сохранить АОН", "Save caller ID"),
}

# Free phrases: key -> (ru, en); `{name}` placeholders are filled by `text()`.
_PHRASES: dict[str, tuple[str, str]] = {
    "done": ("Готово: {action}", "Done: {action}"),
    "not_allowed": (
        "Сейчас нельзя: {action} (звонок в состоянии «{phase}»)",
        "Not possible now: {action} (the call is {phase})",
    ),
    "no_call": ("Выберите звонок", "Select a call"),
    "no_leg": ("Выберите участника звонка", "Select a participant of the call"),
    "confirm_block": (
        "Подтвердите блокировку номера",
        "Confirm blocking the number",
    ),
    "dtmf_symbol": (
        "Тоновый набор: одна цифра, * или #",
        "DTMF: one digit, * or #",
    ),
    "tag_missing": ("Выберите тег", "Choose a tag"),
    "dialed": ("Звонок начат: {number}", "Call started: {number}"),
    "recording": ("Запись", "Recording"),
    "operator": ("оператор", "operator"),
    "operator_marker": ("Оператор звонка", "The call's operator"),
    "a11y_call": (
        "{direction} звонок, {contact}, линия {virtual}, {state}, длительность {duration}",
        "{direction} call, {contact}, line {virtual}, {state}, duration {duration}",
    ),
    "a11y_leg": ("{role}, номер {number}, {state}", "{role}, number {number}, {state}"),
    "a11y_tags": ("теги: {tags}", "tags: {tags}"),
    "a11y_for_me": ("звонит вам", "ringing for you"),
    "a11y_recording": ("идёт запись", "recording"),
    "budget_low": (
        "Осталось мало баллов API: {minute} в минуту, {day} на сегодня",
        "API points running low: {minute} this minute, {day} today",
    ),
    "budget_exhausted_minute": (
        "Баллы API на эту минуту закончились, снова через {seconds} с",
        "API points for this minute are used up; back in {seconds} s",
    ),
    "budget_exhausted_day": (
        "Баллы API на сегодня закончились, снова через {time}",
        "API points for today are used up; back in {time}",
    ),
    "budget": ("Баллы API: {minute}/мин, {day}/день", "API points: {minute}/min, {day}/day"),
    "deprecated": (
        "Версия API {current} устарела и скоро будет отключена; последняя версия {latest}."
        " Обновите callpad.",
        "API version {current} is deprecated and will be switched off soon; the latest is"
        " {latest}. Please update callpad.",
    ),
    "repeated": ("{message} (×{count})", "{message} (×{count})"),
    "offline": ("Нет входа", "Signed out"),
    "connecting": ("Вход…", "Signing in…"),
    "online": ("На связи", "Connected"),
    "degraded": ("Нет связи с сервером, повтор…", "Server unreachable, retrying…"),
    "unexpected": ("Непредвиденная ошибка: {name}", "Unexpected error: {name}"),
}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "ru" else pair[1]


def phase_text(phase: CallPhase, lang: Lang) -> str:
    return _pick(_PHASE[phase], lang)


def direction_text(direction: Direction, lang: Lang) -> str:
    return _pick(_DIRECTION[direction], lang)


def party_text(party: str, lang: Lang) -> str:
    return _pick(_PARTY.get(party, _PARTY["other"]), lang)


def leg_state_text(state: LegState, lang: Lang) -> str:
    """The leg state in the agent's language (the API's Russian literal, or its English caption)."""
    return state.value if lang == "ru" else state.english


def action_text(action: CallAction, lang: Lang) -> str:
    return _pick(_ACTION[action], lang)


def talk_option_text(mnemonic: TalkOptionMnemonic, lang: Lang) -> str:
    return _pick(_TALK_OPTION[mnemonic], lang)


def text(key: str, lang: Lang, **values: object) -> str:
    """A free phrase with its placeholders filled."""
    return _pick(_PHRASES[key], lang).format(**values)


def phrase_keys() -> frozenset[str]:
    """Every free phrase key (for tests)."""
    return frozenset(_PHRASES)
