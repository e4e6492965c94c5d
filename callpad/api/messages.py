"""Agent-facing error texts in Russian and English, each with a next step.

Keys: an API mnemonic (`tts_text_exceeded`), optionally narrowed by method
(`forbidden@record.call`) or by code (`scenario_not_found/-32007`); and `client.*` keys for
failures the client detects itself.
Placeholders are the names of the spec's template parameters (`data.params`), plus `field`, `value`
and `method`; a missing value renders as "?".
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from enum import StrEnum


class Lang(StrEnum):
    """Languages of user messages."""

    RU = "ru"
    EN = "en"


# Each entry holds the Russian text, then the English one.
MESSAGES: dict[str, tuple[str, str]] = {
    # --- authentication and access ---
    "auth_error": (
        "Неверный логин или пароль. Проверьте их и войдите снова.",
        "The login or password is wrong. Check them and log in again.",
    ),
    "access_token_invalid": (
        "Сеанс работы с API истёк или был завершён. Войдите снова.",
        "The API session has expired or was ended. Log in again.",
    ),
    "access_token_expired": (
        "Срок действия ключа API истёк. Попросите администратора выпустить новый ключ.",
        "The API key has expired. Ask your administrator for a new key.",
    ),
    "access_token_blocked": (
        "Ключ API заблокирован администратором. Обратитесь к администратору аккаунта.",
        "The API key was blocked by an administrator. Contact your account administrator.",
    ),
    "ip_not_whitelisted": (
        "Доступ к API с адреса {ip} запрещён. Попросите администратора добавить этот IP "
        "в список разрешённых (Правила и настройки безопасности, вкладка API).",
        "API access from {ip} is not allowed. Ask your administrator to add this IP to the "
        "whitelist (Security settings, API tab).",
    ),
    "forbidden": (
        "Недостаточно прав для этого действия. Попросите администратора выдать право "
        "«Доступ к Call API».",
        "You are not allowed to do this. Ask your administrator for the 'Call API access' right.",
    ),
    "forbidden@record.call": (
        "Запись этого звонка нельзя изменить: она задана настройками. Ничего делать не нужно.",
        "Recording of this call cannot be changed: it is set by the account settings. "
        "No action is needed.",
    ),
    "forbidden@call.talk_option": (
        "Эта опция разговора сейчас недоступна. Выберите другую или продолжите разговор.",
        "This talk option is not available now. Pick another one or carry on talking.",
    ),
    "component_disabled": (
        "Функция недоступна: компонент «{component_name}» не подключён. "
        "Обратитесь к администратору или менеджеру.",
        "Not available: the component '{component_name}' is not enabled. "
        "Contact your administrator or account manager.",
    ),
    "account_inactive": (
        "Аккаунт заблокирован. Обратитесь в службу поддержки.",
        "The account is disabled. Contact the support service.",
    ),
    # --- limits ---
    "limit_exceeded": (
        "Исчерпан лимит запросов к API ({limit_max_value} баллов в {limit_type_ru}). "
        "Подождите {retry_after} с и повторите.",
        "The API request limit is used up ({limit_max_value} points per {limit_type}). "
        "Wait {retry_after} s and try again.",
    ),
    "limit_exceeded/no_reset": (
        "Исчерпан лимит запросов к API ({limit_max_value} баллов в {limit_type_ru}). "
        "Подождите до начала следующей {limit_period_ru} и повторите.",
        "The API request limit is used up ({limit_max_value} points per {limit_type}). "
        "Wait for the next {limit_type} and try again.",
    ),
    # --- parameters ---
    "required_parameter_missed": (
        "Не заполнено обязательное поле {field}. Заполните его и повторите.",
        "The required field {field} is empty. Fill it in and try again.",
    ),
    "data_type_error": (
        "Поле {field} имеет неверный формат. Исправьте значение и повторите.",
        "The field {field} has the wrong format. Correct it and try again.",
    ),
    "invalid_parameter_value": (
        "Недопустимое значение поля {field}: {value}. Исправьте его и повторите.",
        "The value of {field} is not allowed: {value}. Correct it and try again.",
    ),
    "unexpected_parameters": (
        "Сервер не принял лишний параметр {field}. Это ошибка программы: сообщите разработчикам.",
        "The server refused the unexpected parameter {field}. This is a program error: "
        "please report it.",
    ),
    "invalid_parameters_combination": (
        "Такое сочетание настроек недопустимо (раннее соединение требует «сначала сотрудник» "
        "и «соединять сразу»). Измените настройки звонка.",
        "These settings cannot be combined (early switching needs 'employee first' and "
        "'switch at once'). Change the call settings.",
    ),
    "tts_text_exceeded": (
        "Текст для озвучивания слишком длинный: {sent_tts_message_length} символов при "
        "максимуме {tts_message_max_length}. Сократите текст.",
        "The text to speak is too long: {sent_tts_message_length} characters, the maximum is "
        "{tts_message_max_length}. Shorten it.",
    ),
    "character_encoding_not_allowed": (
        "Сервер не принял кодировку запроса. Это ошибка программы: сообщите разработчикам.",
        "The server refused the request encoding. This is a program error: please report it.",
    ),
    # --- entities ---
    "call_session_not_found": (
        "Звонок уже завершён. Обновите список звонков.",
        "The call has already ended. Refresh the call list.",
    ),
    "employee_not_found": (
        "Сотрудник {employee_id} не найден в аккаунте. Проверьте настройки сотрудника.",
        "Employee {employee_id} was not found in the account. Check the employee setting.",
    ),
    "no_active_phone_number": (
        "У сотрудника нет активного номера (или указанный номер не активен). "
        "Включите номер в настройках сотрудника или выберите другой.",
        "The employee has no active phone number (or the chosen number is inactive). "
        "Enable a number in the employee settings or choose another one.",
    ),
    "scenario_not_found": (
        "Сценарий {scenario_id} не найден. Выберите другой сценарий.",
        "Scenario {scenario_id} was not found. Choose another scenario.",
    ),
    "scenario_not_found/-32007": (
        "К виртуальному номеру не привязан сценарий. Выберите другой номер или настройте сценарий.",
        "No scenario is attached to the virtual number. Choose another number or set one up.",
    ),
    "media_file_not_found": (
        "Медиафайл {media_file_id} не найден. Выберите другой файл.",
        "Media file {media_file_id} was not found. Choose another file.",
    ),
    "virtual_phone_number_not_found": (
        "Номер {virtual_phone_number} не является виртуальным номером вашего аккаунта. "
        "Выберите другой номер для определителя.",
        "{virtual_phone_number} is not a virtual number of your account. Choose another caller ID.",
    ),
    "own_virtual_phone_number_not_allowed": (
        "Нельзя звонить на собственный виртуальный номер. Введите номер клиента.",
        "You cannot call your own virtual number. Enter the customer's number.",
    ),
    "tag_not_found": (
        "Тег {tag_id} не найден. Выберите другой тег.",
        "Tag {tag_id} was not found. Choose another tag.",
    ),
    "leg_not_found": (
        "Этот участник уже покинул звонок. Обновите список звонков.",
        "This participant has already left the call. Refresh the call list.",
    ),
    "coach_not_found": (
        "Тренер не настроен в аккаунте. Укажите номер тренера или попросите администратора.",
        "No coach is set up in the account. Enter the coach's number or ask your administrator.",
    ),
    "talk_option_not_found": (
        "Такой опции разговора нет. Обновите список опций.",
        "There is no such talk option. Refresh the list of options.",
    ),
    # --- call rules and state ---
    "contact_in_blacklist": (
        "Номер {contact} в чёрном списке, звонок не начат. Уберите его из списка, если это ошибка.",
        "{contact} is blacklisted; the call was not started. Remove it from the blacklist "
        "if this is a mistake.",
    ),
    "call_direction_forbidden": (
        "Звонки в этом направлении запрещены правилами безопасности аккаунта. "
        "Обратитесь к администратору.",
        "Calls in this direction are forbidden by the account's security rules. "
        "Contact your administrator.",
    ),
    "invalid_state": (
        "Сейчас это действие со звонком невозможно. Обновите список звонков и попробуйте снова.",
        "This action is not possible in the call's current state. Refresh the call list "
        "and try again.",
    ),
    "duplicate_tag": (
        "Этот тег уже поставлен на звонок. Ничего делать не нужно.",
        "This tag is already set on the call. No action is needed.",
    ),
    "duplicate_contact": (
        "Номер {contact_phone_number} уже в чёрном списке. Ничего делать не нужно.",
        "{contact_phone_number} is already blacklisted. No action is needed.",
    ),
    "record_already_started": (
        "Запись уже идёт. Ничего делать не нужно.",
        "Recording is already on. No action is needed.",
    ),
    "record_already_stopped": (
        "Запись уже выключена. Ничего делать не нужно.",
        "Recording is already off. No action is needed.",
    ),
    # --- server and protocol ---
    "internal_error": (
        "Внутренняя ошибка сервера. Проверьте список звонков, прежде чем повторять; "
        "если ошибка повторится, обратитесь в поддержку.",
        "Internal server error. Check the call list before trying again; if it happens again, "
        "contact support.",
    ),
    "parse_error": (
        "Сервер не смог прочитать запрос. Это ошибка программы: сообщите разработчикам.",
        "The server could not read the request. This is a program error: please report it.",
    ),
    "invalid_request": (
        "Сервер отклонил запрос как некорректный. Это ошибка программы: сообщите разработчикам.",
        "The server rejected the request as malformed. This is a program error: please report it.",
    ),
    "method_not_found": (
        "Сервер не поддерживает это действие ({method}). Проверьте адрес сервера и версию API.",
        "The server does not support this action ({method}). Check the server address and "
        "API version.",
    ),
    "batch_opreations_not_supported": (
        "Сервер не принимает пакетные запросы. Это ошибка программы: сообщите разработчикам.",
        "The server does not accept batch requests. This is a program error: please report it.",
    ),
    "notifications_not_supported": (
        "Сервер не принимает запросы без номера. Это ошибка программы: сообщите разработчикам.",
        "The server does not accept requests without an id. This is a program error: "
        "please report it.",
    ),
    # --- detected by the client ---
    "client.rpc_error": (
        "Сервер вернул ошибку {code} ({mnemonic}). Повторите позже; если не поможет, "
        "обратитесь в поддержку.",
        "The server returned error {code} ({mnemonic}). Try again later; if that does not help, "
        "contact support.",
    ),
    "client.connection_failed": (
        "Не удалось подключиться к серверу {host}. Проверьте интернет и адрес сервера, "
        "затем повторите.",
        "Could not connect to {host}. Check the network and the server address, then try again.",
    ),
    "client.connection_lost": (
        "Связь с сервером оборвалась до ответа. Повторите попытку.",
        "The connection dropped before the server answered. Try again.",
    ),
    "client.timeout": (
        "Сервер не ответил вовремя. Повторите попытку чуть позже.",
        "The server did not answer in time. Try again a little later.",
    ),
    "client.http_status": (
        "Сервер ответил ошибкой HTTP {status}. Проверьте адрес сервера; повторите позже.",
        "The server answered with HTTP error {status}. Check the server address; try again later.",
    ),
    "client.protocol": (
        "Сервер прислал непонятный ответ. Повторите позже; если не поможет, "
        "сообщите разработчикам.",
        "The server sent a reply that could not be understood. Try again later; if that "
        "does not help, please report it.",
    ),
    "client.outcome_unknown": (
        "Неизвестно, выполнено ли действие «{action_ru}»: связь прервалась после отправки "
        "запроса. Проверьте список звонков, прежде чем пробовать снова.",
        "It is unknown whether '{action_en}' was carried out: the connection failed after the "
        "request was sent. Check the call list before trying again.",
    ),
    "client.endpoint": (
        "Недопустимый адрес сервера: {url}. Нужен адрес https:// (http:// только для "
        "локального сервера).",
        "Invalid server address: {url}. Use an https:// address (http:// only for a local server).",
    ),
    "client.closed": (
        "Соединение с API уже закрыто. Перезапустите приложение.",
        "The API connection is already closed. Restart the application.",
    ),
    "client.not_logged_in": (
        "Вы не вошли в систему. Войдите с логином и паролем или ключом API.",
        "You are not logged in. Log in with your login and password or an API key.",
    ),
    "phone.empty": (
        "Введите номер телефона.",
        "Enter a phone number.",
    ),
    "phone.not_a_number": (
        "«{text}» не похоже на номер телефона. Введите цифры, например +7 926 123-45-67.",
        "'{text}' does not look like a phone number. Enter digits, e.g. +7 926 123-45-67.",
    ),
    "phone.sip_name": (
        "Адрес SIP «{text}» не содержит номера. API принимает только номера из цифр.",
        "The SIP address '{text}' holds no number. The API accepts only numbers made of digits.",
    ),
    "phone.too_short": (
        "Номер «{text}» слишком короткий. Введите номер с кодом города или страны.",
        "'{text}' is too short. Enter the number with its area or country code.",
    ),
    "phone.too_long": (
        "Номер «{text}» слишком длинный. Проверьте его.",
        "'{text}' is too long. Check the number.",
    ),
    "phone.wrong_length": (
        "В номере «{text}» неверное число цифр для этой страны. Проверьте номер.",
        "'{text}' has the wrong number of digits for its country. Check the number.",
    ),
    "phone.invalid_country": (
        "Не удалось определить код страны в «{text}». Начните международный номер с +.",
        "Could not find the country code in '{text}'. Start an international number with +.",
    ),
    "phone.short_not_allowed": (
        "Внутренний номер «{text}» здесь не подходит. Введите полный номер с кодом страны.",
        "The internal number '{text}' cannot be used here. Enter a full number with its "
        "country code.",
    ),
}

# What each call-changing method does, for "outcome unknown" messages (Russian, English).
ACTIONS: dict[str, tuple[str, str]] = {
    "start.employee_call": ("звонок", "the call"),
    "start.scenario_call": ("звонок по сценарию", "the scenario call"),
    "start.vnumber_call": ("звонок через виртуальный номер", "the virtual-number call"),
    "start.informer_call": ("информирующий звонок", "the informer call"),
    "start.simple_call": ("звонок", "the call"),
    "make.call": ("вызов третьего участника", "the consultation call"),
    "transfer.talk": ("перевод звонка", "the transfer"),
    "restore.talk": ("возврат к клиенту", "the return to the customer"),
    "hold.call": ("удержание", "the hold"),
    "unhold.call": ("снятие с удержания", "the unhold"),
    "tag.call": ("установка тега", "the tag"),
    "disconnect.leg": ("отключение участника", "the disconnection"),
    "add.coach": ("подключение тренера", "adding the coach"),
    "record.call": ("управление записью", "the recording change"),
    "block.contact": ("блокировка номера", "blocking the number"),
    "call.talk_option": ("опция разговора", "the talk option"),
    "send.dtmf": ("отправка DTMF", "sending DTMF"),
    "release.call": ("завершение звонка", "ending the call"),
}

_LIMIT_TYPE_RU = {"minute": "минуту", "day": "день"}
_LIMIT_PERIOD_RU = {"minute": "минуты", "day": "суток"}


class _Missing(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def render(key: str, lang: Lang | str, values: Mapping[str, object]) -> str | None:
    """Fill the message `key` in `lang` from `values`; None if there is no such message."""
    texts = MESSAGES.get(key)
    if texts is None:
        return None
    template = texts[0] if Lang(lang) is Lang.RU else texts[1]
    filled = _Missing({k: v for k, v in values.items() if v is not None})
    if "limit_type" in filled:
        limit_type = str(filled["limit_type"])
        filled.setdefault("limit_type_ru", _LIMIT_TYPE_RU.get(limit_type, limit_type))
        filled.setdefault("limit_period_ru", _LIMIT_PERIOD_RU.get(limit_type, limit_type))
    return string.Formatter().vformat(template, (), filled)
